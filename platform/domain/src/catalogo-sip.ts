/**
 * The configurable lists of SIP (docs/sip.md): the outcomes of the analisi
 * preliminare and the sostegni. The domain notes give them as "our
 * enumeration, keep it configurable", so in the sip component they are
 * reference tables an install extends with an INSERT. These are the entries
 * every install starts with: what the flow rules know by default (an unknown
 * well-formed code is only an AVVISO, like the nomenclatore's) and what the
 * flow writer maps the demo data set's descriptions to.
 *
 * The sip subgraph seeds its tables from its own copy
 * (`subgraphs/sip/src/domain/catalogo.ts`), because it does not depend on this
 * package; the cross-service test `test/flussi-sip.test.ts` checks that the
 * two lists agree.
 */

/** An outcome of the analisi preliminare: where the case goes next. */
export interface VoceEsitoAnalisiSip {
  codice: string;
  descrizione: string;
  /**
   * Whether this outcome leads to a patto or progetto recorded in SIP. Sending
   * the household to the employment centre or to specialist services moves the
   * plan outside SIP.
   */
  prevedeProgetto: boolean;
}

/** A *sostegno*: a service given beside the cash benefit (d.lgs. 147/2017 art. 7). */
export interface VoceSostegnoSip {
  codice: string;
  descrizione: string;
}

/** The two configurable lists as an install holds them (or as the flow rules know them). */
export interface CatalogoSip {
  esitiAnalisiPreliminare: readonly VoceEsitoAnalisiSip[];
  sostegni: readonly VoceSostegnoSip[];
}

/** The outcomes of the domain notes. */
export const ESITI_ANALISI_PRELIMINARE_SIP: readonly VoceEsitoAnalisiSip[] = Object.freeze([
  { codice: 'QUADRO_ANALISI', descrizione: 'Bisogni complessi: quadro di analisi approfondito con équipe multidisciplinare', prevedeProgetto: true },
  { codice: 'PATTO_SEMPLIFICATO', descrizione: 'Patto semplificato sulla sola analisi preliminare', prevedeProgetto: true },
  { codice: 'CPI', descrizione: "Invio al Centro per l'impiego", prevedeProgetto: false },
  { codice: 'SERVIZI_SPECIALISTICI', descrizione: 'Invio ai servizi specialistici (sanità, dipendenze, tutela minori)', prevedeProgetto: false },
]);

/** The sostegni of the domain notes' list. */
export const SOSTEGNI_SIP: readonly VoceSostegnoSip[] = Object.freeze([
  { codice: 'SEGRETARIATO_SOCIALE', descrizione: 'Segretariato sociale' },
  { codice: 'SERVIZIO_SOCIALE_PROFESSIONALE', descrizione: 'Servizio sociale professionale' },
  { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
  { codice: 'SOSTEGNO_SOCIO_EDUCATIVO', descrizione: 'Sostegno socio-educativo domiciliare' },
  { codice: 'ASSISTENZA_DOMICILIARE', descrizione: 'Assistenza domiciliare socio-assistenziale' },
  { codice: 'SOSTEGNO_GENITORIALITA', descrizione: 'Sostegno alla genitorialità e mediazione familiare' },
  { codice: 'MEDIAZIONE_CULTURALE', descrizione: 'Mediazione culturale' },
  { codice: 'PRONTO_INTERVENTO_SOCIALE', descrizione: 'Pronto intervento sociale' },
]);

/** The starting entries of both lists. */
export const CATALOGO_SIP_INIZIALE: CatalogoSip = Object.freeze({
  esitiAnalisiPreliminare: ESITI_ANALISI_PRELIMINARE_SIP,
  sostegni: SOSTEGNI_SIP,
});
