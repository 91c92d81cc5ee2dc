/**
 * The configurable lists of SIP. The domain notes give them as "our enumeration,
 * keep it configurable", so they live in reference tables (`sip.esito_analisi_preliminare`,
 * `sip.sostegno`) that rows point at by foreign key: an ente or the ministry can add
 * an entry with an INSERT, without a migration or a release. These are the entries
 * every install starts with (seeded idempotently at migrate time). The flow rules
 * know the same starting entries (`CATALOGO_SIP_INIZIALE` of @casellario/domain,
 * which this package does not depend on); the cross-service test
 * test/flussi-sip.test.ts checks that the two lists agree. A code a flow brings
 * that is not here is stored by delivery with a description to complete (see
 * db/consegna.ts).
 */

/** An outcome of the analisi preliminare: where the case goes next. */
export interface VoceEsitoAnalisi {
  codice: string;
  descrizione: string;
  /**
   * Whether this outcome leads to a patto or progetto recorded in SIP (and so to
   * the REI project deadline). Sending the household to the employment centre or
   * to specialist services moves the plan outside SIP.
   */
  prevedeProgetto: boolean;
}

/** The outcomes of the domain notes. */
export const ESITI_ANALISI_PRELIMINARE: readonly VoceEsitoAnalisi[] = [
  { codice: 'QUADRO_ANALISI', descrizione: 'Bisogni complessi: quadro di analisi approfondito con équipe multidisciplinare', prevedeProgetto: true },
  { codice: 'PATTO_SEMPLIFICATO', descrizione: 'Patto semplificato sulla sola analisi preliminare', prevedeProgetto: true },
  { codice: 'CPI', descrizione: "Invio al Centro per l'impiego", prevedeProgetto: false },
  { codice: 'SERVIZI_SPECIALISTICI', descrizione: 'Invio ai servizi specialistici (sanità, dipendenze, tutela minori)', prevedeProgetto: false },
];

/** A *sostegno*: a service given beside the cash benefit (d.lgs. 147/2017 art. 7). */
export interface VoceSostegno {
  codice: string;
  descrizione: string;
}

/** The sostegni of the domain notes' list. */
export const SOSTEGNI: readonly VoceSostegno[] = [
  { codice: 'SEGRETARIATO_SOCIALE', descrizione: 'Segretariato sociale' },
  { codice: 'SERVIZIO_SOCIALE_PROFESSIONALE', descrizione: 'Servizio sociale professionale' },
  { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
  { codice: 'SOSTEGNO_SOCIO_EDUCATIVO', descrizione: 'Sostegno socio-educativo domiciliare' },
  { codice: 'ASSISTENZA_DOMICILIARE', descrizione: 'Assistenza domiciliare socio-assistenziale' },
  { codice: 'SOSTEGNO_GENITORIALITA', descrizione: 'Sostegno alla genitorialità e mediazione familiare' },
  { codice: 'MEDIAZIONE_CULTURALE', descrizione: 'Mediazione culturale' },
  { codice: 'PRONTO_INTERVENTO_SOCIALE', descrizione: 'Pronto intervento sociale' },
];

/**
 * The code of a sostegno given either as its code or as its description (the demo
 * generator writes descriptions). Anything else is returned unchanged, so that the
 * foreign key refuses it with the value in the message.
 */
export function codiceSostegno(value: string, catalogo: readonly VoceSostegno[] = SOSTEGNI): string {
  const wanted = value.trim().toLocaleLowerCase('it');
  const voce = catalogo.find((v) => v.codice.toLocaleLowerCase('it') === wanted || v.descrizione.toLocaleLowerCase('it') === wanted);
  return voce?.codice ?? value;
}
