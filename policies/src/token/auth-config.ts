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
  if (env.AUTH_PUBLIC_KEY_FILE) {
    return { issuer, audience, clockToleranceSeconds, verificationKey: await readPublicKey(env.AUTH_PUBLIC_KEY_FILE) };
  }
  if (env.NODE_ENV === 'production') {
    throw new Error('AUTH_PUBLIC_KEY_FILE is required when NODE_ENV=production (the development key is not trusted in production).');
  }
  const devKey = await loadOrCreateDevSigningKey();
  return { issuer, audience, clockToleranceSeconds, verificationKey: (await importJWK(publicJwk(devKey), TOKEN_ALGORITHM)) as CryptoKey };
}

async function readPublicKey(path: string): Promise<CryptoKey> {
  const text = readFileSync(path, 'utf8').trim();
  if (text.startsWith('{')) return (await importJWK(JSON.parse(text) as JWK, TOKEN_ALGORITHM)) as CryptoKey;
  return importSPKI(text, TOKEN_ALGORITHM);
}
