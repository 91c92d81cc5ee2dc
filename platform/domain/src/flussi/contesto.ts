/**
 * What the record rules need besides the record: the nomenclatore in force, the
 * day of reception (injectable, so tests and re-validations are reproducible),
 * the header of the flow the record came in and, for SIP, the configurable lists.
 */
import type { CatalogoSip } from '../catalogo-sip';
import type { Nomenclatore } from '../nomenclatore';
import type { IntestazioneFlusso } from './records';

export interface ContestoValidazione {
  nomenclatore: Nomenclatore;
  /** Day of reception, `AAAA-MM-GG`, Italian calendar: dates after it are "in the future". */
  oggi: string;
  intestazione: IntestazioneFlusso;
  /**
   * The SIP configurable lists (analisi preliminare outcomes, sostegni) the
   * receiver knows; default `CATALOGO_SIP_INIZIALE`, the entries every install
   * starts with. A code missing from them is only an AVVISO.
   */
  catalogoSip?: CatalogoSip;
}

/** Options of `validaIntestazione`. */
export interface OpzioniIntestazione {
  /** Day of reception, `AAAA-MM-GG`. */
  oggi: string;
}
