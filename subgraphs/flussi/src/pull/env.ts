import { readFileSync } from 'node:fs';
import { voucherPdnd, type ConfigPdnd } from '@casellario/policies';
import type { IngestDeps } from '../ingest/ricevi-flusso';
import { createPullCollector, type PullCollector, type PullCollectorOptions } from './collettore';
import { leggiFileFonti } from './fonti';

/** The pull collector's settings, from the environment (listed in the flows component's README). */
export interface PullEnv {
  /** PULL_FONTI_FILE: the JSON list of comuni to poll; unset disables the collector in the server. */
  fontiFile: string | null;
  /** PULL_INTERVAL_MS: pause between runs (default 5 minutes). */
  intervalMs: number;
  /** PULL_LIMIT: entries per `GET /flussi` (1–100, default 10 as in the OpenAPI). */
  limit: number;
  /** PULL_TIMEOUT_MS: time allowed to each call to a comune (default 30 s). */
  timeoutMs: number;
  /** PULL_RETRY_MS: first delay before re-sending esiti a comune refused (default 60 s, doubled each time). */
  backoffMs: number;
  /**
   * PDND_TOKEN_URL, PDND_CLIENT_ID, PDND_KID, PDND_PRIVATE_KEY_FILE (PKCS#8 PEM),
   * PDND_AUDIENCE: the registry's PDND client, for vouchers; all or none.
   */
  pdnd: ConfigPdnd | null;
}

function pdndEnv(env: NodeJS.ProcessEnv): ConfigPdnd | null {
  const names = ['PDND_TOKEN_URL', 'PDND_CLIENT_ID', 'PDND_KID', 'PDND_PRIVATE_KEY_FILE', 'PDND_AUDIENCE'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return null;
  if (set.length < names.length) throw new Error(`PDND client: set all of ${names.join(', ')} (missing ${names.filter((n) => !env[n]).join(', ')})`);
  return {
    tokenUrl: env.PDND_TOKEN_URL!,
    clientId: env.PDND_CLIENT_ID!,
    kid: env.PDND_KID!,
    privateKeyPem: readFileSync(env.PDND_PRIVATE_KEY_FILE!, 'utf8'),
    audience: env.PDND_AUDIENCE!,
  };
}

function intero(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** Parses the collector's variables once, failing fast with the variable's name. */
export function pullEnv(env: NodeJS.ProcessEnv = process.env): PullEnv {
  return {
    fontiFile: env.PULL_FONTI_FILE || null,
    intervalMs: intero(env, 'PULL_INTERVAL_MS', 300_000, 1_000, 86_400_000),
    limit: intero(env, 'PULL_LIMIT', 10, 1, 100),
    timeoutMs: intero(env, 'PULL_TIMEOUT_MS', 30_000, 100, 600_000),
    backoffMs: intero(env, 'PULL_RETRY_MS', 60_000, 0, 86_400_000),
    pdnd: pdndEnv(env),
  };
}

/**
 * The collector as the environment configures it, or null when PULL_FONTI_FILE
 * is not set (pull disabled). Reads and checks the sources file now, so that a
 * mistake in it stops the process at start; `overrides` serve tests.
 */
export function pullCollectorFromEnv(
  deps: IngestDeps,
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Omit<PullCollectorOptions, 'deps'>> = {},
): PullCollector | null {
  const settings = pullEnv(env);
  if (!settings.fontiFile) return null;
  return createPullCollector({
    deps,
    env,
    fonti: leggiFileFonti(settings.fontiFile, env),
    intervalMs: settings.intervalMs,
    limit: settings.limit,
    timeoutMs: settings.timeoutMs,
    backoffMs: settings.backoffMs,
    ...(settings.pdnd ? { voucherPdnd: voucherPdnd(settings.pdnd) } : {}),
    ...overrides,
  });
}
