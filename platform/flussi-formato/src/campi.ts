/**
 * Attribute names of the official record elements, in XSD order. The writer
 * emits them in this order and the parser reads exactly these: the record types
 * use the same names with the first letter lowercased (see `chiaveCampo`).
 */

/** `PrestazioniSociali` (table 9). */
export const ATTRIBUTI_PRESTAZIONE = [
  'TipoOperazione',
  'PresenzaProvaMezzi',
  'CaratterePrestazione',
  'NumeroProtocolloDSU',
  'AnnoProtocolloDSU',
  'DataDSU',
  'CodicePrestazione',
  'DenominazionePrestazione',
  'ProtocolloDomanda',
  'DataEvento',
  'DataInizioPrestazione',
  'DataFinePrestazione',
  'DataErogazionePrestazione',
  'ImportoPrestazione',
  'PeriodoErogazione',
  'ImportoMensile',
  'ImportoQuotaEnte',
  'ImportoQuotaUtente',
  'ImportoQuotaSSN',
  'ImportoQuotaRichiesta',
  'ImportoSogliaISEE',
  'OreServizioMensile',
  'PresaCarico',
  'AreaUtenza',
] as const;

/** `SINA` (table 10). */
export const ATTRIBUTI_SINA = [
  'Mobilita',
  'AttivitaVitaQuotidiana',
  'DisturbiAreaCognitiva',
  'DisturbiComportamentali',
  'NecessitaCureSanitarie',
  'AreaReddituale',
  'AreaSupporto',
  'FonteDerivazioneValutazione',
  'StrumentoValutazione',
  'FonteDerivazioneInvalidita',
] as const;

/** `Anagrafica` (table 6). */
export const ATTRIBUTI_ANAGRAFICA = [
  'Cognome',
  'Nome',
  'AnnoNascita',
  'LuogoNascita',
  'Genere',
  'CodiceCittadinanza',
  'CodiceSecondaCittadinanza',
] as const;

/** `Indirizzo` (table 7). */
export const ATTRIBUTI_INDIRIZZO = ['CodiceRegione', 'CodiceComune', 'CodiceNazione'] as const;

/** `CasoSip` (schemas/SIP.xsd). */
export const ATTRIBUTI_CASO_SIP = [
  'TipoOperazione',
  'ProtocolloCaso',
  'Misura',
  'DataDomanda',
  'DataPattoDigitale',
  'DataChiusura',
  'CodiceComune',
  'CodiceRegione',
] as const;

/**
 * The record key of an XSD attribute name: first letter lowercased
 * (`NumeroProtocolloDSU` → `numeroProtocolloDSU`), as records.ts and the demo
 * data set name them. `CFOperatore` and `IDBeneficiario` are named by hand.
 */
export function chiaveCampo(nomeXsd: string): string {
  return nomeXsd.charAt(0).toLowerCase() + nomeXsd.slice(1);
}

/** The XSD attribute name of a record key: the inverse of `chiaveCampo`. */
export function nomeXsd(chiave: string): string {
  return chiave.charAt(0).toUpperCase() + chiave.slice(1);
}
