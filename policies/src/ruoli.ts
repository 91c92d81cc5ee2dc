/**
 * The purposes of access (DESIGN.md §2). A token carries exactly one; every rule
 * in the platform is written in terms of these.
 */
export const RUOLI = ['gestione', 'controllo', 'programmazione', 'monitoraggio', 'audit'] as const;
export type Ruolo = (typeof RUOLI)[number];

/** Purposes that may see identifying data (codice fiscale, names, birthplace). */
export const RUOLI_IDENTIFICANTI: ReadonlySet<Ruolo> = new Set(['gestione', 'controllo']);

/** Purposes that see persons only through keyed pseudonyms and coarsened attributes. */
export const RUOLI_PSEUDONIMI: ReadonlySet<Ruolo> = new Set(['programmazione', 'monitoraggio']);

/** Whether a string names a known purpose. */
export function isRuolo(value: unknown): value is Ruolo {
  return typeof value === 'string' && (RUOLI as readonly string[]).includes(value);
}
