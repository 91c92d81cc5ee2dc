import { hkdfSync, randomBytes } from 'node:crypto';
import { aessiv, gcmsiv } from '@noble/ciphers/aes.js';
import { forbidden } from './errors';
import { RUOLI_IDENTIFICANTI, type Ruolo } from './ruoli';
import { formatTerritorio, type Territorio, type Viewer } from './viewer';
import type { PseudonymKeyFile, PseudonymKeyring } from './token/dev-keys';

/** The purposes that see keyed pseudonyms instead of internal ids. */
export type PseudonymAudience = 'programmazione' | 'monitoraggio';

/**
 * Who a pseudonym or a cursor is made for (DESIGN.md §2): purpose, ente and
 * territory. Regione Lazio (`programmazione`, `R12`, `12`), Comune di Roma
 * (`programmazione`, `H501`, `058091`) and the Ministry (`monitoraggio`, `MLPS`,
 * `IT`) are three audiences. A `Viewer` is one.
 */
export interface Audience {
  ruolo: Ruolo;
  ente: string;
  territorio: Territorio;
}

/**
 * What a page cursor is bound to besides its audience: the listing (root field,
 * or `Type.field` for a nested one) and the canonical text of the query's other
 * arguments (see kit `readPageArgs`).
 */
export interface CursorBinding {
  listing: string;
  filter: string;
}

/**
 * Turns internal ids into what a caller may see, and back; seals page cursors.
 *
 * Identifying purposes see the internal UUID. Programmazione and monitoraggio see
 * a keyed pseudonym under their *audience's* key: the UUID's 16 bytes encrypted
 * with deterministic AES-SIV (RFC 5297, `@noble/ciphers`) under a key derived with
 * HKDF-SHA256 from the purpose's master secret and the audience (purpose, ente,
 * territory), the audience also being the associated data. So one person gets one
 * stable id per audience, unlinkable between audiences; it cannot be recomputed from
 * a codice fiscale without the key; every subgraph holding the key file turns it
 * back into its row key in `_entities` (no lookup table to leak); and the 16-byte
 * synthetic IV authenticates it, so a forged, tampered or other-audience pseudonym
 * resolves to nothing rather than to a random id. The key id leads the pseudonym
 * (`<kid>.<hex>`) so that keys rotate: old ids keep resolving while new ones
 * are issued under the current key (docs/security.md).
 *
 * Cursors are sealed with AES-GCM-SIV under a random nonce and a key derived from
 * the same material with another HKDF label; the associated data binds them to the
 * audience, the listing and the filter, so a cursor shows nothing of what it holds
 * and opens only for the search that produced it.
 */
export interface PersonaIdCodec {
  present(internalId: string, viewer: Viewer): string;
  /** The internal id behind what the caller sent, or null when it is not one of theirs. */
  resolve(externalId: string, viewer: Viewer): string | null;
  /** The pseudonym of an internal id for a pseudonymous audience (tests and exports). */
  pseudonym(internalId: string, audience: Audience): string;
  /** An opaque cursor holding `payload`, openable only by the same audience and binding. */
  sealCursor(payload: Array<string | number>, audience: Audience, binding: CursorBinding): string;
  /** The payload of a cursor, or null when it is forged, tampered or made for another audience or search. */
  openCursor(cursor: string, audience: Audience, binding: CursorBinding): Array<string | number> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// 16-byte synthetic IV + 16 cipher bytes = 32 bytes = 64 hex digits. Pseudonyms and
// cursors are hex, not base64url: base64url's `-` and `_` cut a string into words, and
// for a few ids in a million one of them has the shape of a codice fiscale with a valid
// check character. The response guard would then withhold that person's id for that
// audience every time (a pseudonym is deterministic), and the leak checks would trip.
// One word of 64 hex digits never has that shape.
const PSEUDONYM = /^([a-z0-9]{1,8})\.([0-9a-f]{64})$/;
// 12-byte nonce + 16-byte tag + at least `[]`: 30 bytes at the least.
const CURSOR = /^([a-z0-9]{1,8})\.((?:[0-9a-f]{2}){30,1000})$/;
const NONCE_BYTES = 12;
const KID = /^[a-z0-9]{1,8}$/;
/** `ente/territorio`, the spelling of an audience override in the key file. */
const AUDIENCE_OVERRIDE = /^[A-Za-z0-9]{1,32}\/(IT|\d{2}|\d{6})$/;

// Bounds of the memo caches: a listing page presents up to a few hundred ids, and a
// dashboard pages through a region's persons; beyond these, the oldest entries go.
const DERIVED_MAX = 512;
const MEMO_MAX = 50_000;

const encoder = new TextEncoder();

// A viewer is built once per request and asked for hundreds of ids: label it once.
const labels = new WeakMap<Audience, string>();

/** The audience as one unambiguous string: HKDF info and associated data. */
export function audienceLabel(a: Audience): string {
  let label = labels.get(a);
  if (label === undefined) {
    label = JSON.stringify([a.ruolo, a.ente, formatTerritorio(a.territorio)]);
    labels.set(a, label);
  }
  return label;
}

/** Builds the codec from the key file (see docs/security.md for rotation). */
export function createPersonaIdCodec(keys: PseudonymKeyFile): PersonaIdCodec {
  const purposes = {
    programmazione: toKeyring('programmazione', keys.programmazione),
    monitoraggio: toKeyring('monitoraggio', keys.monitoraggio),
  };
  const derived = new BoundedMap<string, DerivedKey>(DERIVED_MAX);
  const presented = new BoundedMap<string, string>(MEMO_MAX);
  const resolved = new BoundedMap<string, string>(MEMO_MAX);

  /** The keyring that serves an audience: its own override, or its purpose's. */
  function ringsOf(audience: Audience): { issuing: Keyring; accepting: Keyring[] } {
    // Gestione, controllo and audit have no pseudonyms; their cursors use the
    // programmazione material (any secret outside the stores would do).
    const purpose = audience.ruolo === 'monitoraggio' ? purposes.monitoraggio : purposes.programmazione;
    const override = purpose.overrides.get(`${audience.ente}/${formatTerritorio(audience.territorio)}`);
    if (!override) return { issuing: purpose.ring, accepting: [purpose.ring] };
    return { issuing: override.ring, accepting: override.inherit ? [override.ring, purpose.ring] : [override.ring] };
  }

  function derive(kind: 'pseudonym' | 'cursor', ring: Keyring, kid: string, audience: Audience): DerivedKey | null {
    const secret = ring.keys.get(kid);
    if (!secret) return null;
    const label = audienceLabel(audience);
    const cacheKey = `${kind}\u0000${ring.name}\u0000${kid}\u0000${label}`;
    let key = derived.get(cacheKey);
    if (!key) {
      // AES-SIV takes two AES-256 keys (64 bytes); AES-GCM-SIV one (32 bytes).
      const length = kind === 'pseudonym' ? 64 : 32;
      const info = `casellario-${kind}-v2\u0000${label}`;
      key = {
        bytes: new Uint8Array(hkdfSync('sha256', secret, Buffer.alloc(0), info, length)),
        ad: encoder.encode(`${kid}\u0000${label}`),
      };
      derived.set(cacheKey, key);
    }
    return key;
  }

  // The memo keys name the audience, not the key: the codec's keys never change
  // during its life, so an audience's answer for an id never changes either.
  function pseudonym(internalId: string, audience: Audience): string {
    if (audience.ruolo !== 'programmazione' && audience.ruolo !== 'monitoraggio') throw forbidden();
    const memoKey = `${audienceLabel(audience)}\u0000${internalId}`;
    const memo = presented.get(memoKey);
    if (memo) return memo;
    const { issuing } = ringsOf(audience);
    const key = derive('pseudonym', issuing, issuing.current, audience)!;
    const sealed = aessiv(key.bytes, key.ad).encrypt(uuidToBytes(internalId));
    const external = `${issuing.current}.${Buffer.from(sealed).toString('hex')}`;
    presented.set(memoKey, external);
    return external;
  }

  function resolvePseudonym(externalId: string, audience: Audience): string | null {
    const memoKey = `${audienceLabel(audience)}\u0000${externalId}`;
    const memo = resolved.get(memoKey);
    if (memo) return memo;
    const match = PSEUDONYM.exec(externalId);
    if (!match) return null;
    const [, kid, body] = match as unknown as [string, string, string];
    // Lower-case hex only (the pattern): one spelling per pseudonym.
    const raw = Buffer.from(body, 'hex');
    for (const ring of ringsOf(audience).accepting) {
      const key = derive('pseudonym', ring, kid, audience);
      if (!key) continue;
      try {
        const id = bytesToUuid(aessiv(key.bytes, key.ad).decrypt(raw));
        resolved.set(memoKey, id);
        return id;
      } catch {
        return null;
      }
    }
    return null;
  }

  function cursorAd(key: DerivedKey, binding: CursorBinding): Uint8Array {
    return Buffer.concat([key.ad, encoder.encode(`\u0000${JSON.stringify([binding.listing, binding.filter])}`)]);
  }

  return {
    pseudonym,
    present(internalId, viewer) {
      if (RUOLI_IDENTIFICANTI.has(viewer.ruolo)) return internalId;
      return pseudonym(internalId, viewer);
    },
    resolve(externalId, viewer) {
      if (RUOLI_IDENTIFICANTI.has(viewer.ruolo)) return UUID.test(externalId) ? externalId : null;
      if (viewer.ruolo !== 'programmazione' && viewer.ruolo !== 'monitoraggio') return null;
      return resolvePseudonym(externalId, viewer);
    },
    sealCursor(payload, audience, binding) {
      const { issuing } = ringsOf(audience);
      const key = derive('cursor', issuing, issuing.current, audience)!;
      const nonce = randomBytes(NONCE_BYTES);
      const sealed = gcmsiv(key.bytes, nonce, cursorAd(key, binding)).encrypt(encoder.encode(JSON.stringify(payload)));
      return `${issuing.current}.${Buffer.concat([nonce, sealed]).toString('hex')}`;
    },
    openCursor(cursor, audience, binding) {
      const match = CURSOR.exec(cursor);
      if (!match) return null;
      const [, kid, body] = match as unknown as [string, string, string];
      const raw = Buffer.from(body, 'hex');
      for (const ring of ringsOf(audience).accepting) {
        const key = derive('cursor', ring, kid, audience);
        if (!key) continue;
        try {
          const plain = gcmsiv(key.bytes, raw.subarray(0, NONCE_BYTES), cursorAd(key, binding)).decrypt(raw.subarray(NONCE_BYTES));
          const value = JSON.parse(Buffer.from(plain).toString('utf8')) as unknown;
          if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value;
          return null;
        } catch {
          return null;
        }
      }
      return null;
    },
  };
}

interface DerivedKey {
  bytes: Uint8Array;
  /** Key id and audience: the associated data every seal under this key carries. */
  ad: Uint8Array;
}

interface Keyring {
  name: string;
  current: string;
  keys: Map<string, Buffer>;
}

function toKeyring(purpose: PseudonymAudience, spec: PseudonymKeyring) {
  const ring = secrets(purpose, spec);
  const overrides = new Map<string, { ring: Keyring; inherit: boolean }>();
  for (const [audience, override] of Object.entries(spec.audiences ?? {})) {
    if (!AUDIENCE_OVERRIDE.test(audience)) throw new Error(`Pseudonym keys of ${purpose}: audience "${audience}" must read ente/territorio (e.g. R12/12)`);
    const own = secrets(`${purpose}:${audience}`, override);
    for (const kid of own.keys.keys()) {
      // A kid names one secret for an audience, or rotation could not tell them apart.
      if (ring.keys.has(kid)) throw new Error(`Pseudonym key ${kid} of ${purpose}:${audience} also names a key of ${purpose}`);
    }
    overrides.set(audience, { ring: own, inherit: override.inherit !== false });
  }
  return { ring, overrides };
}

function secrets(name: string, spec: { current: string; keys: Record<string, string> }): Keyring {
  const keys = new Map<string, Buffer>();
  for (const [kid, b64] of Object.entries(spec.keys)) {
    if (!KID.test(kid)) throw new Error(`Pseudonym key id ${kid} (${name}) must be 1-8 lowercase letters or digits`);
    const secret = Buffer.from(b64, 'base64');
    if (secret.length !== 32) throw new Error(`Pseudonym key ${kid} (${name}) must be 32 bytes (base64)`);
    keys.set(kid, secret);
  }
  if (!keys.has(spec.current)) throw new Error(`Pseudonym key ${spec.current} (current, ${name}) is missing`);
  return { name, current: spec.current, keys };
}

/** A Map that forgets its oldest entry beyond `max` (insertion order). */
class BoundedMap<K, V> {
  readonly #map = new Map<K, V>();
  constructor(readonly max: number) {}
  get(key: K): V | undefined {
    return this.#map.get(key);
  }
  set(key: K, value: V): void {
    if (this.#map.size >= this.max) this.#map.delete(this.#map.keys().next().value as K);
    this.#map.set(key, value);
  }
}

function uuidToBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new Error('not an internal id');
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function bytesToUuid(bytes: Uint8Array): string {
  const h = Buffer.from(bytes).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
