import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DELIVERY_PREFIX, type RunningServer } from '@casellario/kit';

/**
 * A real HTTP server on port 0 standing in front of a real component, for fault
 * injection in delivery tests: while `giu` it answers 503 to everything (the
 * component down); otherwise it forwards each delivery batch to the component,
 * except the items `rifiuta` names, which it answers `{ ok: false, errore }`
 * itself (a component refusing a record for good). Nothing is simulated behind
 * it: the records it lets through are stored by the real component.
 */
export interface ComponenteGuasto extends RunningServer {
  giu: boolean;
  rifiuta: (kind: string, item: Record<string, unknown>) => string | null;
  /** A batch this answers 500 to (a fault that may pass: the sender retries it). */
  fallisce: (kind: string, items: Array<Record<string, unknown>>) => boolean;
  /** Batches answered 503 while down. */
  rifiutatiGiu: number;
}

export async function componenteGuasto(reale: () => string): Promise<ComponenteGuasto> {
  const state: Pick<ComponenteGuasto, 'giu' | 'rifiuta' | 'fallisce' | 'rifiutatiGiu'> = { giu: false, rifiuta: () => null, fallisce: () => false, rifiutatiGiu: 0 };
  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (state.giu) {
      state.rifiutatiGiu++;
      res.statusCode = 503;
      res.end('{"errore":"giù"}');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const kind = path.startsWith(DELIVERY_PREFIX) ? path.slice(DELIVERY_PREFIX.length) : null;
    const target = new URL(req.url ?? '/', reale());
    const headers = { 'content-type': 'application/json', authorization: String(req.headers.authorization ?? '') };
    if (!kind || req.method !== 'POST') {
      const r = await fetch(target, { method: req.method ?? 'GET', headers, ...(body.length ? { body } : {}) });
      res.statusCode = r.status;
      res.end(Buffer.from(await r.arrayBuffer()));
      return;
    }
    const items = (JSON.parse(body.toString('utf8')) as { items: Array<Record<string, unknown>> }).items;
    if (state.fallisce(kind, items)) {
      res.statusCode = 500;
      res.end('{"errore":"Consegna non riuscita"}');
      return;
    }
    const motivi = items.map((item) => state.rifiuta(kind, item));
    const passano = items.filter((_, i) => motivi[i] === null);
    let risultati: unknown[] = [];
    if (passano.length > 0) {
      const r = await fetch(target, { method: 'POST', headers, body: JSON.stringify({ items: passano }) });
      if (!r.ok) {
        res.statusCode = r.status;
        res.end(Buffer.from(await r.arrayBuffer()));
        return;
      }
      risultati = ((await r.json()) as { risultati: unknown[] }).risultati;
    }
    let j = 0;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ risultati: motivi.map((m) => (m === null ? risultati[j++] : { ok: false, errore: m })) }));
  };
  const server = createServer((req, res) => {
    handler(req, res).catch(() => {
      res.statusCode = 502;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const guasto = Object.assign(state, {
    server,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return guasto as ComponenteGuasto;
}
