import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonaIdCodec, type Audience } from '../src/pseudonym';
import type { PseudonymKeyFile } from '../src/token/dev-keys';
import { parseTerritorio, type Viewer } from '../src/viewer';

const secret = () => randomBytes(32).toString('base64');
const keyFile = (kid = 'k1'): PseudonymKeyFile => ({
  programmazione: { current: kid, keys: { [kid]: secret() } },
  monitoraggio: { current: kid, keys: { [kid]: secret() } },
});
const viewer = (ruolo: Viewer['ruolo'], ente = 'X', territorio = 'IT'): Viewer => ({
  sub: 's',
  ruolo,
  ente,
  territorio: parseTerritorio(territorio)!,
  riferimento: null,
});
const LAZIO = viewer('programmazione', 'R12', '12');
const ROMA = viewer('programmazione', 'H501', '058091');
const LOMBARDIA = viewer('programmazione', 'R03', '03');
const MINISTERO = viewer('monitoraggio', 'MLPS', 'IT');
const AUDIENCES = [LAZIO, ROMA, LOMBARDIA, MINISTERO];
const flip = (s: string, at: number) => `${s.slice(0, at)}${s[at] === 'A' ? 'B' : 'A'}${s.slice(at + 1)}`;
/** A change that keeps a hex cursor well-formed, so that only authentication can refuse it. */
const flipHex = (s: string, at: number) => `${s.slice(0, at)}${s[at] === '0' ? '1' : '0'}${s.slice(at + 1)}`;

describe('keyed pseudonyms', () => {
  const codec = createPersonaIdCodec(keyFile());
  const id = randomUUID();

  it('are stable within an audience, differ between the four audiences and round-trip', () => {
    const ids = AUDIENCES.map((a) => codec.present(id, a));
    expect(new Set(ids).size).toBe(4);
    for (const [i, a] of AUDIENCES.entries()) {
      expect(ids[i]).toMatch(/^k1\.[0-9a-f]{64}$/);
      expect(codec.present(id, { ...a, sub: 'another operator of the same audience' })).toBe(ids[i]);
      expect(codec.resolve(ids[i]!, a)).toBe(id);
    }
  });

  it('never resolve in another audience, same purpose or not', () => {
    for (const from of AUDIENCES) {
      for (const to of AUDIENCES) {
        if (from === to) continue;
        expect(codec.resolve(codec.pseudonym(id, from), to)).toBeNull();
      }
    }
    // Same ente, another territory (or the reverse) is another audience too.
    expect(codec.resolve(codec.pseudonym(id, LAZIO), viewer('programmazione', 'R12', '058091'))).toBeNull();
    expect(codec.resolve(codec.pseudonym(id, ROMA), viewer('programmazione', 'R12', '058091'))).toBeNull();
  });

  it('never resolve from internal ids, when forged or tampered, or malformed, and never throw', () => {
    const p = codec.present(id, LAZIO);
    for (let i = 0; i < 300; i++) {
      expect(codec.resolve(codec.pseudonym(randomUUID(), ROMA), LAZIO)).toBeNull();
      expect(codec.resolve(`k1.${randomBytes(32).toString('hex')}`, LAZIO)).toBeNull();
    }
    expect(codec.resolve(id, LAZIO)).toBeNull();
    for (let at = 3; at < p.length; at++) expect(codec.resolve(flipHex(p, at), LAZIO)).toBeNull();
    for (const bad of ['', 'k1.', `k9${p.slice(2)}`, `${p}a`, p.slice(0, -1), `${p.slice(0, -1)}g`, p.toUpperCase(), 'K1.x', `${p}\n`]) {
      expect(codec.resolve(bad, LAZIO)).toBeNull();
    }
  });

  it('cannot be recomputed without the key, and give the internal id to identifying purposes only', () => {
    const other = createPersonaIdCodec(keyFile());
    expect(other.pseudonym(id, LAZIO)).not.toBe(codec.pseudonym(id, LAZIO));
    expect(other.resolve(codec.pseudonym(id, LAZIO), LAZIO)).toBeNull();
    expect(codec.present(id, viewer('gestione'))).toBe(id);
    expect(codec.resolve(id, viewer('controllo'))).toBe(id);
    expect(codec.resolve(codec.pseudonym(id, LAZIO), viewer('gestione'))).toBeNull();
    expect(() => codec.present(id, viewer('audit'))).toThrow(/non consentito/);
    expect(codec.resolve(id, viewer('audit'))).toBeNull();
  });

  it('keep resolving under a retired key after rotation while new ones use the current key', () => {
    const old = keyFile('k1');
    const before = createPersonaIdCodec(old).pseudonym(id, LAZIO);
    const rotated = { ...old, programmazione: { current: 'k2', keys: { ...old.programmazione.keys, k2: secret() } } };
    const after = createPersonaIdCodec(rotated);
    expect(after.resolve(before, LAZIO)).toBe(id);
    const now = after.present(id, LAZIO);
    expect(now).toMatch(/^k2\./);
    expect(now).not.toBe(before);
    expect(after.resolve(now, LAZIO)).toBe(id);
    // Retired for good: the old pseudonym then resolves to nothing, as a forged one does.
    const retired = createPersonaIdCodec({ ...old, programmazione: { current: 'k2', keys: { k2: rotated.programmazione.keys.k2! } } });
    expect(retired.resolve(before, LAZIO)).toBeNull();
  });

  it('rotate one audience alone through its own keyring, leaving the others unchanged', () => {
    const base = keyFile('k1');
    const codecBefore = createPersonaIdCodec(base);
    const lazioBefore = codecBefore.pseudonym(id, LAZIO);
    const romaBefore = codecBefore.pseudonym(id, ROMA);
    const overridden: PseudonymKeyFile = {
      ...base,
      programmazione: { ...base.programmazione, audiences: { 'R12/12': { current: 'l1', keys: { l1: secret() } } } },
    };
    const codecAfter = createPersonaIdCodec(overridden);
    const lazioAfter = codecAfter.present(id, LAZIO);
    expect(lazioAfter).toMatch(/^l1\./);
    expect(lazioAfter).not.toBe(lazioBefore);
    expect(codecAfter.present(id, ROMA)).toBe(romaBefore);
    expect(codecAfter.resolve(lazioBefore, LAZIO)).toBe(id);
    expect(codecAfter.resolve(lazioAfter, LAZIO)).toBe(id);
    expect(codecAfter.resolve(lazioAfter, ROMA)).toBeNull();
    // inherit: false retires Lazio's ids under the purpose's keys, and only Lazio's.
    const retired = createPersonaIdCodec({
      ...overridden,
      programmazione: { ...base.programmazione, audiences: { 'R12/12': { ...overridden.programmazione.audiences!['R12/12']!, inherit: false } } },
    });
    expect(retired.resolve(lazioBefore, LAZIO)).toBeNull();
    expect(retired.resolve(lazioAfter, LAZIO)).toBe(id);
    expect(retired.resolve(romaBefore, ROMA)).toBe(id);
  });

  it('refuse a key file whose audience keyring reuses a purpose key id or misspells the audience', () => {
    const base = keyFile('k1');
    const clash = { ...base, programmazione: { ...base.programmazione, audiences: { 'R12/12': { current: 'k1', keys: { k1: secret() } } } } };
    expect(() => createPersonaIdCodec(clash)).toThrow(/also names a key/);
    const misspelt = { ...base, programmazione: { ...base.programmazione, audiences: { Lazio: { current: 'l1', keys: { l1: secret() } } } } };
    expect(() => createPersonaIdCodec(misspelt)).toThrow(/ente\/territorio/);
  });

  it('keep loading a key file written before audiences existed', () => {
    const legacy = JSON.parse(JSON.stringify(keyFile('k1'))) as PseudonymKeyFile;
    expect(createPersonaIdCodec(legacy).resolve(createPersonaIdCodec(legacy).pseudonym(id, MINISTERO), MINISTERO)).toBe(id);
  });
});

describe('sealed cursors', () => {
  const codec = createPersonaIdCodec(keyFile());
  const binding = { listing: 'elencoPrestazioniSociali', filter: '{"filtro":{"anno":2025}}' };
  const payload = ['2025-12-30', id()];
  function id() {
    return 'e2913a8e-5b7c-4d7e-9f00-0123456789ab';
  }

  it('open for the same audience and search, and show nothing of what they hold', () => {
    const cursor = codec.sealCursor(payload, LAZIO, binding);
    const colleague: Viewer = { ...LAZIO, sub: 'colleague' };
    expect(codec.openCursor(cursor, colleague, binding)).toEqual(payload);
    expect(cursor).toMatch(/^k1\.[0-9a-f]+$/);
    for (const encoding of ['base64url', 'hex'] as const) {
      const decoded = Buffer.from(cursor.split('.')[1]!, encoding).toString('latin1');
      expect(decoded).not.toContain('2025');
      expect(decoded).not.toContain('e2913a8e');
    }
    // A random nonce: the same position sealed twice gives two cursors.
    expect(codec.sealCursor(payload, LAZIO, binding)).not.toBe(cursor);
  });

  it('hold short and long positions alike (the access log pages by one number)', () => {
    for (const p of [[], [7], ['2025-12-30', id(), 'SOVRAPPOSIZIONE'], [Array.from({ length: 40 }, () => 'x').join('')]]) {
      expect(codec.openCursor(codec.sealCursor(p, MINISTERO, binding), MINISTERO, binding)).toEqual(p);
    }
  });

  it('refuse another audience, listing or filter, tampering and forgeries', () => {
    const cursor = codec.sealCursor(payload, LAZIO, binding);
    for (const other of [ROMA, LOMBARDIA, MINISTERO, viewer('gestione', 'H501'), viewer('controllo', 'GDF')]) {
      expect(codec.openCursor(cursor, other, binding)).toBeNull();
    }
    expect(codec.openCursor(cursor, LAZIO, { ...binding, listing: 'elencoPrestazioniAgevolate' })).toBeNull();
    expect(codec.openCursor(cursor, LAZIO, { ...binding, filter: '{"filtro":{"anno":2024}}' })).toBeNull();
    for (let at = 3; at < cursor.length; at++) expect(codec.openCursor(flipHex(cursor, at), LAZIO, binding)).toBeNull();
    expect(codec.openCursor(Buffer.from(JSON.stringify(payload)).toString('base64url'), LAZIO, binding)).toBeNull();
    expect(codec.openCursor(`k1.${randomBytes(60).toString('base64url')}`, LAZIO, binding)).toBeNull();
    expect(codec.openCursor(`k1.${randomBytes(60).toString('hex')}`, LAZIO, binding)).toBeNull();
    expect(codec.openCursor(cursor.toUpperCase().replace('K1.', 'k1.'), LAZIO, binding)).toBeNull();
    expect(codec.openCursor(`${cursor}0`, LAZIO, binding)).toBeNull();
    expect(createPersonaIdCodec(keyFile()).openCursor(cursor, LAZIO, binding)).toBeNull();
  });
});
