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
 * Values in a response that identify someone of the data set: a codice fiscale
 * (any shape, omocodes included), or a surname or first name of the population.
 * Empty when the response is clean.
 */
export function identifyingValuesIn(response: unknown, dataset: DemoDataset): string[] {
  const cfs = new Set(dataset.persone.map((p) => p.codiceFiscale));
  const names = new Set(dataset.persone.flatMap((p) => [p.cognome, p.nome]));
  return stringValues(response).filter((s) => cfs.has(s) || names.has(s.toUpperCase()) || hasCodiceFiscaleWord(s));
}
