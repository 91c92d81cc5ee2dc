/**
 * What the end-to-end tests share: running the command as an operator would
 * (a child process, no TTY), and an HTTP proxy in front of the real gateway
 * that can fail or drop chosen requests, to exercise the retries.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: the command runs from there, like `npx pnpm run flusso`. */
export const RADICE = fileURLToPath(new URL('../../../', import.meta.url));

export interface Esecuzione {
  codice: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `flusso …` as `node --import tsx platform/flussi-cli/src/main.ts …` from
 * the repository root. Asynchronous on purpose: the platform answering it runs
 * in this very process. `env` replaces CASELLARIO_TOKEN / CASELLARIO_URL.
 */
export function flusso(args: string[], env: Record<string, string | undefined> = {}): Promise<Esecuzione> {
  const base = { ...process.env };
  delete base.CASELLARIO_TOKEN;
  delete base.CASELLARIO_URL;
  const ambiente = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'platform/flussi-cli/src/main.ts', ...args],
      { cwd: RADICE, env: ambiente, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (errore, stdout, stderr) => {
        const codice = errore ? (typeof errore.code === 'number' ? errore.code : -1) : 0;
        resolve({ codice, stdout, stderr });
      },
    );
  });
}

/** What the proxy does with one GraphQL POST: pass it on, answer 503 itself, or forward and then hang up without answering. */
export type Azione = 'inoltra' | '503' | 'perdi-risposta';

export interface Proxy {
  url: string;
  /** The operation of every POST received, in order (the mutation or query text's first word and field). */
  richieste: string[];
  close(): Promise<void>;
}

/**
 * A proxy to `destinazione` (the gateway): `decidi` chooses what happens to
 * each POST, given its body and how many came before.
 */
export async function avviaProxy(destinazione: string, decidi: (corpo: string, n: number) => Azione): Promise<Proxy> {
  const richieste: string[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const pezzi: Buffer[] = [];
    for await (const c of req) pezzi.push(c as Buffer);
    const corpo = Buffer.concat(pezzi).toString('utf8');
    const n = richieste.length;
    richieste.push(operazione(corpo));
    const azione = decidi(corpo, n);
    if (azione === '503') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('Servizio temporaneamente non disponibile');
      return;
    }
    const risposta = await fetch(destinazione, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: req.headers.authorization ?? '' },
      body: corpo,
    });
    const testo = await risposta.text();
    if (azione === 'perdi-risposta') {
      // The registry did the work; its answer never reaches the client.
      req.socket.destroy();
      return;
    }
    res.writeHead(risposta.status, { 'content-type': risposta.headers.get('content-type') ?? 'application/json' }).end(testo);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    richieste,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

function operazione(corpo: string): string {
  try {
    const q = (JSON.parse(corpo) as { query?: string }).query ?? '';
    if (q.includes('inviaFlusso')) return 'inviaFlusso';
    if (q.includes('esiti(')) return 'esiti';
    if (q.includes('codiciEsito')) return 'codiciEsito';
    return 'flusso';
  } catch {
    return '?';
  }
}

/** A port nothing listens on (bound, read, released). */
export async function portaLibera(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
