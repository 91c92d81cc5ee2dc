import { graphqlRequest } from '@casellario/kit/testing';
import { loadOrCreateDevSigningKey, publicJwk, signDevToken, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@casellario/policies';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const QUERY = '{ ente(codice: "H501") { codice } }';
const claims = { ruolo: 'gestione', ente: 'H501' };

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Tokens an attacker might present, each with the reason it must be refused. */
async function forgedTokens(): Promise<Array<[string, string | undefined]>> {
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...claims, sub: 'op-x', iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, iat: now, exp: now + 600 };
  const devKey = await loadOrCreateDevSigningKey();
  const other = await generateKeyPair('ES256', { extractable: true });
  // HS256 "signed" with the public key's bytes: the classic algorithm-confusion attack.
  const hmacWithPublicKey = await new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(JSON.stringify(publicJwk(devKey))));
  void (await exportJWK(other.publicKey));
  return [
    ['missing', undefined],
    ['expired', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: -120 })],
    ['wrong issuer', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { issuer: 'https://evil.example' })],
    ['wrong audience', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { audience: 'other-app' })],
    ['wrong algorithm (HS256 with the public key)', hmacWithPublicKey],
    ['unsigned (alg none)', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`],
    ['signed by another key', await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(other.privateKey)],
    ['garbage', 'not-a-token'],
  ];
}

describe('token verification at the gateway and at every subgraph', () => {
  let tp: TestPlatform;
  let tokens: Array<[string, string | undefined]>;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    tokens = await forgedTokens();
  });
  afterAll(() => tp?.stop());

  it('accepts a valid token (control)', async () => {
    const r = await graphqlRequest(tp.gatewayUrl, QUERY, { token: await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }) });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ ente: { codice: 'H501' } });
  });

  it('refuses every forged, stale or missing token with 401 UNAUTHENTICATED everywhere', async () => {
    const targets = { gateway: tp.gatewayUrl, ...Object.fromEntries(Object.entries(tp.platform.subgraphs).map(([n, s]) => [n, s.url])) };
    const outcomes: string[] = [];
    for (const [label, token] of tokens) {
      for (const [target, url] of Object.entries(targets)) {
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query: target === 'gateway' || target === 'anagrafe' ? QUERY : '{ _service { sdl } }' }),
        });
        const body = (await r.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        outcomes.push(`${label} @ ${target}: ${r.status} ${body.errors?.[0]?.extensions?.code} data=${JSON.stringify(body.data ?? null)}`);
      }
    }
    expect(outcomes.filter((o) => !/: 401 UNAUTHENTICATED data=null$/.test(o))).toEqual([]);
    expect(outcomes).toHaveLength(tokens.length * Object.keys(targets).length);
  });
});
