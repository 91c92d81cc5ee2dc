import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { leggiDateTime, MAX_VOCI, violazioniElencoEsiti, violazioniEntries, type EsitoFlusso, type VoceFlusso } from '../../src/pull/waas';

/** A flow the comune publishes: the OpenAPI's `Flusso`, built from the XML. */
export interface FlussoPubblicato {
  id_flusso: string;
  tipo: 'PS_PSA_SINA' | 'SINBA';
  ts_flusso: string;
  xml: string;
  codice_ente?: string;
  denominazione_ente?: string;
}

/** A `GET /flussi` answer written by the test instead of the list (garbage, errors). */
export interface RispostaForzata {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ServerComune {
  /** The API's base URL, as in the OpenAPI's `servers` (`…/waas/v1`). */
  url: string;
  /** Publishes flows (kept in the order given; served in `ts_flusso` order). */
  pubblica(...flussi: FlussoPubblicato[]): void;
  /** Publishes raw entries as given, without checks (entries a real comune should not send). */
  pubblicaVoci(...voci: unknown[]): void;
  /** `since` and `limit` of every `GET /flussi`, in order. */
  richiesteFlussi: Array<{ since: string | null; limit: string | null }>;
  /** Every `POST /esiti` body, in order, including those answered with an error. */
  notifiche: Array<{ elenco_esiti: EsitoFlusso[] }>;
  /** Esiti taken (answered 2xx), in order. */
  esitiRicevuti(): EsitoFlusso[];
  /** The next `n` `POST /esiti` are answered 500. */
  falliscaNotifiche(n: number): void;
  /** The next `GET /flussi` answers (one per call) are these instead of the list. */
  forzaRisposte(...risposte: RispostaForzata[]): void;
  /** Every `GET /flussi` hangs (never answers) while true. */
  bloccato: boolean;
  /** Schema violations found in this server's own answers (must stay empty). */
  violazioniProprie: string[];
  close(): Promise<void>;
}

function problem(res: ServerResponse, status: number, title: string, detail: string): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', status, title, detail }));
}

async function leggiCorpo(req: IncomingMessage): Promise<string> {
  const parti: Buffer[] = [];
  for await (const p of req) parti.push(p as Buffer);
  return Buffer.concat(parti).toString('utf8');
}

const INTERO = /^(0|[1-9][0-9]*)$/;

/**
 * A comune's side of INPS's WaaS API (`api-comuni.yaml`) on port 0, for tests:
 * `GET /flussi` serves an in-memory list with the specification's semantics
 * (entries with `ts_flusso` strictly after `since`, oldest first, at most
 * `limit`, 10 by default), `POST /esiti` records what it receives (and can be
 * told to fail), `GET /status` answers problem+json. Optionally requires a
 * bearer token, as PDND would. Checks its own answers and the esiti it
 * receives against the OpenAPI's schemas.
 */
export async function startServerComune(options: { ente?: string; denominazione?: string; token?: string } = {}): Promise<ServerComune> {
  const ente = options.ente ?? 'H501';
  const voci: unknown[] = [];
  const ricevuti: EsitoFlusso[] = [];
  let fallimenti = 0;
  const forzate: RispostaForzata[] = [];
  const pendenti = new Set<ServerResponse>();

  const state: Omit<ServerComune, 'url' | 'close'> = {
    pubblica: (...flussi) => {
      for (const f of flussi) {
        voci.push({
          codice_ente: f.codice_ente ?? ente,
          denominazione_ente: f.denominazione_ente ?? options.denominazione ?? 'Comune di Roma',
          id_flusso: f.id_flusso,
          ts_flusso: f.ts_flusso,
          tipo: f.tipo,
          flusso: Buffer.from(f.xml, 'utf8').toString('base64'),
        } satisfies VoceFlusso);
      }
    },
    pubblicaVoci: (...v) => void voci.push(...v),
    richiesteFlussi: [],
    notifiche: [],
    esitiRicevuti: () => [...ricevuti],
    falliscaNotifiche: (n) => {
      fallimenti = n;
    },
    forzaRisposte: (...r) => void forzate.push(...r),
    bloccato: false,
    violazioniProprie: [],
  };

  const server = createServer(async (req, res) => {
    try {
      if (options.token && req.headers.authorization !== `Bearer ${options.token}`) {
        problem(res, 401, 'Unauthorized', 'Voucher PDND mancante o non valido');
        return;
      }
      const url = new URL(req.url ?? '/', 'http://comune');
      const path = url.pathname.replace(/^\/waas\/v1/, '');
      if (req.method === 'GET' && path === '/status') {
        res.writeHead(200, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ status: 200, title: 'OK', detail: 'Servizio attivo' }));
        return;
      }
      if (req.method === 'GET' && path === '/flussi') {
        const since = url.searchParams.get('since');
        const limit = url.searchParams.get('limit');
        state.richiesteFlussi.push({ since, limit });
        if (state.bloccato) {
          pendenti.add(res);
          return;
        }
        const forzata = forzate.shift();
        if (forzata) {
          res.writeHead(forzata.status, { 'content-type': forzata.contentType ?? 'application/json', ...(forzata.headers ?? {}) });
          res.end(forzata.body);
          return;
        }
        if (since === null || !INTERO.test(since)) {
          problem(res, 400, 'Bad Request', 'Parametro since obbligatorio: timestamp in millisecondi');
          return;
        }
        const max = limit === null ? 10 : Number(limit);
        if (limit !== null && (!INTERO.test(limit) || max > MAX_VOCI)) {
          problem(res, 400, 'Bad Request', 'Parametro limit: intero tra 0 e 100');
          return;
        }
        const dopo = Number(since);
        const elenco = voci
          .map((v, i) => ({ v, i, ts: leggiDateTime((v as VoceFlusso).ts_flusso) ?? -1 }))
          .filter((x) => x.ts > dopo)
          .sort((a, b) => a.ts - b.ts || a.i - b.i)
          .slice(0, max)
          .map((x) => x.v);
        const body = { elenco_flussi: elenco };
        state.violazioniProprie.push(...violazioniEntries(body).map((v) => v.messaggio));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
        return;
      }
      if (req.method === 'POST' && path === '/esiti') {
        let body: unknown;
        try {
          body = JSON.parse(await leggiCorpo(req));
        } catch {
          problem(res, 400, 'Bad Request', 'Corpo non JSON');
          return;
        }
        const violazioni = violazioniElencoEsiti(body);
        if (violazioni.length > 0) {
          problem(res, 400, 'Bad Request', violazioni.map((v) => v.messaggio).join('; '));
          return;
        }
        const elenco = body as { elenco_esiti: EsitoFlusso[] };
        state.notifiche.push(elenco);
        if (fallimenti > 0) {
          fallimenti--;
          problem(res, 500, 'Internal Server Error', 'Archivio esiti non disponibile');
          return;
        }
        ricevuti.push(...elenco.elenco_esiti);
        res.writeHead(204);
        res.end();
        return;
      }
      problem(res, 404, 'Not Found', `${req.method} ${path}`);
    } catch (error) {
      problem(res, 500, 'Internal Server Error', (error as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/waas/v1`,
    close: async () => {
      for (const res of pendenti) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
