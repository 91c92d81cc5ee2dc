import { describe, expect, it } from 'vitest';
import { authConfigFromEnv, createServiceVerifier, createTokenVerifier, DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, signDevServiceToken, signDevToken, tokenMaxLifetimeFromEnv } from '../src/index';

const CLAIMS = { sub: 'op-durata', ruolo: 'gestione', ente: 'H501' } as const;

/** TOKEN_DURATA_MASSIMA_S: the longest lifetime the verifiers accept and the dev signers mint. */
describe('token lifetime limit', () => {
  it('is one hour by default and read from TOKEN_DURATA_MASSIMA_S, refusing a value that is not a positive integer', () => {
    expect(DEFAULT_TOKEN_MAX_LIFETIME_SECONDS).toBe(3600);
    expect(tokenMaxLifetimeFromEnv({})).toBe(3600);
    expect(tokenMaxLifetimeFromEnv({ TOKEN_DURATA_MASSIMA_S: '900' })).toBe(900);
    expect(() => tokenMaxLifetimeFromEnv({ TOKEN_DURATA_MASSIMA_S: '1h' })).toThrow('TOKEN_DURATA_MASSIMA_S must be a positive integer');
    expect(() => tokenMaxLifetimeFromEnv({ TOKEN_DURATA_MASSIMA_S: '0' })).toThrow('TOKEN_DURATA_MASSIMA_S must be a positive integer');
  });

  it('refuses, under a 15-minute limit, a token of an hour that the default accepts', async () => {
    const token = `Bearer ${await signDevToken(CLAIMS, { ttlSeconds: 3600 })}`;
    await expect(createTokenVerifier(await authConfigFromEnv({}))(token)).resolves.toMatchObject({ sub: 'op-durata' });
    const strict = createTokenVerifier(await authConfigFromEnv({ TOKEN_DURATA_MASSIMA_S: '900' }));
    await expect(strict(token)).rejects.toThrow('Token non valido: durata superiore al massimo ammesso (15 minuti); richiederne uno nuovo');
    await expect(strict(`Bearer ${await signDevToken(CLAIMS, { ttlSeconds: 900 })}`)).resolves.toMatchObject({ sub: 'op-durata' });
  });

  it('applies to service tokens too', async () => {
    const verify = createServiceVerifier(await authConfigFromEnv({}));
    await expect(verify(`Bearer ${await signDevServiceToken('svc-x', { ttlSeconds: 86_400 })}`)).rejects.toThrow('durata superiore al massimo ammesso');
    await expect(verify(`Bearer ${await signDevServiceToken('svc-x')}`)).resolves.toEqual({ sub: 'svc-x' });
  });
});
