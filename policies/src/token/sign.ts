import { importJWK, SignJWT, type JWK } from 'jose';
import type { Ruolo } from '../ruoli';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, TOKEN_ALGORITHM, TOKEN_TYPE, tokenMaxLifetimeFromEnv } from './auth-config';
import { loadOrCreateDevSigningKey } from './dev-keys';

export interface TokenClaims {
  sub: string;
  ruolo: Ruolo;
  ente: string;
  territorio?: string;
}

export interface SignOptions {
  issuer?: string;
  audience?: string;
  /** Lifetime in seconds; default the longest the platform accepts (TOKEN_DURATA_MASSIMA_S, one hour). */
  ttlSeconds?: number;
  key?: JWK;
}

/** Signs a token with the development key (or `key`): for the dev CLI and tests. */
export async function signDevToken(claims: TokenClaims, options: SignOptions = {}): Promise<string> {
  const jwk = options.key ?? (await loadOrCreateDevSigningKey());
  const key = await importJWK(jwk, TOKEN_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ruolo: claims.ruolo, ente: claims.ente, ...(claims.territorio ? { territorio: claims.territorio } : {}) })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: TOKEN_TYPE, ...(jwk.kid ? { kid: jwk.kid } : {}) })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? tokenMaxLifetimeFromEnv()));
  return jwt.sign(key);
}

/**
 * A service account token (ruolo `sistema`) signed with the development key, for
 * components calling each other in development and tests. Production gives each
 * service its token through SERVICE_TOKEN_FILE instead.
 */
export async function signDevServiceToken(sub: string, options: SignOptions = {}): Promise<string> {
  const jwk = options.key ?? (await loadOrCreateDevSigningKey());
  const key = await importJWK(jwk, TOKEN_ALGORITHM);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ruolo: 'sistema', ente: 'SIUSS' })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: TOKEN_TYPE, ...(jwk.kid ? { kid: jwk.kid } : {}) })
    .setSubject(sub)
    .setIssuer(options.issuer ?? DEFAULT_ISSUER)
    .setAudience(options.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? tokenMaxLifetimeFromEnv()))
    .sign(key);
}
