import { describe, expect, it } from 'vitest';
import {
  buildCodiceFiscale,
  buildCodiceFiscaleTemporaneo,
  computeCheckCharacter,
  computeTemporaneoCheckDigit,
  omocodeLevel,
  omocodeVariant,
  shareBaseCode,
  validateCodiceFiscale,
} from '../src/codice-fiscale';

describe('validateCodiceFiscale', () => {
  it('accepts the reference vectors with their kind', () => {
    expect(validateCodiceFiscale('RSSMRA85T10A562S')).toEqual({ valid: true, kind: 'ORDINARIO', normalized: 'RSSMRA85T10A562S' });
    expect(validateCodiceFiscale('RSSMRA85T10A56NH')).toEqual({ valid: true, kind: 'OMOCODICE', normalized: 'RSSMRA85T10A56NH' });
    expect(validateCodiceFiscale('00743110157')).toEqual({ valid: true, kind: 'TEMPORANEO', normalized: '00743110157' });
  });

  it('rejects an 11-digit code with a wrong check digit, naming the expected digit', () => {
    const result = validateCodiceFiscale('00743110158');
    expect(result.valid).toBe(false);
    expect(result.kind).toBeNull();
    expect(result.error?.code).toBe('CF_TEMPORANEO_CONTROLLO');
    expect(result.error?.message).toContain('dovrebbe essere 7');
  });

  it('rejects a wrong check letter and says which character was expected', () => {
    const result = validateCodiceFiscale('RSSMRA85T10A562X');
    expect(result.valid).toBe(false);
    expect(result.error?.code).toBe('CF_CONTROLLO');
    expect(result.error?.message).toContain('"S"');
    expect(result.error?.message).toContain('"X"');
  });

  it('upper-cases the input and keeps the omocode as it is, never its base code', () => {
    expect(validateCodiceFiscale('  rssmra85t10a56nh ')).toEqual({ valid: true, kind: 'OMOCODICE', normalized: 'RSSMRA85T10A56NH' });
  });

  it('trims the up to five trailing spaces the XSD allows after 11 digits', () => {
    expect(validateCodiceFiscale('00743110157     ')).toEqual({ valid: true, kind: 'TEMPORANEO', normalized: '00743110157' });
  });

  it('rejects shapes that are neither 16 characters nor 11 digits', () => {
    for (const bad of ['', 'RSSMRA85T10A562', '0074311015', '007431101577', 'RSSMRA8AT10A562S', 'RSSMRA85T10A562SS', '1SSMRA85T10A562S']) {
      expect(validateCodiceFiscale(bad).error?.code, bad).toBe('CF_FORMATO');
    }
  });

  it('rejects a month letter outside ABCDEHLMPRST', () => {
    const first15 = 'RSSMRA85K10A562';
    const result = validateCodiceFiscale(first15 + computeCheckCharacter(first15));
    expect(result.error?.code).toBe('CF_FORMATO');
    expect(result.error?.message).toContain('"K"');
  });

  it('checks the day after decoding omocode letters: 32–40 and 72+ are impossible', () => {
    for (const day of ['00', '32', '40', '72', '99']) {
      const first15 = `RSSMRA85T${day}A562`;
      expect(validateCodiceFiscale(first15 + computeCheckCharacter(first15)).error?.code, day).toBe('CF_FORMATO');
    }
    // 'ML' decodes to 50: a woman born on the 10th, written with omocode letters.
    const woman = 'BNCGLI58EMLH501';
    expect(validateCodiceFiscale(woman + computeCheckCharacter(woman))).toMatchObject({ valid: true, kind: 'OMOCODICE' });
    // 'VV' decodes to 99: no day of birth.
    const impossible = 'BNCGLI58EVVH501';
    expect(validateCodiceFiscale(impossible + computeCheckCharacter(impossible)).error?.code).toBe('CF_FORMATO');
  });

  it('accepts women days 41–71', () => {
    const first15 = 'BNCGLI58E71H501';
    expect(validateCodiceFiscale(first15 + computeCheckCharacter(first15)).valid).toBe(true);
  });
});

describe('computeCheckCharacter and computeTemporaneoCheckDigit', () => {
  it('compute the check characters of the reference vectors', () => {
    expect(computeCheckCharacter('RSSMRA85T10A562')).toBe('S');
    expect(computeCheckCharacter('RSSMRA85T10A56N')).toBe('H');
    expect(computeTemporaneoCheckDigit('0074311015')).toBe('7');
  });

  it('refuse input of the wrong length', () => {
    expect(() => computeCheckCharacter('RSSMRA85T10A56')).toThrow(RangeError);
    expect(() => computeTemporaneoCheckDigit('123')).toThrow(RangeError);
  });
});

describe('buildCodiceFiscale', () => {
  it('builds the reference code for Mario Rossi, 10/12/1985, A562', () => {
    expect(buildCodiceFiscale({ cognome: 'Rossi', nome: 'Mario', annoNascita: 1985, mese: 12, giorno: 10, genere: '1', belfiore: 'A562' })).toBe(
      'RSSMRA85T10A562S',
    );
  });

  it('adds 40 to the day for women and uses 1st, 3rd, 4th consonant of a long name', () => {
    // GIULIA has two consonants (G, L), so the first vowel completes the code: GLI.
    const cf = buildCodiceFiscale({ cognome: 'Bianchi', nome: 'Giulia', annoNascita: '1958', mese: 5, giorno: 3, genere: '2', belfiore: 'H501' });
    expect(cf.slice(0, 15)).toBe('BNCGLI58E43H501');
    expect(validateCodiceFiscale(cf).valid).toBe(true);
    // FRANCESCO: consonants F R N C S C → F, N, C.
    expect(buildCodiceFiscale({ cognome: 'Verdi', nome: 'Francesco', annoNascita: 1990, mese: 1, giorno: 1, genere: '1', belfiore: 'F205' }).slice(0, 6)).toBe('VRDFNC');
  });

  it('pads short names and surnames with X and ignores accents, apostrophes and spaces', () => {
    const cf = buildCodiceFiscale({ cognome: "D'Fo", nome: 'Lù', annoNascita: 2001, mese: 2, giorno: 9, genere: '1', belfiore: 'Z129' });
    expect(cf.slice(0, 12)).toBe('DFOLUX01B09Z');
    expect(buildCodiceFiscale({ cognome: 'De Niccolò', nome: 'Anna', annoNascita: 1970, mese: 7, giorno: 30, genere: '2', belfiore: 'F839' }).slice(0, 11)).toBe(
      'DNCNNA70L70',
    );
  });

  it('refuses impossible dates and places', () => {
    const base = { cognome: 'Rossi', nome: 'Mario', annoNascita: 1985, mese: 12, giorno: 10, genere: '1' as const, belfiore: 'A562' };
    expect(() => buildCodiceFiscale({ ...base, mese: 13 })).toThrow(RangeError);
    expect(() => buildCodiceFiscale({ ...base, giorno: 0 })).toThrow(RangeError);
    expect(() => buildCodiceFiscale({ ...base, belfiore: 'ROMA' })).toThrow(RangeError);
  });
});

describe('omocodia', () => {
  it('substitutes digit positions from 15 backwards, one per level, and recomputes the check character', () => {
    expect(omocodeVariant('RSSMRA85T10A562S', 1)).toBe('RSSMRA85T10A56NH');
    expect(omocodeVariant('RSSMRA85T10A562S', 2)).toBe('RSSMRA85T10A5SNT');
    expect(omocodeVariant('RSSMRA85T10A562S', 7)).toBe('RSSMRAURTMLARSNL');
    for (let level = 1; level <= 7; level++) {
      const omocode = omocodeVariant('RSSMRA85T10A562S', level);
      expect(validateCodiceFiscale(omocode)).toMatchObject({ valid: true, kind: 'OMOCODICE' });
      expect(omocodeLevel(omocode)).toBe(level);
    }
  });

  it('tells that an omocode shares its base code, without making it the same code', () => {
    expect(shareBaseCode('RSSMRA85T10A562S', 'RSSMRA85T10A56NH')).toBe(true);
    expect(shareBaseCode('RSSMRA85T10A562S', 'BNCGLI58E43H501X')).toBe(false);
    expect(omocodeLevel('RSSMRA85T10A562S')).toBe(0);
    expect('RSSMRA85T10A562S').not.toBe(validateCodiceFiscale('RSSMRA85T10A56NH').normalized);
  });

  it('refuses a level outside 1–7', () => {
    expect(() => omocodeVariant('RSSMRA85T10A562S', 0)).toThrow(RangeError);
    expect(() => omocodeVariant('RSSMRA85T10A562S', 8)).toThrow(RangeError);
  });
});

describe('buildCodiceFiscaleTemporaneo', () => {
  it('appends the partita IVA check digit', () => {
    expect(buildCodiceFiscaleTemporaneo('0074311015')).toBe('00743110157');
    expect(validateCodiceFiscale(buildCodiceFiscaleTemporaneo('1234567890'))).toMatchObject({ valid: true, kind: 'TEMPORANEO' });
  });
});
