import { describe, expect, it } from 'vitest';
import { checkAnno, readFiltro, yearRange } from '../src/domain/filtro';
import { presaInCarico, toAmount } from '../src/domain/codici';

describe('readFiltro', () => {
  it('fills absent fields with null and trims codes', () => {
    expect(readFiltro({ codicePrestazione: ' A1.04 ', anno: 2024 })).toEqual({
      codicePrestazione: 'A1.04',
      areaUtenza: null,
      anno: 2024,
      codiceRegione: null,
      codiceComune: null,
      enteCodice: null,
      includiAnnullate: false,
    });
    expect(readFiltro(null).includiAnnullate).toBe(false);
  });

  it('rejects codes that cannot be ISTAT codes or specification codes', () => {
    expect(() => readFiltro({ codiceRegione: '3' })).toThrow(/regione di 2 cifre/);
    expect(() => readFiltro({ codiceComune: 'F205' })).toThrow(/comune di 6 cifre/);
    expect(() => readFiltro({ codicePrestazione: 'A1.04.000000' })).toThrow(/10 caratteri/);
    expect(() => readFiltro({ enteCodice: 'X'.repeat(33) })).toThrow(/32 caratteri/);
  });
});

describe('checkAnno', () => {
  it('accepts null and plausible years, rejects the rest as BAD_USER_INPUT', () => {
    expect(checkAnno(undefined)).toBeNull();
    expect(checkAnno(2014)).toBe(2014);
    try {
      checkAnno(1800);
      expect.unreachable();
    } catch (error) {
      expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('filters on a half-open range of dates', () => {
    expect(yearRange(2024)).toEqual(['2024-01-01', '2025-01-01']);
  });
});

describe('codici', () => {
  it('turns PresaCarico and numeric strings into API values', () => {
    expect([presaInCarico('1'), presaInCarico('2')]).toEqual([true, false]);
    expect([toAmount('250.50'), toAmount('0.00'), toAmount(null)]).toEqual([250.5, 0, null]);
  });
});
