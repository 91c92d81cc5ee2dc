import { afterEach, describe, expect, it, vi } from 'vitest';
import { authConfigFromEnv, createTokenVerifier, signDevToken } from '../src/index';

/** The verification cache must never accept what a fresh verification would refuse. */
describe('verified-token cache', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a cached token once it has expired beyond the tolerance', async () => {
    const verify = createTokenVerifier(await authConfigFromEnv({}));
    const token = await signDevToken({ sub: 'op-cache', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: 60 });
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ sub: 'op-cache' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000 + 20_000);
    // Within the 30-second tolerance: still valid.
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject({ sub: 'op-cache' });
    vi.setSystemTime(Date.now() + 20_000);
    await expect(verify(`Bearer ${token}`)).rejects.toThrow('Token scaduto');
  });

  it('keys on the exact token text: a token changed by one character is verified afresh and refused', async () => {
    const verify = createTokenVerifier(await authConfigFromEnv({}));
    const token = await signDevToken({ sub: 'op-cache', ruolo: 'gestione', ente: 'H501' });
    await verify(`Bearer ${token}`);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, ente: 'F205' })).toString('base64url')}.${signature}`;
    await expect(verify(`Bearer ${forged}`)).rejects.toThrow('firma non verificata');
  });

  it('checks the case reference and the claims on every use, not only the first', async () => {
    const verify = createTokenVerifier(await authConfigFromEnv({}));
    const token = await signDevToken({ sub: 'op-gdf', ruolo: 'controllo', ente: 'GDF' });
    await expect(verify(`Bearer ${token}`, 'PV-1')).resolves.toMatchObject({ riferimento: 'PV-1' });
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/x-riferimento/);
    await expect(verify(`Bearer ${token}`, 'PV-2')).resolves.toMatchObject({ riferimento: 'PV-2' });
  });
});
