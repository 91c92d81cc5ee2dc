import { createCipheriv, createDecipheriv, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
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
 * A short MAC (HMAC-SHA256 under a key derived from the same secret) follows the
 * block, so that a forged or other-audience pseudonym is refused outright instead
 * of decrypting to a random id. The key id is part of the pseudonym so that keys
 * can rotate: ids under an old key keep resolving while new ones are issued under
 * the current key.
 */
export interface PersonaIdCodec {
  present(internalId: string, viewer: Viewer): string;
  /** The internal id behind what the caller sent, or null when it is not one of theirs. */
  resolve(externalId: string, viewer: Viewer): string | null;
  /** The pseudonym of an internal id for an audience (used by tests and exports). */
  pseudonym(internalId: string, audience: PseudonymAudience): string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TAG_BYTES = 6;
// 16 cipher bytes + 6 tag bytes = 22 bytes = 30 base64url characters.
const PSEUDONYM = /^([a-z0-9]{1,8})\.([A-Za-z0-9_-]{30})$/;

/** Builds the codec from the key file (see docs/security.md for rotation). */
export function createPersonaIdCodec(keys: PseudonymKeyFile): PersonaIdCodec {
  const audiences = {
    programmazione: toKeyring(keys.programmazione),
    monitoraggio: toKeyring(keys.monitoraggio),
  };

  function pseudonym(internalId: string, audience: PseudonymAudience): string {
    const ring = audiences[audience];
    const key = ring.keys.get(ring.current)!;
    const cipher = createCipheriv('aes-256-ecb', key.enc, null).setAutoPadding(false);
    const block = Buffer.concat([cipher.update(uuidToBytes(internalId)), cipher.final()]);
    return `${ring.current}.${Buffer.concat([block, tag(key.mac, block)]).toString('base64url')}`;
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
      const raw = Buffer.from(match[2]!, 'base64url');
      // One spelling per pseudonym: the last character's spare bits must be zero.
      if (raw.toString('base64url') !== match[2]) return null;
      const block = raw.subarray(0, 16);
      if (!timingSafeEqual(raw.subarray(16), tag(key.mac, block))) return null;
      const decipher = createDecipheriv('aes-256-ecb', key.enc, null).setAutoPadding(false);
      return bytesToUuid(Buffer.concat([decipher.update(block), decipher.final()]));
    },
  };
}

interface AudienceKey {
  enc: Buffer;
  mac: Buffer;
}

function toKeyring(spec: { current: string; keys: Record<string, string> }) {
  const keys = new Map<string, AudienceKey>();
  for (const [kid, b64] of Object.entries(spec.keys)) {
    const secret = Buffer.from(b64, 'base64');
    if (secret.length !== 32) throw new Error(`Pseudonym key ${kid} must be 32 bytes (base64)`);
    // Separate keys for encryption and authentication, both derived from the one secret.
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, 32));
    keys.set(kid, { enc: derive('casellario-pseudonym-enc'), mac: derive('casellario-pseudonym-mac') });
  }
  if (!keys.has(spec.current)) throw new Error(`Pseudonym key ${spec.current} (current) is missing`);
  return { current: spec.current, keys };
}

function tag(macKey: Buffer, block: Buffer): Buffer {
  return createHmac('sha256', macKey).update(block).digest().subarray(0, TAG_BYTES);
}

function uuidToBytes(uuid: string): Buffer {
  if (!UUID.test(uuid)) throw new Error('not an internal person id');
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function bytesToUuid(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
