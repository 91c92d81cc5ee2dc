import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPersonaIdCodec } from '../src/pseudonym';
import type { Viewer } from '../src/viewer';

const keyFile = (kid = 'k1') => ({
  programmazione: { current: kid, keys: { [kid]: randomBytes(32).toString('base64') } },
  monitoraggio: { current: kid, keys: { [kid]: randomBytes(32).toString('base64') } },
});
const viewer = (ruolo: Viewer['ruolo']): Viewer => ({ sub: 's', ruolo, ente: 'X', territorio: { livello: 'nazionale' }, riferimento: null });

describe('keyed pseudonyms', () => {
  const codec = createPersonaIdCodec(keyFile());
  const id = randomUUID();

  it('are stable within an audience, differ between audiences and round-trip', () => {
    const p = codec.present(id, viewer('programmazione'));
    const m = codec.present(id, viewer('monitoraggio'));
    expect(p).toBe(codec.present(id, viewer('programmazione')));
    expect(p).not.toBe(m);
    expect(p).toMatch(/^k1\.[A-Za-z0-9_-]{30}$/);
    expect(codec.resolve(p, viewer('programmazione'))).toBe(id);
    expect(codec.resolve(m, viewer('monitoraggio'))).toBe(id);
  });

  it('never resolve across audiences, from internal ids, or when forged', () => {
    const p = codec.present(id, viewer('programmazione'));
    for (let i = 0; i < 500; i++) {
      const other = codec.pseudonym(randomUUID(), 'monitoraggio');
      expect(codec.resolve(other, viewer('programmazione'))).toBeNull();
    }
    expect(codec.resolve(id, viewer('programmazione'))).toBeNull();
    for (const at of [3, 10, 20, p.length - 1]) {
      const flipped = `${p.slice(0, at)}${p[at] === 'A' ? 'B' : 'A'}${p.slice(at + 1)}`;
      expect(codec.resolve(flipped, viewer('programmazione'))).toBeNull();
    }
  });

  it('cannot be recomputed without the key, and give the internal id to identifying purposes', () => {
    const other = createPersonaIdCodec(keyFile());
    expect(other.pseudonym(id, 'programmazione')).not.toBe(codec.pseudonym(id, 'programmazione'));
    expect(codec.present(id, viewer('gestione'))).toBe(id);
    expect(codec.resolve(id, viewer('controllo'))).toBe(id);
    expect(() => codec.present(id, viewer('audit'))).toThrow(/non consentito/);
  });

  it('keep resolving under a retired key after rotation while new ones use the current key', () => {
    const old = keyFile('k1');
    const before = createPersonaIdCodec(old).pseudonym(id, 'programmazione');
    const rotated = {
      ...old,
      programmazione: { current: 'k2', keys: { ...old.programmazione.keys, k2: randomBytes(32).toString('base64') } },
    };
    const after = createPersonaIdCodec(rotated);
    expect(after.resolve(before, viewer('programmazione'))).toBe(id);
    expect(after.present(id, viewer('programmazione'))).toMatch(/^k2\./);
  });
});
