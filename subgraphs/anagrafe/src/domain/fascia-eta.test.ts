import { describe, expect, it } from 'vitest';
import { fasciaEta } from './fascia-eta';

describe('fasciaEta', () => {
  it('bands ages in five years and caps at 90+', () => {
    expect(fasciaEta(2026, 2026)).toBe('0-4');
    expect(fasciaEta(1958, 2026)).toBe('65-69');
    expect(fasciaEta(1961, 2026)).toBe('65-69');
    expect(fasciaEta(1962, 2026)).toBe('60-64');
    expect(fasciaEta(1936, 2026)).toBe('90+');
  });
});
