import { readFileSync } from 'node:fs';
import { tokenMaxLifetimeFromEnv } from './token/auth-config';
import { signDevServiceToken } from './token/sign';

/**
 * Where a component gets the token it presents to other components' internal
 * endpoints: SERVICE_TOKEN_FILE (issued by the identity provider and rotated
 * outside the process; re-read on every call) or, in development, a token signed
 * with the dev key and renewed before it expires.
 */
export function serviceTokenSource(sub: string, env: NodeJS.ProcessEnv = process.env): () => Promise<string> {
  if (env.SERVICE_TOKEN_FILE) {
    const file = env.SERVICE_TOKEN_FILE;
    return async () => readFileSync(file, 'utf8').trim();
  }
  if (env.NODE_ENV === 'production') throw new Error('SERVICE_TOKEN_FILE is required when NODE_ENV=production.');
  // Service tokens obey the same lifetime limit as client ones (a leaked one expires
  // as soon); renewed when five sixths of it have passed, well before verifiers refuse it.
  const ttl = tokenMaxLifetimeFromEnv(env);
  let cached: { token: string; renewAt: number } | null = null;
  return async () => {
    if (!cached || Date.now() > cached.renewAt) {
      cached = { token: await signDevServiceToken(sub, { ttlSeconds: ttl }), renewAt: Date.now() + Math.floor((ttl * 5) / 6) * 1000 };
    }
    return cached.token;
  };
}
