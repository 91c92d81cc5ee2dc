import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWellFormedCodicePrestazione, loadNomenclatore, parseNomenclatoreCsv, requiresPresaInCarico } from '../src/nomenclatore';

describe('loadNomenclatore', () => {
  it('loads the shipped table', () => {
    const nomenclatore = loadNomenclatore();
    expect(nomenclatore.all()).toHaveLength(38);
    expect(nomenclatore.get('A1.01')).toEqual({
      codice: 'A1.01',
      denominazione: 'Assegno per il nucleo familiare erogato dai comuni',
      fonte: 'DM 8/3/2013 Tabella 1',
    });
    expect(nomenclatore.has('A3.03')).toBe(true);
    expect(nomenclatore.has('A1.99')).toBe(false);
    expect(nomenclatore.all()[0]?.codice).toBe('A1.01');
    expect(nomenclatore.all().at(-1)?.codice).toBe('Z9.99');
  });

  it('adds and replaces codes from an extra CSV, quoted commas included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nomenclatore-'));
    const extra = join(dir, 'extra.csv');
    writeFileSync(
      extra,
      'codice,denominazione,fonte\n' +
        'A2.20,"Pronto intervento sociale, accoglienza notturna",DM di prova\n' +
        'A1.01,Assegno al nucleo familiare (nuova denominazione),DM di prova\n',
    );
    const nomenclatore = loadNomenclatore(extra);
    expect(nomenclatore.all()).toHaveLength(39);
    expect(nomenclatore.get('A2.20')?.denominazione).toBe('Pronto intervento sociale, accoglienza notturna');
    expect(nomenclatore.get('A1.01')?.denominazione).toBe('Assegno al nucleo familiare (nuova denominazione)');
    // The shipped table is untouched by another load.
    expect(loadNomenclatore().get('A1.01')?.denominazione).toBe('Assegno per il nucleo familiare erogato dai comuni');
  });

  it('refuses a file with a malformed code, naming the line', () => {
    expect(() => parseNomenclatoreCsv('codice,denominazione,fonte\nA1.01,Uno va bene,x\nA1-02,Due no,x\n', 'prova.csv')).toThrow(
      'prova.csv: line 3: "A1-02" is not a well-formed benefit code',
    );
  });
});

describe('code rules', () => {
  it('recognises the Xn.nn shape', () => {
    expect(isWellFormedCodicePrestazione('A1.01')).toBe(true);
    expect(isWellFormedCodicePrestazione('Z9.99')).toBe(true);
    expect(isWellFormedCodicePrestazione('a1.01')).toBe(false);
    expect(isWellFormedCodicePrestazione('A1.1')).toBe(false);
    expect(isWellFormedCodicePrestazione('A10.01')).toBe(false);
    expect(isWellFormedCodicePrestazione('A1.011')).toBe(false);
  });

  it('requires a presa in carico for A2.16 to A2.29 only', () => {
    expect(requiresPresaInCarico('A2.15')).toBe(false);
    expect(requiresPresaInCarico('A2.16')).toBe(true);
    expect(requiresPresaInCarico('A2.22')).toBe(true);
    expect(requiresPresaInCarico('A2.29')).toBe(true);
    expect(requiresPresaInCarico('A2.30')).toBe(false);
    expect(requiresPresaInCarico('A1.20')).toBe(false);
    expect(requiresPresaInCarico('B2.20')).toBe(false);
  });
});
