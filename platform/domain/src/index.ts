export {
  validateCodiceFiscale,
  computeCheckCharacter,
  computeTemporaneoCheckDigit,
  buildCodiceFiscale,
  buildCodiceFiscaleTemporaneo,
  omocodeVariant,
  omocodeLevel,
  shareBaseCode,
} from './codice-fiscale';
export { datiCodiceFiscale } from './flussi/codice-fiscale-flusso';
export type { DatiCodiceFiscale } from './flussi/codice-fiscale-flusso';
export type {
  CodiceFiscaleKind,
  CodiceFiscaleErrorCode,
  CodiceFiscaleValidation,
  CodiceFiscaleInput,
} from './codice-fiscale';
export {
  loadNomenclatore,
  parseNomenclatoreCsv,
  isWellFormedCodicePrestazione,
  requiresPresaInCarico,
  NOMENCLATORE_CSV_PATH,
} from './nomenclatore';
export type { Nomenclatore, VoceNomenclatore } from './nomenclatore';
export { normalizzaDenominazione } from './flussi/valori';
export {
  comuneByBelfiore,
  comuneByIstat,
  regioni,
  regioneByCodice,
  comuniOfRegione,
  allComuni,
  paesiEsteri,
  paeseEsteroByBelfiore,
  CITTADINANZA_ITALIANA,
  CITTADINANZA_NON_DISPONIBILE,
} from './territori';
export type { Comune, Regione, PaeseEstero } from './territori';
export { dm1986DaIstat, dm1986DelComune, istatDaDm1986, regioneDm1986 } from './regioni-dm1986';
export { CATALOGO_SIP_INIZIALE, ESITI_ANALISI_PRELIMINARE_SIP, SOSTEGNI_SIP } from './catalogo-sip';
export type { CatalogoSip, VoceEsitoAnalisiSip, VoceSostegnoSip } from './catalogo-sip';
export type {
  TipoFlusso,
  IntestazioneFlusso,
  Posizione,
  BeneficiarioFlusso,
  PrestazioneFlusso,
  SinaFlusso,
  CasoSinbaFlusso,
  CasoSipFlusso,
  AnagraficaFlusso,
  ComponenteNucleoFlusso,
} from './flussi/records';
export { CATALOGO_SEGNALAZIONI, elencoSegnalazioni, creaSegnalazione, statoEsito } from './flussi/esito';
export type {
  Gravita,
  StatoEsito,
  AmbitoSegnalazione,
  CodiceSegnalazione,
  Segnalazione,
  EsitoRecord,
  EsitoIntestazione,
  VoceCatalogo,
} from './flussi/esito';
export { mascheraCodiceFiscale, riferimento, riferimentoCasoSinba, riferimentoCasoSip, haFormaCodiceFiscale } from './flussi/riferimenti';
export type { ContestoValidazione, OpzioniIntestazione } from './flussi/contesto';
export { validaIntestazione, leggiNomeFlusso, dataDelFlusso } from './flussi/intestazione';
export type { NomeFlusso } from './flussi/intestazione';
export { validaBeneficiario } from './flussi/beneficiario';
export { validaCasoSinba } from './flussi/sinba';
export { validaCasoSip } from './flussi/sip';
