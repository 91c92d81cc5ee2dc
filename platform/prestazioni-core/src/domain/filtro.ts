import { checkAnno } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { CodiceAreaUtenza } from './codici';

/** `FiltroPrestazioni` as GraphQL hands it over (enum values already turned into codes). */
export interface FiltroPrestazioniInput {
  codicePrestazione?: string | null;
  areaUtenza?: CodiceAreaUtenza | null;
  anno?: number | null;
  codiceRegione?: string | null;
  codiceComune?: string | null;
  enteCodice?: string | null;
  includiAnnullate?: boolean | null;
}

/** A checked filter: every field present or null, ready for SQL. */
export interface FiltroPrestazioni {
  codicePrestazione: string | null;
  areaUtenza: CodiceAreaUtenza | null;
  anno: number | null;
  codiceRegione: string | null;
  codiceComune: string | null;
  enteCodice: string | null;
  includiAnnullate: boolean;
}

/** Checks a year argument (`anno`): kit `checkAnno`, shared with the aggregates of every component. */
export { checkAnno };

/**
 * Validates the listing filter against the formats of the specification (ISTAT
 * codes of 2 and 6 digits, codes of at most 10 and 32 characters), so that a typo
 * is reported instead of answered with an empty page.
 */
export function readFiltro(input: FiltroPrestazioniInput | null | undefined): FiltroPrestazioni {
  const f = input ?? {};
  const codiceRegione = f.codiceRegione ?? null;
  if (codiceRegione !== null && !/^\d{2}$/.test(codiceRegione)) throw badUserInput('codiceRegione: codice ISTAT della regione di 2 cifre');
  const codiceComune = f.codiceComune ?? null;
  if (codiceComune !== null && !/^\d{6}$/.test(codiceComune)) throw badUserInput('codiceComune: codice ISTAT del comune di 6 cifre');
  const codicePrestazione = f.codicePrestazione?.trim() || null;
  if (codicePrestazione !== null && codicePrestazione.length > 10) throw badUserInput('codicePrestazione: al massimo 10 caratteri');
  const enteCodice = f.enteCodice?.trim() || null;
  if (enteCodice !== null && enteCodice.length > 32) throw badUserInput('enteCodice: al massimo 32 caratteri');
  return {
    codicePrestazione,
    areaUtenza: f.areaUtenza ?? null,
    anno: checkAnno(f.anno),
    codiceRegione,
    codiceComune,
    enteCodice,
    includiAnnullate: f.includiAnnullate ?? false,
  };
}

/** The first and the day after the last day of a year, the half-open range `anno` filters on. */
export function yearRange(anno: number): [string, string] {
  return [`${anno}-01-01`, `${anno + 1}-01-01`];
}
