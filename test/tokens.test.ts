import { deliverBatch } from '@casellario/kit';
import { gatewayProofHeaders, graphqlRequest } from '@casellario/kit/testing';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  loadOrCreateDevSigningKey,
  publicJwk,
  signDevServiceToken,
  signDevToken,
} from '@casellario/policies';
import { exportSPKI, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const QUERY = '{ ente(codice: "H501") { codice } }';
const CLAIMS = { ruolo: 'gestione', ente: 'H501' };

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * A token signed with the trusted development key, with any claims and header:
 * the way to show that a properly signed token is still refused when its
 * claims or header break the contract.
 */
async function signed(
  devKey: JWK,
  payload: JWTPayload,
  header: Record<string, unknown> = { alg: 'ES256', typ: 'JWT' },
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(await importJWK(devKey, 'ES256'));
}

/** Tokens an attacker might present, each with the reason it must be refused. */
async function forgedTokens(): Promise<Array<[string, string | undefined]>> {
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...CLAIMS, sub: 'op-x', iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, iat: now, exp: now + 600 };
  const devKey = await loadOrCreateDevSigningKey();
  const other = await generateKeyPair('ES256', { extractable: true });
  const publicPem = await exportSPKI((await importJWK(publicJwk(devKey), 'ES256', { extractable: true })) as CryptoKey);
  // HS256 "signed" with the public key (as a JWK text and as PEM): the classic algorithm-confusion attack.
  const hmacWith = (secret: string) => new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
  const { ruolo: _ruolo, ...withoutRuolo } = payload;
  const { iat: _iat, ...withoutIat } = payload;
  const tenYears = 10 * 365 * 24 * 3600;
  return [
    ['missing', undefined],
    ['expired beyond the clock tolerance (2 minutes ago, tolerance 30 s)', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: -120 })],
    ['not yet valid (nbf in 5 minutes)', await signed(devKey, { ...payload, nbf: now + 300 })],
    ['issued in the future (iat in 5 minutes)', await signed(devKey, { ...payload, iat: now + 300, exp: now + 900 })],
    ['wrong issuer', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { issuer: 'https://evil.example' })],
    ['wrong audience', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { audience: 'other-app' })],
    ['wrong type (an OAuth access token, typ at+jwt)', await signed(devKey, payload, { alg: 'ES256', typ: 'at+jwt' })],
    ['no type header', await signed(devKey, payload, { alg: 'ES256' })],
    ['wrong algorithm (HS256 with the public JWK)', await hmacWith(JSON.stringify(publicJwk(devKey)))],
    ['wrong algorithm (HS256 with the public PEM)', await hmacWith(publicPem)],
    ['unsigned (alg none)', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`],
    ['unsigned (alg none) with the signature of a valid token', `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.${(await signed(devKey, payload)).split('.')[2]}`],
    ['signed by another key', await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(other.privateKey)],
    ['missing ruolo', await signed(devKey, withoutRuolo)],
    ['unknown ruolo', await signed(devKey, { ...payload, ruolo: 'amministratore' })],
    ['ruolo sistema (a service account) at a client endpoint', await signDevServiceToken('flussi')],
    ['garbage', 'not-a-token'],
    ['lifetime of ten years (exp − iat)', await signed(devKey, { ...payload, exp: now + tenYears })],
    ['lifetime of two hours, one more than the maximum', await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: 7200 })],
    ['no issue time (iat)', await signed(devKey, withoutIat)],
    ['programmazione with territorio IT (national scope)', await signed(devKey, { ...payload, ruolo: 'programmazione', ente: 'R12', territorio: 'IT' })],
    ['programmazione without territorio', await signed(devKey, { ...payload, ruolo: 'programmazione', ente: 'R12' })],
  ];
}

describe('token verification at the gateway and directly at every subgraph', () => {
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

  it('accepts a token expired within the clock tolerance, at the gateway and at a subgraph (control)', async () => {
    const token = await signDevToken({ sub: 'op-x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: -10 });
    for (const url of [tp.gatewayUrl, tp.subgraphUrl('anagrafe')]) {
      const r = await graphqlRequest(url, QUERY, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ ente: { codice: 'H501' } });
    }
  });

  it('refuses every forged, stale or missing token with 401 UNAUTHENTICATED everywhere, even with a valid gateway proof', async () => {
    const targets = { gateway: tp.gatewayUrl, ...Object.fromEntries(Object.entries(tp.platform.subgraphs).map(([n, s]) => [n, s.url])) };
    const outcomes: string[] = [];
    for (const [label, token] of tokens) {
      for (const [target, url] of Object.entries(targets)) {
        const authorization = token ? `Bearer ${token}` : undefined;
        const r = await fetch(url, {
          method: 'POST',
          // At a subgraph the proof is valid and bound to this very token: only the token check can refuse it.
          headers: { 'content-type': 'application/json', ...gatewayProofHeaders(authorization), ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: target === 'gateway' || target === 'anagrafe' ? QUERY : '{ _service { sdl } }' }),
        });
        const body = (await r.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
        outcomes.push(`${label} @ ${target}: ${r.status} ${body.errors?.[0]?.extensions?.code} data=${JSON.stringify(body.data ?? null)}`);
        // The reason is named, the token never echoed.
        if (token && token.length > 20) expect(JSON.stringify(body)).not.toContain(token.slice(-20));
      }
    }
    expect(outcomes.filter((o) => !/: 401 UNAUTHENTICATED data=null$/.test(o))).toEqual([]);
    expect(outcomes).toHaveLength(tokens.length * Object.keys(targets).length);
  });

  it('names the reason of each refusal in Italian', async () => {
    const reasons = new Map<string, string>();
    for (const [label, token] of tokens) {
      const r = await graphqlRequest(tp.gatewayUrl, QUERY, { token, gatewayProof: false });
      reasons.set(label, r.errors?.[0]?.message ?? '');
    }
    expect(reasons.get('expired beyond the clock tolerance (2 minutes ago, tolerance 30 s)')).toBe('Token scaduto');
    expect(reasons.get('not yet valid (nbf in 5 minutes)')).toBe('Token non ancora valido (nbf)');
    expect(reasons.get('issued in the future (iat in 5 minutes)')).toBe('Token non valido: data di emissione (iat) nel futuro');
    expect(reasons.get('wrong issuer')).toBe('Token non valido: emittente non riconosciuto');
    expect(reasons.get('wrong audience')).toBe('Token non valido: destinatario (aud) errato');
    expect(reasons.get('wrong type (an OAuth access token, typ at+jwt)')).toBe('Token non valido: tipo errato');
    expect(reasons.get('no type header')).toBe('Token non valido: tipo errato');
    expect(reasons.get('wrong algorithm (HS256 with the public PEM)')).toBe('Token non valido: algoritmo non ammesso');
    expect(reasons.get('unsigned (alg none)')).toBe('Token non valido: algoritmo non ammesso');
    expect(reasons.get('signed by another key')).toBe('Token non valido: firma non verificata');
    expect(reasons.get('missing ruolo')).toBe('Token non valido: finalità (ruolo) mancante o sconosciuta');
    expect(reasons.get('unknown ruolo')).toBe('Token non valido: finalità (ruolo) mancante o sconosciuta');
    expect(reasons.get('ruolo sistema (a service account) at a client endpoint')).toBe('Token non valido: finalità (ruolo) mancante o sconosciuta');
    const tooLong = 'Token non valido: durata superiore al massimo ammesso (1 ora); richiederne uno nuovo';
    expect(reasons.get('lifetime of ten years (exp − iat)')).toBe(tooLong);
    expect(reasons.get('lifetime of two hours, one more than the maximum')).toBe(tooLong);
    expect(reasons.get('no issue time (iat)')).toBe('Token non valido: attestazione mancante o errata');
    const nazionale = 'Token non valido: la finalità programmazione richiede il territorio di una regione o di un comune (IT non è ammesso)';
    expect(reasons.get('programmazione with territorio IT (national scope)')).toBe(nazionale);
    expect(reasons.get('programmazione without territorio')).toBe(nazionale);
  });

  it('accepts a token of exactly the maximum lifetime, and a programmazione token for a region or a comune (controls)', async () => {
    const devKey = await loadOrCreateDevSigningKey();
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: 'op-x', iss: DEFAULT_ISSUER, aud: DEFAULT_AUDIENCE, iat: now, exp: now + 3600 };
    const tokens = [
      await signed(devKey, { ...base, ...CLAIMS }),
      await signed(devKey, { ...base, ruolo: 'programmazione', ente: 'R12', territorio: '12' }),
      await signed(devKey, { ...base, ruolo: 'programmazione', ente: 'H501', territorio: '058091' }),
      await signed(devKey, { ...base, ruolo: 'monitoraggio', ente: 'MLPS', territorio: 'IT' }),
    ];
    for (const token of tokens) {
      for (const url of [tp.gatewayUrl, tp.subgraphUrl('anagrafe')]) {
        const r = await graphqlRequest(url, QUERY, { token });
        expect(r.errors).toBeUndefined();
        expect(r.data).toEqual({ ente: { codice: 'H501' } });
      }
    }
  });

  it('refuses, at an internal delivery endpoint, a service token that lives longer than the maximum', async () => {
    const anagrafe = tp.subgraphUrl('anagrafe');
    await expect(deliverBatch(anagrafe, 'risolvi', [], await signDevServiceToken('svc-x', { ttlSeconds: 10 * 365 * 24 * 3600 }))).rejects.toThrow('HTTP 401');
    // Control: the same call with a service token within the limit.
    await expect(deliverBatch(anagrafe, 'risolvi', [], await signDevServiceToken('svc-x'))).resolves.toEqual([]);
  });
});
