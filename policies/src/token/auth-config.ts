import { readFileSync } from 'node:fs';
import { importJWK, importSPKI, type CryptoKey, type JWK } from 'jose';
import { loadOrCreateDevSigningKey, publicJwk } from './dev-keys';

/** The only signature algorithm accepted: pinned, never read from the token. */
export const TOKEN_ALGORITHM = 'ES256';
export const TOKEN_TYPE = 'JWT';
export const DEFAULT_ISSUER = 'https://casellario.local/dev-auth';
export const DEFAULT_AUDIENCE = 'casellario';

export interface AuthConfig {
  issuer: string;
  audience: string;
  verificationKey: CryptoKey;
  /** Seconds of clock skew tolerated on exp/nbf/iat. */
  clockToleranceSeconds: number;
  /**
   * Longest lifetime a token may have, in seconds: `exp − iat` and `exp − now`
   * (the latter plus the clock tolerance). A stolen token is worth only what is
   * left of it; a signer that mints ten-year tokens must not make them valid here.
   */
  maxLifetimeSeconds: number;
}

/** Default of TOKEN_DURATA_MASSIMA_S: one hour, a session's worth. */
export const DEFAULT_TOKEN_MAX_LIFETIME_SECONDS = 3600;

/**
 * TOKEN_DURATA_MASSIMA_S, the longest token lifetime accepted (and minted by the
 * development signers). A value that is not a positive integer stops the start-up:
 * a typo must not lift the limit.
 */
export function tokenMaxLifetimeFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TOKEN_DURATA_MASSIMA_S;
  if (raw === undefined || raw.trim() === '') return DEFAULT_TOKEN_MAX_LIFETIME_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`TOKEN_DURATA_MASSIMA_S must be a positive integer of seconds (got "${raw}").`);
  return value;
}

/**
 * Reads token settings from the environment. Without `AUTH_PUBLIC_KEY_FILE` the
 * locally generated development key is trusted, which production refuses: there
 * a missing key is a start-up error, not a silent fallback.
 */
export async function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<AuthConfig> {
  const issuer = env.AUTH_ISSUER ?? DEFAULT_ISSUER;
  const audience = env.AUTH_AUDIENCE ?? DEFAULT_AUDIENCE;
  const clockToleranceSeconds = Number(env.AUTH_CLOCK_TOLERANCE_SECONDS ?? 30);
  const maxLifetimeSeconds = tokenMaxLifetimeFromEnv(env);
  if (env.AUTH_PUBLIC_KEY_FILE) {
    return { issuer, audience, clockToleranceSeconds, maxLifetimeSeconds, verificationKey: await readPublicKey(env.AUTH_PUBLIC_KEY_FILE) };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('AUTH_PUBLIC_KEY_FILE is required when NODE_ENV=production (the development key is not trusted in production).');
  }
  const devKey = await loadOrCreateDevSigningKey();
  return { issuer, audience, clockToleranceSeconds, maxLifetimeSeconds, verificationKey: (await importJWK(publicJwk(devKey), TOKEN_ALGORITHM)) as CryptoKey };
}

async function readPublicKey(path: string): Promise<CryptoKey> {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as JWK, TOKEN_ALGORITHM)) as CryptoKey;
  return importSPKI(text, TOKEN_ALGORITHM);
}
