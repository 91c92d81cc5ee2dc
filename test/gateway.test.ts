import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { concurrencyPerOperatorFromEnv, startGateway, SUPERGRAPH_PATH, type RunningGateway } from '@casellario/gateway';
import { graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import { signDevToken } from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

describe('gateway behaviour', () => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
  });
  afterAll(() => tp?.stop());

  it('answers liveness and readiness', async () => {
    const base = tp.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('refuses introspection and shows no stack traces by default', async () => {
    const r = await graphqlRequest(tp.gatewayUrl, '{ __schema { types { name } } }', { token: await ROLE_TOKENS.gestione() });
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.raw).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('refuses batched requests', async () => {
    const token = await ROLE_TOKENS.gestione();
    const response = await fetch(tp.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ ente(codice: "H501") { codice } }' }, { query: '{ ente(codice: "F205") { codice } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('gateway with a subgraph that hangs or is down', () => {
  let hanging: Server;
  let gateway: RunningGateway;
  beforeAll(async () => {
    // A "subgraph" that accepts the connection and never answers.
    hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
    const port = (hanging.address() as AddressInfo).port;
    const { verify } = await testSecurity();
    gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: { anagrafe: `http://127.0.0.1:${port}/graphql`, sina: 'http://127.0.0.1:9/graphql' },
      verify,
      port: 0,
      subgraphTimeoutMs: 300,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    hanging?.closeAllConnections();
    hanging?.close();
  });

  it('times the call out and answers with a masked error instead of waiting', async () => {
    // Without the gateway's timeout this request would hang until the test itself times out.
    const r = await graphqlRequest(gateway.url, '{ ente(codice: "H501") { codice } }', { token: await ROLE_TOKENS.gestione() });
    expect(r.data).toEqual({ ente: null });
    expect(r.errors?.[0]).toMatchObject({ message: 'Errore interno del servizio', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(r.raw).not.toContain('127.0.0.1');
  });

  it('reports not ready when a subgraph is unreachable', async () => {
    const response = await fetch(gateway.url.replace(/\/graphql$/, '/health/ready'));
    expect(response.status).toBe(503);
  });
});

/** The pseudonymous cartella of every person on a full page: the heaviest read the limits allow (see abuse-limits.test.ts). */
const PAGINA_DI_CARTELLE = `{ elencoPrestazioniAgevolate(primi: 200) { elementi { codicePrestazione persona { id
  anagrafica { annoNascita fasciaEta genere cittadinanza } residenza { codiceComune codiceRegione }
  prestazioniAgevolate { codicePrestazione importoMensile importoPrestazione areaUtenza enteErogatore { codice denominazione } dsu { isee tipoIsee } }
  prestazioniSociali { codicePrestazione importoMensile importoPrestazione caratterePrestazione }
  valutazioniSina { dataValutazione mobilita attivitaVitaQuotidiana invaliditaCivile necessitaInterventiSociali }
  valutazioniSip { ruoloNelNucleo caso { misura stato componenti { ruolo persona { id } } } } } } } }`;

describe('gateway under the heaviest allowed reads: per-operator concurrency, and health never behind them', () => {
  let tp: TestPlatform;
  let gate: Server;
  let gateway: RunningGateway;
  // Requests to prestazioni-agevolate wait here until `open()`: the reads are provably in flight, whatever the machine's speed.
  const held: Array<() => void> = [];
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  let opened = false;
  const open = () => {
    opened = true;
    for (const release of held.splice(0)) release();
  };
  const heldAtLeast = (n: number) =>
    new Promise<void>((resolve) => {
      if (held.length >= n) resolve();
      else waiters.push({ n, resolve });
    });

  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    const target = new URL(tp.subgraphUrl('prestazioni-agevolate'));
    gate = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      if (!opened) {
        await new Promise<void>((resolve) => {
          held.push(resolve);
          waiters = waiters.filter((w) => (held.length >= w.n ? (w.resolve(), false) : true));
        });
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'content-length', 'connection'].includes(e[0])),
      );
      const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
    });
    await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', () => resolve()));
    const { verify } = await testSecurity();
    gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(tp.platform.subgraphs).map(([n, s]) => [n, s.url])),
        'prestazioni-agevolate': `http://127.0.0.1:${(gate.address() as AddressInfo).port}/graphql`,
      },
      verify,
      port: 0,
      concurrentPerOperator: 2,
    });
  });
  afterAll(async () => {
    open();
    await gateway?.close();
    gate?.closeAllConnections();
    gate?.close();
    await tp?.stop();
  });

  const operatore = (n: number) => signDevToken({ sub: `op-monitoraggio-${n}`, ruolo: 'monitoraggio', ente: 'MLPS', territorio: 'IT' });

  it('answers /health/live while six of the heaviest reads of three operators are in flight, refuses a third of one operator with 429, and serves them all once they can proceed', async () => {
    const tokens = await Promise.all([1, 2, 3, 4].map(operatore));
    const settled: boolean[] = [];
    const start = (token: string) => {
      const i = settled.push(false) - 1;
      return graphqlRequest<{ elencoPrestazioniAgevolate: { elementi: unknown[] } }>(gateway.url, PAGINA_DI_CARTELLE, { token }).finally(() => {
        settled[i] = true;
      });
    };
    const inFlight = [tokens[0]!, tokens[0]!, tokens[1]!, tokens[1]!, tokens[2]!, tokens[2]!].map(start);
    await heldAtLeast(6);

    const live = await fetch(gateway.url.replace(/\/graphql$/, '/health/live'));
    expect({ status: live.status, body: await live.json() }).toEqual({ status: 200, body: { status: 'ok' } });
    expect(settled).toEqual([false, false, false, false, false, false]);

    // A third read of operator 1: refused at once, with when to retry.
    const excess = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[0]}` },
      body: JSON.stringify({ query: '{ ente(codice: "H501") { codice } }' }),
    });
    expect({ status: excess.status, retryAfter: excess.headers.get('retry-after'), body: await excess.json() }).toEqual({
      status: 429,
      retryAfter: '2',
      body: {
        errors: [
          {
            message: 'Troppe richieste in corso per questo operatore: attendere che terminino e riprovare tra 2 secondi.',
            extensions: { code: 'TOO_MANY_REQUESTS', motivo: 'RICHIESTE_CONCORRENTI' },
          },
        ],
      },
    });
    // Another operator is not held back by operator 1's limit.
    inFlight.push(start(tokens[3]!));
    await heldAtLeast(7);
    expect(settled.every((s) => !s)).toBe(true);

    open();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => [a.status, a.data?.elencoPrestazioniAgevolate.elementi.length])).toEqual(Array.from({ length: 7 }, () => [200, 200]));

    // The slots were given back: operator 1 is served again.
    const again = await graphqlRequest(gateway.url, '{ ente(codice: "H501") { codice } }', { token: tokens[0] });
    expect(again.data).toEqual({ ente: { codice: 'H501' } });
  });

  it('reads GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE (default 4) and refuses to start on a value that is not a positive integer', () => {
    expect(concurrencyPerOperatorFromEnv({})).toBe(4);
    expect(concurrencyPerOperatorFromEnv({ GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE: '8' })).toBe(8);
    expect(() => concurrencyPerOperatorFromEnv({ GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE: '0' })).toThrow('must be a positive integer');
  });

  it('gives the slot back when a request fails or is refused after taking it', async () => {
    const token = await operatore(9);
    for (let i = 0; i < 3; i++) {
      // Malformed JSON: refused after the token check took a slot.
      const bad = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":' });
      expect(bad.status).toBe(400);
    }
    const ok = await graphqlRequest(gateway.url, '{ ente(codice: "H501") { codice } }', { token });
    expect(ok.data).toEqual({ ente: { codice: 'H501' } });
  });
});
