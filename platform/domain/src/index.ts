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
