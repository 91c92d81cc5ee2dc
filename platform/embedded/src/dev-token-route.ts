import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeUtf8 } from '@casellario/kit';
import { signDevToken } from '@casellario/policies';
import { decideDevToken, type DevTokenRefusal } from './dev-token-request';

/** Where the console asks for a development token; the route exists only in development mode. */
export const DEV_TOKEN_PATH = '/sviluppo/token';

const MAX_BODY_BYTES = 4096;

const REFUSALS: Record<DevTokenRefusal, string> = {
  ruolo: 'Finalità (ruolo) mancante o sconosciuta',
  ente: 'Codice ente mancante o malformato (es. H501, INPS, GDF, MLPS, R12)',
  territorio: 'Territorio non valido: IT, un codice ISTAT di regione (2 cifre) o di comune (6 cifre)',
  territorioMancante: 'La finalità programmazione richiede il territorio',
  territorioNazionale: 'La finalità programmazione richiede una regione o un comune, non IT',
  sub: 'Operatore non valido',
};

/**
 * Signs a development token for the console's sign-in screen, with the same key
 * and the same rules as `pnpm run token` (decideDevToken). Only JSON bodies are
 * read: a cross-site page cannot send one without a CORS preflight, which this
 * server never grants, and a request whose Origin is another site is refused.
 * The operator id is not taken from the request: the console names no one.
 */
export async function handleDevTokenRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, { errore: 'Metodo non ammesso' });
  const origin = req.headers.origin;
  if (origin !== undefined && !sameHost(origin, req.headers.host)) return send(res, 403, { errore: 'Origine non ammessa' });
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { errore: 'Il corpo deve essere JSON' });
  const body = await readBody(req);
  if (body === null) return send(res, 400, { errore: 'Corpo della richiesta non valido' });
  const { ruolo, ente, territorio } = body as Record<string, unknown>;
  const decision = decideDevToken({ ruolo, ente, territorio });
  if (!decision.ok) return send(res, 400, { errore: REFUSALS[decision.refusal] });
  return send(res, 200, { token: await signDevToken(decision.claims) });
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function readBody(req: IncomingMessage): Promise<object | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  try {
    const text = decodeUtf8(Buffer.concat(chunks));
    if (text === null) return null;
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(payload));
}
