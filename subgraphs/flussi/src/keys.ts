import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadOrCreateDevFile } from '@casellario/policies';

/**
 * The flows component's own secrets, kept outside every store: one key encrypts
 * outbox payloads (AES-256-GCM), one keys the hashes of natural keys (HMAC-SHA256).
 * From FLUSSI_KEYS_FILE, or generated for development.
 */
export interface FlussiKeys {
  seal(plain: Buffer): Buffer;
  open(sealed: Buffer): Buffer;
  /** A keyed hash: equal inputs give equal outputs; without the key it cannot be recomputed. */
  mac(text: string): Buffer;
}

interface KeyFile {
  outbox: string;
  indice: string;
}

/** Loads the keys (see docs/flussi.md for rotation). */
export function flussiKeysFromEnv(env: NodeJS.ProcessEnv = process.env): FlussiKeys {
  let text: string;
  if (env.FLUSSI_KEYS_FILE) text = readFileSync(env.FLUSSI_KEYS_FILE, 'utf8');
  else if (env.NODE_ENV === 'production') throw new Error('FLUSSI_KEYS_FILE is required when NODE_ENV=production.');
  else {
    text = loadOrCreateDevFile('flussi-keys.json', () =>
      JSON.stringify({ outbox: randomBytes(32).toString('base64'), indice: randomBytes(32).toString('base64') } satisfies KeyFile, null, 2),
    );
  }
  const file = JSON.parse(text) as KeyFile;
  return createFlussiKeys(Buffer.from(file.outbox, 'base64'), Buffer.from(file.indice, 'base64'));
}

/** Keys from raw secrets (32 bytes each). */
export function createFlussiKeys(outbox: Buffer, indice: Buffer): FlussiKeys {
  if (outbox.length !== 32 || indice.length !== 32) throw new Error('flussi keys must be 32 bytes each');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', outbox, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', outbox, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
    mac: (text) => createHmac('sha256', indice).update(text).digest(),
  };
}

/** A stable UUID (v4 layout) derived from a keyed hash: the same natural key always gives the same record id. */
export function uuidFromMac(mac: Buffer): string {
  const b = Buffer.from(mac.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
