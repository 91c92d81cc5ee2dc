/**
 * The nomenclatore of social benefits (DM 8/3/2013 Tabella 1 and the extended
 * SIUSS list). It grows by decree, so it is data: the CSV shipped in `data/`
 * plus any CSV an operator supplies, read at run time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface VoceNomenclatore {
  /** `Xn.nn`, e.g. `A1.01`. */
  codice: string;
  denominazione: string;
  /** Where the code and name come from (decree, list). */
  fonte: string;
}

export interface Nomenclatore {
  get(codice: string): VoceNomenclatore | undefined;
  has(codice: string): boolean;
  /** Every entry, sorted by code. */
  all(): VoceNomenclatore[];
}

/** Path of the CSV shipped with the package. */
export const NOMENCLATORE_CSV_PATH = fileURLToPath(new URL('../data/nomenclatore.csv', import.meta.url));

const CODICE_SHAPE = /^[A-Z]\d\.\d{2}$/;

/**
 * Tells whether a code has the nomenclatore's shape: one capital letter, one
 * digit, a dot and two digits (`A1.01`, `Z9.99`). A well-formed code absent
 * from the table is accepted with a warning; a malformed one is rejected.
 */
export function isWellFormedCodicePrestazione(code: string): boolean {
  return CODICE_SHAPE.test(code);
}

/**
 * Tells whether a benefit code may only be sent with a presa in carico by the
 * professional social service: codes A2.16 to A2.29 inclusive.
 */
export function requiresPresaInCarico(code: string): boolean {
  if (!CODICE_SHAPE.test(code) || !code.startsWith('A2.')) return false;
  const n = Number(code.slice(3));
  return n >= 16 && n <= 29;
}

/**
 * Parses nomenclatore CSV text (header `codice,denominazione,fonte`, RFC 4180
 * quoting) into entries. Throws with the file and line on a malformed code or
 * a missing column, because a silently skipped code would later reject flows.
 */
export function parseNomenclatoreCsv(text: string, source = 'nomenclatore CSV'): VoceNomenclatore[] {
  const rows = parse(text, {
    columns: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string | undefined>>;
  return rows.map((row, i) => {
    const line = i + 2; // header is line 1
    const codice = row['codice'];
    const denominazione = row['denominazione'];
    if (codice === undefined || denominazione === undefined) {
      throw new Error(`${source}: line ${line} lacks the codice or denominazione column`);
    }
    if (!isWellFormedCodicePrestazione(codice)) {
      throw new Error(`${source}: line ${line}: "${codice}" is not a well-formed benefit code (Xn.nn)`);
    }
    if (denominazione.length === 0) throw new Error(`${source}: line ${line}: empty denominazione for ${codice}`);
    return { codice, denominazione, fonte: row['fonte'] ?? '' };
  });
}

/**
 * Loads the shipped nomenclatore and, when given, a further CSV of the same
 * shape whose entries add codes or replace the shipped name of a code (a new
 * decree), so the table can grow without a release.
 */
export function loadNomenclatore(extraCsvPath?: string): Nomenclatore {
  const byCode = new Map<string, VoceNomenclatore>();
  const sources = extraCsvPath ? [NOMENCLATORE_CSV_PATH, extraCsvPath] : [NOMENCLATORE_CSV_PATH];
  for (const path of sources) {
    for (const voce of parseNomenclatoreCsv(readFileSync(path, 'utf8'), path)) byCode.set(voce.codice, voce);
  }
  const sorted = [...byCode.values()].sort((a, b) => a.codice.localeCompare(b.codice));
  return {
    get: (codice) => byCode.get(codice),
    has: (codice) => byCode.has(codice),
    all: () => sorted.map((v) => ({ ...v })),
  };
}
