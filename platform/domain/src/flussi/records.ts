/**
 * Records as they come out of an official flow, after XML schema validation and
 * before the specification's rules. Attribute names are the XSD names with the
 * first letter lowercased (`NumeroProtocolloDSU` → `numeroProtocolloDSU`); values
 * stay the strings the flow carried (codes, `AAAA-MM-GG` dates, decimals as
 * written), absent attributes are `undefined`.
 */

export type TipoFlusso = 'PS_PSA_SINA' | 'SINBA' | 'SIP';

/** `IdentificazioneFlusso` with its `Ente` (tables 1–3, 12–14). */
export interface IntestazioneFlusso {
  nome: string;
  ente: { codice: string; denominazione?: string; indirizzo: string; cfOperatore: string };
}

/** Where a record sits in the document, for messages an operator can act on. */
export interface Posizione {
  /** 1-based ordinal of the record in the flow. */
  numero: number;
  /** Line of the record's start tag in the document. */
  riga: number;
}

/** `Anagrafica` (table 6): of a beneficiary, and of each member of a SIP household. */
export interface AnagraficaFlusso {
  cognome: string;
  nome: string;
  annoNascita: string;
  luogoNascita: string;
  genere: string;
  codiceCittadinanza: string;
  codiceSecondaCittadinanza?: string;
}

/** `Beneficiario` with `Anagrafica`, `Indirizzo` and its `PrestazioniSociali` (tables 4–11). */
export interface BeneficiarioFlusso {
  posizione: Posizione;
  codiceFiscale: string;
  anagrafica: AnagraficaFlusso;
  indirizzi: Array<{ codiceRegione?: string; codiceComune?: string; codiceNazione: string }>;
  prestazioni: PrestazioneFlusso[];
}

/** `PrestazioniSociali` (table 9), with its optional `SINA` (tables 10–11). */
export interface PrestazioneFlusso {
  /** numero: ordinal of the benefit in the whole flow (the unit of an esito). */
  posizione: Posizione;
  tipoOperazione?: string;
  presenzaProvaMezzi: string;
  caratterePrestazione?: string;
  numeroProtocolloDSU?: string;
  annoProtocolloDSU?: string;
  dataDSU?: string;
  codicePrestazione: string;
  denominazionePrestazione: string;
  protocolloDomanda: string;
  dataEvento?: string;
  dataInizioPrestazione?: string;
  dataFinePrestazione?: string;
  dataErogazionePrestazione?: string;
  importoPrestazione?: string;
  periodoErogazione?: string;
  importoMensile?: string;
  importoQuotaEnte?: string;
  importoQuotaUtente?: string;
  importoQuotaSSN?: string;
  importoQuotaRichiesta?: string;
  importoSogliaISEE?: string;
  oreServizioMensile?: string;
  presaCarico: string;
  areaUtenza?: string;
  sina?: SinaFlusso;
}

/** `SINA` (table 10) with `NecessitaInterventiSociali` and `InvaliditaCivile`. */
export interface SinaFlusso {
  mobilita: string;
  attivitaVitaQuotidiana: string;
  disturbiAreaCognitiva?: string;
  disturbiComportamentali: string;
  necessitaCureSanitarie?: string;
  areaReddituale: string;
  areaSupporto: string;
  fonteDerivazioneValutazione: string;
  strumentoValutazione: string;
  fonteDerivazioneInvalidita?: string;
  necessitaInterventiSociali: string[];
  invaliditaCivile: string[];
}

/** `SINBA` (tables 15–16): attributes by lowercased XSD name, plus its two lists. */
export interface CasoSinbaFlusso {
  posizione: Posizione;
  idBeneficiario: string;
  attributi: Record<string, string>;
  prestazioni: string[];
  composizioneFamiglia: string[];
}

/** `Nucleo/Componente` of a SIP case: a household member by codice fiscale, with its `Anagrafica`. */
export interface ComponenteNucleoFlusso {
  codiceFiscale: string;
  ruolo: string;
  attivabileLavoro: string;
  anagrafica: AnagraficaFlusso;
}

/**
 * `CasoSip` of a SIP flow (our schema, `platform/flussi-formato/schemas/SIP.xsd`):
 * one household's poverty case with its stages. Names are the XSD names in
 * camelCase; wrapper elements become arrays (`Nucleo` → `nucleo`, `Sostegni` →
 * `sostegni`); values stay the strings the flow carried.
 */
export interface CasoSipFlusso {
  /** numero: ordinal of the case in the flow (the unit of an esito). */
  posizione: Posizione;
  tipoOperazione?: string;
  protocolloCaso: string;
  misura: string;
  dataDomanda: string;
  dataPattoDigitale?: string;
  dataChiusura?: string;
  codiceComune: string;
  codiceRegione: string;
  /**
   * `Nucleo/Componente`, in the order sent; `attivabileLavoro` is `true` or `false`.
   * `anagrafica` is the member's `Anagrafica` (same attributes as the official
   * flow's): anagrafe creates or updates the person from it, and the case's
   * `codiceComune`/`codiceRegione` is the members' residence.
   */
  nucleo: ComponenteNucleoFlusso[];
  analisiPreliminare?: { data: string; esito: string };
  quadroAnalisi?: {
    data: string;
    /** `Dimensioni/Dimensione`: levels `1`–`3`. */
    dimensioni: Array<{ codice: string; risorse: string; vulnerabilita: string; fattoriSostegno: string }>;
    /** `Equipe/Figura`. */
    equipe: string[];
  };
  progetto?: {
    tipo: string;
    dataSottoscrizione: string;
    /** `Obiettivi/Obiettivo`: operators' free text. */
    obiettivi: string[];
    /** `Sostegni/Sostegno`: codes of the configurable list. */
    sostegni: string[];
    /** `Impegni/Impegno`: `codiceFiscale` is the member responsible. */
    impegni: Array<{ codiceFiscale: string; descrizione: string; scadenza: string; stato: string }>;
    /** `Incontri/Incontro`. */
    incontri: Array<{ data: string; esito: string }>;
  };
}
