import { createCipheriv, createDecipheriv } from 'node:crypto';
import { forbidden } from './errors';
import { RUOLI_IDENTIFICANTI } from './ruoli';
import type { Viewer } from './viewer';
import type { PseudonymKeyFile } from './token/dev-keys';

export type PseudonymAudience = 'programmazione' | 'monitoraggio';

/**
 * Turns internal person ids into what a caller may see, and back.
 *
 * Identifying purposes see the internal UUID. Programmazione and monitoraggio see
 * a keyed pseudonym: the UUID's 16 bytes encrypted as one AES-256 block under the
 * audience's key — a keyed permutation, so it is deterministic (stable within an
 * audience), differs between audiences, cannot be recomputed from a codice fiscale
 * without the key, and every subgraph holding the key can turn it back into its own
 * row key when the gateway sends it in `_entities`. No lookup table exists to leak.
 * The key id is part of the pseudonym so that keys can rotate: ids under an old key
 * keep resolving while new ones are issued under the current key.
 */
export interface PersonaIdCodec {
  present(internalId: string, viewer: Viewer): string;
  /** The internal id behind what the caller sent, or null when it is not one of theirs. */
  resolve(externalId: string, viewer: Viewer): string | null;
  /** The pseudonym of an internal id for an audience (used by tests and exports). */
  pseudonym(internalId: string, audience: PseudonymAudience): string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PSEUDONYM = /^([a-z0-9]{1,8})\.([A-Za-z0-9_-]{22})$/;

/** Builds the codec from the key file (see docs/security.md for rotation). */
export function createPersonaIdCodec(keys: PseudonymKeyFile): PersonaIdCodec {
  const audiences = {
    programmazione: toKeyring(keys.programmazione),
    monitoraggio: toKeyring(keys.monitoraggio),
  };

  function pseudonym(internalId: string, audience: PseudonymAudience): string {
    const ring = audiences[audience];
    const cipher = createCipheriv('aes-256-ecb', ring.keys.get(ring.current)!, null).setAutoPadding(false);
    const block = Buffer.concat([cipher.update(uuidToBytes(internalId)), cipher.final()]);
    return `${ring.current}.${block.toString('base64url')}`;
  }

  return {
    pseudonym,
    present(internalId, viewer) {
      if (RUOLI_IDENTIFICANTI.has(viewer.ruolo)) return internalId;
      if (viewer.ruolo === 'programmazione' || viewer.ruolo === 'monitoraggio') return pseudonym(internalId, viewer.ruolo);
      throw forbidden();
    },
    resolve(externalId, viewer) {
      if (RUOLI_IDENTIFICANTI.has(viewer.ruolo)) return UUID.test(externalId) ? externalId : null;
      if (viewer.ruolo !== 'programmazione' && viewer.ruolo !== 'monitoraggio') return null;
      const match = PSEUDONYM.exec(externalId);
      const key = match && audiences[viewer.ruolo].keys.get(match[1]!);
      if (!match || !key) return null;
      const decipher = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
      const bytes = Buffer.concat([decipher.update(Buffer.from(match[2]!, 'base64url')), decipher.final()]);
      const id = bytesToUuid(bytes);
      // A forged or cross-audience pseudonym decrypts to noise; v4 layout bits reject most of it,
      // and whatever slips through names no row.
      return UUID.test(id) && id[14] === '4' ? id : null;
    },
  };
}

function toKeyring(spec: { current: string; keys: Record<string, string> }) {
  const keys = new Map<string, Buffer>();
  for (const [kid, b64] of Object.entries(spec.keys)) {
    const key = Buffer.from(b64, 'base64');
    if (key.length !== 32) throw new Error(`Pseudonym key ${kid} must be 32 bytes (base64)`);
    keys.set(kid, key);
  }
  if (!keys.has(spec.current)) throw new Error(`Pseudonym key ${spec.current} (current) is missing`);
  return { current: spec.current, keys };
}

function uuidToBytes(uuid: string): Buffer {
  if (!UUID.test(uuid)) throw new Error('not an internal person id');
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
