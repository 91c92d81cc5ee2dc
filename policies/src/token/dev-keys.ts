import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * Development keys live in `.dev-keys/` at the repository root, generated on first
 * use and never committed (.gitignore). Production passes its keys through the
 * environment instead (see auth-config.ts).
 */
export const DEV_KEYS_DIR = process.env.CASELLARIO_DEV_KEYS_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '.dev-keys');

const SIGNING_FILE = 'signing-key.jwk.json';
const PSEUDONYM_FILE = 'pseudonym-keys.json';

/** The dev ES256 signing key as a private JWK, generated once. */
export async function loadOrCreateDevSigningKey(): Promise<JWK> {
  const existing = readIfExists(SIGNING_FILE);
  if (existing) return JSON.parse(existing) as JWK;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), alg: 'ES256', kid: `dev-${randomBytes(4).toString('hex')}`, use: 'sig' };
  return JSON.parse(writeOnce(SIGNING_FILE, JSON.stringify(jwk, null, 2))) as JWK;
}

/** The public half of a private JWK. */
export function publicJwk(jwk: JWK): JWK {
  const { d: _d, ...pub } = jwk;
  return pub;
}

/**
 * One purpose's master secrets (32 bytes, base64) by key id. Each audience's key is
 * derived from `current` (HKDF, see pseudonym.ts). `audiences` optionally gives one
 * audience (`ente/territorio`, e.g. `R12/12`) its own keyring, to rotate it alone:
 * its new ids come from that ring, and its ids under the purpose's keys keep
 * resolving unless `inherit` is false. Files without `audiences` keep loading.
 */
export interface PseudonymKeyring {
  current: string;
  keys: Record<string, string>;
  audiences?: Record<string, { current: string; keys: Record<string, string>; inherit?: boolean }>;
}

export interface PseudonymKeyFile {
  programmazione: PseudonymKeyring;
  monitoraggio: PseudonymKeyring;
}

/** Dev pseudonym master secrets (one per purpose, audiences derive their own), generated once. */
export function loadOrCreateDevPseudonymKeys(): PseudonymKeyFile {
  const existing = readIfExists(PSEUDONYM_FILE);
  if (existing) return JSON.parse(existing) as PseudonymKeyFile;
  const fresh: PseudonymKeyFile = {
    programmazione: { current: 'k1', keys: { k1: randomBytes(32).toString('base64') } },
    monitoraggio: { current: 'k1', keys: { k1: randomBytes(32).toString('base64') } },
  };
  return JSON.parse(writeOnce(PSEUDONYM_FILE, JSON.stringify(fresh, null, 2))) as PseudonymKeyFile;
}

/**
 * A development secret of another component (e.g. the flows component's outbox
 * key), generated once with `create` and shared by every process of this checkout.
 */
export function loadOrCreateDevFile(file: string, create: () => string): string {
  return readIfExists(file) ?? writeOnce(file, create());
}

function readIfExists(file: string): string | null {
  try {
    return readFileSync(join(DEV_KEYS_DIR, file), 'utf8');
  } catch {
    return null;
  }
}

/**
 * Writes a key file unless another process won the race, in which case its copy
 * wins: two processes starting together must end up trusting the same key.
 */
function writeOnce(file: string, content: string): string {
  mkdirSync(DEV_KEYS_DIR, { recursive: true, mode: 0o700 });
  try {
    writeFileSync(join(DEV_KEYS_DIR, file), content, { flag: 'wx', mode: 0o600 });
    return content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(join(DEV_KEYS_DIR, file), 'utf8');
  }
}
