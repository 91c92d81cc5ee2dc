import { readFileSync } from 'node:fs';
import { loadOrCreateDevPseudonymKeys, type PseudonymKeyFile } from './token/dev-keys';

/**
 * Pseudonym keys come from `PSEUDONYM_KEYS_FILE`, kept outside every component
 * store. Without it, development keys are generated locally; production refuses
 * to start without the file.
 */
export function pseudonymKeysFromEnv(env: NodeJS.ProcessEnv = process.env): PseudonymKeyFile {
  if (env.PSEUDONYM_KEYS_FILE) return JSON.parse(readFileSync(env.PSEUDONYM_KEYS_FILE, 'utf8')) as PseudonymKeyFile;
  if (env.NODE_ENV === 'production') throw new Error('PSEUDONYM_KEYS_FILE is required when NODE_ENV=production.');
  return loadOrCreateDevPseudonymKeys();
}
