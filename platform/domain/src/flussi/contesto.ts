/**
 * What the record rules need besides the record: the nomenclatore in force, the
 * day of reception (injectable, so tests and re-validations are reproducible)
 * and the header of the flow the record came in.
 */
import type { Nomenclatore } from '../nomenclatore';
import type { IntestazioneFlusso } from './records';

export interface ContestoValidazione {
  nomenclatore: Nomenclatore;
  /** Day of reception, `AAAA-MM-GG`, Italian calendar: dates after it are "in the future". */
  oggi: string;
  intestazione: IntestazioneFlusso;
}

/** Options of `validaIntestazione`. */
export interface OpzioniIntestazione {
  /** Day of reception, `AAAA-MM-GG`. */
  oggi: string;
}
