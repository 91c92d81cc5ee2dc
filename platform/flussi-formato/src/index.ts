export { leggiFlusso } from './leggi-flusso';
export type { EsitoLettura, FlussoLettoConErrori, FlussoRifiutato, OpzioniLettura } from './leggi-flusso';
export { controllaDocumento, DIMENSIONE_MASSIMA_PREDEFINITA } from './controlli-documento';
export type { DocumentoAccettato, EsitoControlli, OpzioniControlli } from './controlli-documento';
export { validaXsd, ValidazioneProgressiva } from './validazione-xsd';
export type { ErroreValidazione, EsitoValidazioneXsd, OpzioniValidazione, PassoPercorso, SezioneParte } from './validazione-xsd';
export { traduciMessaggioXsd } from './messaggi-xsd';
export { leggiRecords, ErroreXmlMalformato } from './parser';
export type { OpzioniParser } from './parser';
export type { FlussoLetto, NodoPrimoLivello, RecordsPerTipo } from './parser';
export { PoolValidazione, poolCondiviso, chiudiPoolCondiviso } from './pool-validazione';
export {
  aperturaFlusso,
  chiusuraFlusso,
  codiceSostegno,
  CF_OPERATORE_DEMO,
  intestazioneEnte,
  nomeFlusso,
  oggiInItalia,
  scriviFlussiPsPsaSina,
  scriviFlussiSinba,
  scriviFlussiSip,
  scriviFlussoDemoSuFile,
  scriviFlussoSuFile,
  xmlBeneficiario,
  xmlCasoSinba,
  xmlCasoSip,
} from './scrittura';
export type { EnteIntestazione, FileScritto, FlussoScritto, OpzioniFlussoDemo, OpzioniScrittura, VocePrestazione } from './scrittura';
export { dividiFlusso, dividiFlussoSuFile, ErroreDivisione } from './divisione';
export type { OpzioniDivisione, ParteFlusso } from './divisione';
export { ELEMENTO_RADICE, FORMATI, NAMESPACE_INPS, NAMESPACE_SIP, TIPI_FLUSSO, urlSchema } from './schemi';
export type { FormatoFlusso } from './schemi';
export type { CodiceRifiuto, Errore, RifiutoDocumento } from './tipi';
export type * from './records';
