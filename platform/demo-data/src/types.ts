/**
 * The shape of a synthetic data set. It mirrors the official record layout
 * (INPS specification, tables 5–16) with camelCase names, plus our SIP model and
 * the ISEE/DSU data kept by the PSA component. Loaders in each subgraph turn it
 * into rows; the flow writer (flows issue) can turn it into XML.
 *
 * Codes stay as the specification writes them (strings such as "1", "2"), so
 * that a value here is exactly what a flow would carry.
 */

/** An ente erogatore: a comune (Belfiore code), a region (`R` + ISTAT code) or a national body. */
export interface DemoEnte {
  codice: string;
  denominazione: string;
  tipo: 'COMUNE' | 'REGIONE' | 'NAZIONALE';
  /** Belfiore code of the seat (`Ente@Indirizzo` in the flow). */
  belfiore: string;
  /** ISTAT code of the seat's comune (6 digits) and region (2 digits). */
  codiceComune: string;
  codiceRegione: string;
}

/** `Beneficiario` + `Anagrafica` + `Indirizzo` (tables 5–7). */
export interface DemoPersona {
  /** Internal opaque id (UUID) that every component stores instead of the CF. */
  id: string;
  codiceFiscale: string;
  cognome: string;
  nome: string;
  annoNascita: string;
  /** Belfiore code of the comune (or `Z…` code of the foreign country) of birth. */
  luogoNascita: string;
  genere: '1' | '2';
  codiceCittadinanza: string;
  codiceSecondaCittadinanza?: string;
  /** 1 to 5 addresses; the first is the residence. */
  indirizzi: Array<{ codiceRegione?: string; codiceComune?: string; codiceNazione: string }>;
  /**
   * Full date of birth (`YYYY-MM-DD`), added by the generator so the codice fiscale can be
   * re-derived in tests. The flows carry only the year: loaders need not store it.
   */
  dataNascita?: string;
}

/** `PrestazioniSociali` (tables 8–9): every attribute, plus who sent it and where the person lived. */
export interface DemoPrestazione {
  id: string;
  personaId: string;
  enteCodice: string;
  tipoOperazione?: 'I' | 'C';
  presenzaProvaMezzi: '1' | '2' | '3' | '4';
  caratterePrestazione: '1' | '2';
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
  periodoErogazione?: number;
  importoMensile?: string;
  importoQuotaEnte?: string;
  importoQuotaUtente?: string;
  importoQuotaSSN?: string;
  importoQuotaRichiesta?: string;
  importoSogliaISEE?: string;
  oreServizioMensile?: string;
  presaCarico: '1' | '2';
  areaUtenza?: '1' | '2' | '3';
  /** Residence of the beneficiary when the record was sent (first `Indirizzo`). */
  codiceComuneResidenza?: string;
  codiceRegioneResidenza?: string;
  /** The beneficiary's `AnnoNascita` and `Genere` as the record's `Anagrafica` gave them (age band and sex of the aggregates). */
  annoNascita?: string;
  genere?: '1' | '2';
}

/** `SINA` (tables 10–11), attached to the benefit it was sent with. */
export interface DemoValutazioneSina {
  id: string;
  personaId: string;
  prestazioneId: string;
  enteCodice: string;
  /** Date of the benefit it came with (start or payment date). */
  dataValutazione: string;
  mobilita: '1' | '2' | '3';
  attivitaVitaQuotidiana: '1' | '2' | '3';
  disturbiAreaCognitiva?: '1' | '2' | '3';
  disturbiComportamentali: '1' | '2';
  necessitaCureSanitarie?: '1' | '2' | '3';
  areaReddituale: '1' | '2' | '3';
  areaSupporto: '1' | '2' | '3';
  fonteDerivazioneValutazione: '1' | '2' | '3' | '4';
  strumentoValutazione: '1' | '2' | '3' | '4' | '5' | '6' | '7';
  fonteDerivazioneInvalidita?: '1' | '2';
  necessitaInterventiSociali: string[];
  invaliditaCivile: Array<'1' | '2' | '3' | '4' | '5' | '6' | '7' | '8'>;
  codiceComuneResidenza?: string;
  codiceRegioneResidenza?: string;
}

/**
 * `SINBA` (tables 12–16): a child-protection case, pseudonymous at source.
 * Keys are the XSD attribute names in camelCase; dates `DataMeseAnnoType` stay `MM/AAAA`.
 */
export interface DemoCasoSinba {
  id: string;
  enteCodice: string;
  idBeneficiario: string;
  prestazioni: string[];
  composizioneFamiglia: string[];
  attributi: Record<string, string>;
}

/** A DSU/ISEE attestazione kept by the PSA component (domain notes, "ISEE and the DSU"). */
export interface DemoDsu {
  id: string;
  protocollo: string;
  anno: string;
  dataPresentazione: string;
  dataScadenza: string;
  /** The declarant's internal person id. */
  dichiaranteId: string;
  componentiIds: string[];
  tipoIsee: 'ORDINARIO' | 'MINORENNI' | 'UNIVERSITA' | 'SOCIO_SANITARIO' | 'SOCIO_SANITARIO_RESIDENZE' | 'DOTTORATO';
  isr: string;
  isp: string;
  scalaEquivalenza: string;
  ise: string;
  isee: string;
  omissioniDifformita: boolean;
}

/** SIP: a household's poverty case, modelled on the GePI workflow (see docs/sip.md). */
export interface DemoCasoSip {
  id: string;
  enteCodice: string;
  codiceComune: string;
  codiceRegione: string;
  misura: 'ADI' | 'SFL' | 'RDC' | 'REI';
  dataDomanda: string;
  componenti: Array<{
    personaId: string;
    ruolo: 'RICHIEDENTE' | 'CONIUGE' | 'FIGLIO' | 'ALTRO';
    attivabileLavoro: boolean;
  }>;
  analisiPreliminare?: {
    data: string;
    esito: 'QUADRO_ANALISI' | 'PATTO_SEMPLIFICATO' | 'CPI' | 'SERVIZI_SPECIALISTICI';
  };
  quadroAnalisi?: {
    data: string;
    /** One entry per dimension of d.lgs. 147/2017 art. 5; levels 1 (low) to 3 (high). */
    dimensioni: Array<{
      dimensione: 'FUNZIONAMENTO_PERSONALE' | 'SITUAZIONE_ECONOMICA' | 'SITUAZIONE_LAVORATIVA' | 'EDUCAZIONE_FORMAZIONE' | 'CONDIZIONE_ABITATIVA' | 'RETI_FAMILIARI_SOCIALI';
      risorse: 1 | 2 | 3;
      vulnerabilita: 1 | 2 | 3;
      fattoriSostegno: 1 | 2 | 3;
    }>;
    equipe: Array<'SERVIZIO_SOCIALE' | 'CPI' | 'FORMAZIONE' | 'ABITARE' | 'SANITA' | 'ISTRUZIONE'>;
  };
  progetto?: {
    tipo: 'PATTO_SEMPLIFICATO' | 'PROGETTO_PERSONALIZZATO';
    dataSottoscrizione: string;
    obiettivi: string[];
    sostegni: string[];
    impegni: Array<{
      personaId: string;
      descrizione: string;
      scadenza: string;
      stato: 'IN_CORSO' | 'RISPETTATO' | 'NON_RISPETTATO';
    }>;
    incontri: Array<{ data: string; esito: 'SVOLTO' | 'ASSENZA_GIUSTIFICATA' | 'ASSENZA_INGIUSTIFICATA' }>;
  };
  dataChiusura?: string;
}

/**
 * The kinds of anomaly the controls of `controllo` look for (docs/controlli.md): four
 * on the DSU of ISEE-tested benefits (PSA), two on any benefit (PSA and PS).
 */
export type TipoAnomalia =
  | 'ISEE_SOPRA_SOGLIA'
  | 'DSU_ASSENTE'
  | 'DSU_NON_VALIDA'
  | 'DSU_ALTRA_PERSONA'
  | 'SOVRAPPOSIZIONE_ENTI'
  | 'IMPORTO_INCOERENTE';

/**
 * An anomaly the generator planted on purpose: the benefit the controls must report
 * under that kind. A planted overlap lists both benefits (each is reported, the other
 * as its evidence). Nothing else in a data set is an anomaly.
 */
export interface DemoAnomalia {
  tipo: TipoAnomalia;
  prestazioneId: string;
}

export interface DemoDataset {
  enti: DemoEnte[];
  persone: DemoPersona[];
  prestazioni: DemoPrestazione[];
  valutazioniSina: DemoValutazioneSina[];
  casiSinba: DemoCasoSinba[];
  dsu: DemoDsu[];
  casiSip: DemoCasoSip[];
  /** The anomalies planted for the controls (a few of each kind; see anomalie.ts). */
  anomalie: DemoAnomalia[];
  /** The person whose cartella spans every person-linked component (README examples). */
  showcase: { codiceFiscale: string; personaId: string; enteCodice: string; codiceRegione: string; codiceComune: string };
}
