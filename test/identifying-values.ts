import type { DemoDataset } from '@casellario/demo-data';

/** Every string value of a JSON document, however deep. */
export function stringValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringValues(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringValues(v, out);
  return out;
}

// A codice fiscale as a word of its own (omocodes included) or an 11-digit temporary code.
// Matching whole words keeps random identifiers (30-character pseudonyms) from matching by chance.
const CF_WORD = /^(?:[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|\d{11})$/i;

function hasCodiceFiscaleWord(text: string): boolean {
  return text.split(/[^A-Za-z0-9]+/).some((word) => CF_WORD.test(word));
}

/**
 * Types whose values are public reference data, not about a person: a comune named
 * Messina or Bianchi, a province whose sigla is LI, an ente's denominazione. Their
 * strings cannot be told from a surname by value alone, so in an object that says
 * (by `__typename`) it is one of these, only codici fiscali are looked for.
 */
export const PUBLIC_REFERENCE_TYPES: ReadonlySet<string> = new Set(['Comune', 'Ente', 'Regione', 'CodiceEsito']);

/** Strings of a response, each with whether it sits in a public reference object. */
function strings(value: unknown, inReference: boolean, out: Array<{ s: string; reference: boolean }>): void {
  if (typeof value === 'string') out.push({ s: value, reference: inReference });
  else if (Array.isArray(value)) for (const v of value) strings(v, inReference, out);
  else if (value && typeof value === 'object') {
    const typename = (value as { __typename?: unknown }).__typename;
    const reference = typeof typename === 'string' ? PUBLIC_REFERENCE_TYPES.has(typename) : inReference;
    for (const v of Object.values(value)) strings(v, reference, out);
  }
}

/**
 * Values in a response that identify someone of the data set: a codice fiscale
 * (any shape, omocodes included) anywhere, or a surname or first name of the
 * population outside public reference objects (PUBLIC_REFERENCE_TYPES, known by
 * their `__typename`). Empty when the response is clean.
 */
export function identifyingValuesIn(response: unknown, dataset: DemoDataset): string[] {
  const cfs = new Set(dataset.persone.map((p) => p.codiceFiscale));
  const names = new Set(dataset.persone.flatMap((p) => [p.cognome, p.nome]));
  const found: Array<{ s: string; reference: boolean }> = [];
  strings(response, false, found);
  return found.filter(({ s, reference }) => cfs.has(s) || (!reference && names.has(s.toUpperCase())) || hasCodiceFiscaleWord(s)).map(({ s }) => s);
}
