import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, SUPERGRAPH_PATH, type RunningGateway } from '@casellario/gateway';
import { deliverBatch } from '@casellario/kit';
import { gatewayProofHeaders, graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import {
  GATEWAY_PROOF_HEADER,
  gatewayProof,
  gatewaySecretsFromEnv,
  serviceTokenSource,
  verifyGatewayProof,
} from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const QUERY = '{ ente(codice: "H501") { codice } }';
const REFUSAL = {
  status: 403,
  body: { errors: [{ message: 'Richiesta non ammessa: questo servizio risponde solo attraverso il gateway', extensions: { code: 'FORBIDDEN' } }] },
};

/** Posts QUERY straight to a subgraph with exactly these headers (no help from graphqlRequest). */
async function direct(url: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: QUERY }) });
  return { status: response.status, body: await response.json() };
}

describe('subgraphs answer only requests that come through the gateway', () => {
  let tp: TestPlatform;
  let anagrafe: string;
  let authorization: string;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    anagrafe = tp.subgraphUrl('anagrafe');
    authorization = `Bearer ${await ROLE_TOKENS.gestione('H501')}`;
  });
  afterAll(() => tp?.stop());

  it('answers through the gateway', async () => {
    const r = await graphqlRequest(tp.gatewayUrl, QUERY, { headers: { authorization }, gatewayProof: false });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ ente: { codice: 'H501' } });
  });

  it('answers a direct request that carries a valid proof for its token (control)', async () => {
    expect(await direct(anagrafe, { authorization, ...gatewayProofHeaders(authorization) })).toEqual({
      status: 200,
      body: { data: { ente: { codice: 'H501' } } },
    });
  });

  it('refuses, at every subgraph, a valid token without a proof', async () => {
    for (const [name, server] of Object.entries(tp.platform.subgraphs)) {
      expect({ name, ...(await direct(server.url, { authorization, 'x-request-id': 'req-senza-prova' })) }).toEqual({ name, ...REFUSAL });
    }
  });

  it('refuses forged, replayed, expired and misbound proofs, all with the same answer', async () => {
    const { current } = gatewaySecretsFromEnv();
    const requestId = 'req-attacco-1';
    const now = Date.now();
    const other = `Bearer ${await ROLE_TOKENS.controllo('GDF')}`;
    const attempts: Record<string, Record<string, string>> = {
      'proof made with another secret': { [GATEWAY_PROOF_HEADER]: gatewayProof('x'.repeat(43), { requestId, authorization }) },
      'random MAC': { [GATEWAY_PROOF_HEADER]: `v1.${Math.floor(now / 1000)}.${'A'.repeat(43)}` },
      'not a proof at all': { [GATEWAY_PROOF_HEADER]: 'gateway' },
      'proof replayed with another token': { [GATEWAY_PROOF_HEADER]: gatewayProof(current, { requestId, authorization: other }) },
      'proof made without a token, sent with one': { [GATEWAY_PROOF_HEADER]: gatewayProof(current, { requestId, authorization: undefined }) },
      'proof for another request id': { [GATEWAY_PROOF_HEADER]: gatewayProof(current, { requestId: 'req-altra', authorization }) },
      'proof expired (2 minutes old)': { [GATEWAY_PROOF_HEADER]: gatewayProof(current, { requestId, authorization, now: now - 120_000 }) },
      'proof dated 2 minutes ahead': { [GATEWAY_PROOF_HEADER]: gatewayProof(current, { requestId, authorization, now: now + 120_000 }) },
      'proof sent twice': { [GATEWAY_PROOF_HEADER]: `${gatewayProof(current, { requestId, authorization })}, ${gatewayProof(current, { requestId, authorization })}` },
    };
    const outcomes: Record<string, unknown> = {};
    for (const [label, headers] of Object.entries(attempts)) {
      outcomes[label] = await direct(anagrafe, { authorization, 'x-request-id': requestId, ...headers });
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((label) => [label, REFUSAL])));
    // The same proof without any request id at all.
    const { 'x-request-id': _id, ...withoutId } = gatewayProofHeaders(authorization, requestId);
    expect(await direct(anagrafe, { authorization, ...withoutId })).toEqual(REFUSAL);
  });

  it('checks the proof before the token: a missing token behind a missing proof is still a 403', async () => {
    expect(await direct(anagrafe, {})).toEqual(REFUSAL);
  });

  it('leaves health probes and the internal delivery endpoints (service tokens) alone', async () => {
    const base = anagrafe.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    const servizio = await serviceTokenSource('svc-test')();
    await expect(deliverBatch(anagrafe, 'risolvi', [], servizio)).resolves.toEqual([]);
  });
});

describe('the gateway sends its own proof, never the client’s', () => {
  let tp: TestPlatform;
  let spy: Server;
  let gateway: RunningGateway;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    // A recording proxy in front of anagrafe: what the gateway really sends to a subgraph.
    const target = new URL(tp.subgraphUrl('anagrafe'));
    spy = createServer(async (req, res) => {
      seen.push({ ...req.headers });
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && !['host', 'content-length', 'connection'].includes(e[0])),
      );
      const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
    });
    await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', () => resolve()));
    const { verify } = await testSecurity();
    gateway = await startGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: {
        ...Object.fromEntries(Object.entries(tp.platform.subgraphs).map(([n, s]) => [n, s.url])),
        anagrafe: `http://127.0.0.1:${(spy.address() as AddressInfo).port}/graphql`,
      },
      verify,
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    spy?.closeAllConnections();
    spy?.close();
    await tp?.stop();
  });

  it('replaces a client-sent proof header with its own, bound to the forwarded token and request id', async () => {
    const { current } = gatewaySecretsFromEnv();
    const authorization = `Bearer ${await ROLE_TOKENS.gestione('H501')}`;
    // The client even sends a proof that would be valid for its request: the gateway must not pass it on.
    const clientProof = gatewayProof(current, { requestId: 'req-cliente', authorization, now: Date.now() - 30_000 });
    seen.length = 0;
    const r = await graphqlRequest(gateway.url, QUERY, {
      headers: { authorization, 'x-request-id': 'req-cliente', [GATEWAY_PROOF_HEADER]: clientProof },
      gatewayProof: false,
    });
    expect(r.data).toEqual({ ente: { codice: 'H501' } });
    expect(seen).toHaveLength(1);
    const received = seen[0]!;
    expect(received[GATEWAY_PROOF_HEADER]).not.toBe(clientProof);
    expect(received[GATEWAY_PROOF_HEADER]).not.toContain(',');
    // The request id is the gateway's own; the client's travels apart, for correlation only.
    const gatewayId = received['x-request-id'] as string;
    expect(gatewayId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(r.requestId).toBe(gatewayId);
    expect(received['x-request-id-cliente']).toBe('req-cliente');
    expect(received.authorization).toBe(authorization);
    expect(verifyGatewayProof(current, received[GATEWAY_PROOF_HEADER] as string, { requestId: gatewayId, authorization })).toBe(true);
    expect(verifyGatewayProof(current, received[GATEWAY_PROOF_HEADER] as string, { requestId: 'req-cliente', authorization })).toBe(false);
  });

  it('refuses a forged client-sent proof header without passing it on, and still answers', async () => {
    seen.length = 0;
    const r = await graphqlRequest(gateway.url, QUERY, {
      token: await ROLE_TOKENS.gestione('H501'),
      headers: { [GATEWAY_PROOF_HEADER]: 'v1.0.forged' },
      gatewayProof: false,
    });
    expect(r.data).toEqual({ ente: { codice: 'H501' } });
    expect(seen.map((h) => h[GATEWAY_PROOF_HEADER])).not.toContain('v1.0.forged');
  });
});

describe('the proof, as another gateway computes it', () => {
  it('is v1.<seconds>.<base64url HMAC-SHA256 over the documented string>', () => {
    const secret = 's'.repeat(40);
    const authorization = 'Bearer abc.def.ghi';
    const now = Date.UTC(2026, 0, 15, 9, 30, 0);
    const seconds = Math.floor(now / 1000);
    const hash = createHash('sha256').update(authorization).digest('hex');
    const mac = createHmac('sha256', secret).update(`casellario-gateway-v1\n${seconds}\nreq-1\n${hash}`).digest('base64url');
    expect(gatewayProof(secret, { requestId: 'req-1', authorization, now })).toBe(`v1.${seconds}.${mac}`);
  });

  it('is valid for 60 seconds and a few seconds of clock skew ahead', () => {
    const secret = 's'.repeat(40);
    const input = { requestId: 'req-1', authorization: 'Bearer t', now: 1_800_000_000_000 };
    const proof = gatewayProof(secret, input);
    expect(verifyGatewayProof(secret, proof, { ...input, now: input.now + 60_000 })).toBe(true);
    expect(verifyGatewayProof(secret, proof, { ...input, now: input.now + 61_000 })).toBe(false);
    expect(verifyGatewayProof(secret, proof, { ...input, now: input.now - 5_000 })).toBe(true);
    expect(verifyGatewayProof(secret, proof, { ...input, now: input.now - 6_000 })).toBe(false);
  });

  it('reads GATEWAY_SHARED_SECRET_FILE, one secret per line: signs with the first, accepts all (rotation)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casellario-gw-'));
    const file = join(dir, 'secret');
    writeFileSync(file, `${'n'.repeat(40)}\n${'o'.repeat(40)}\n`);
    const secrets = gatewaySecretsFromEnv({ GATEWAY_SHARED_SECRET_FILE: file, NODE_ENV: 'production' });
    expect(secrets).toEqual({ current: 'n'.repeat(40), accepted: ['n'.repeat(40), 'o'.repeat(40)] });
    const input = { requestId: 'r', authorization: 'Bearer t' };
    expect(verifyGatewayProof(secrets.accepted, gatewayProof('o'.repeat(40), input), input)).toBe(true);
    writeFileSync(file, 'short\n');
    expect(() => gatewaySecretsFromEnv({ GATEWAY_SHARED_SECRET_FILE: file })).toThrow('at least 32 characters');
  });

  it('is required in production: the development secret is refused there', () => {
    expect(() => gatewaySecretsFromEnv({ NODE_ENV: 'production' })).toThrow('GATEWAY_SHARED_SECRET_FILE is required when NODE_ENV=production');
  });
});
