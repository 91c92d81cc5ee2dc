import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { startGateway, SUPERGRAPH_PATH, type RunningGateway } from '@casellario/gateway';
import { graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
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
