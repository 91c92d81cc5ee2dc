/**
 * The esito of a flow and of each of its records: what was found (segnalazioni)
 * and what it means (stato). The catalogue below is the public list of every
 * code the validator can emit.
 *
 * Codes are a public contract: enti, the API and statistics key on them. A code
 * is never renamed, never reused for another rule, and never changes gravity;
 * a rule that changes meaning gets a new code and the old one stays listed.
 */

export type Gravita = 'ERRORE' | 'AVVISO';

/** Outcome of a record (or of a whole flow). */
export type StatoEsito = 'ACCETTATO' | 'ACCETTATO_CON_AVVISI' | 'RIFIUTATO';

/** Where a rule looks: the flow header, the person, the benefit, its SINA assessment, a SINBA case, a SIP case. */
export type AmbitoSegnalazione = 'FLUSSO' | 'BENEFICIARIO' | 'PRESTAZIONE' | 'SINA' | 'SINBA' | 'SIP';

interface VoceCatalogoInterna {
  gravita: Gravita;
  ambito: AmbitoSegnalazione;
  descrizione: string;
}

/**
 * Every code, its gravity and one line saying what it means. Order is the
 * order in which the rules run; it is also how docs list them.
 */
export const CATALOGO_SEGNALAZIONI = Object.freeze({
  // Flow header (tables 1–3, 12–14).
  FLUSSO_NOME_FORMATO: { gravita: 'ERRORE', ambito: 'FLUSSO', descrizione: 'Il nome del flusso non segue lo schema {Codice Ente}.{TIPO}.{AAAAMMGG}.{progressivo}.' },
  FLUSSO_NOME_TIPO: { gravita: 'ERRORE', ambito: 'FLUSSO', descrizione: 'Il tipo scritto nel nome del flusso non è ammesso per il tipo di flusso inviato.' },
  FLUSSO_NOME_ENTE: { gravita: 'ERRORE', ambito: 'FLUSSO', descrizione: 'Il codice ente nel nome del flusso è diverso da Ente@Codice.' },
  FLUSSO_NOME_DATA: { gravita: 'ERRORE', ambito: 'FLUSSO', descrizione: 'La data nel nome del flusso non è una data di calendario.' },
  FLUSSO_NOME_DATA_FUTURA: { gravita: 'AVVISO', ambito: 'FLUSSO', descrizione: 'La data nel nome del flusso è successiva alla data di ricezione.' },
  ENTE_INDIRIZZO_FORMATO: { gravita: 'ERRORE', ambito: 'FLUSSO', descrizione: 'Ente@Indirizzo non è un codice Belfiore (una lettera e tre cifre).' },
  ENTE_INDIRIZZO_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'FLUSSO', descrizione: "Ente@Indirizzo non è nell'elenco dei comuni (ISTAT, 1° gennaio 2020)." },
  OPERATORE_CF_NON_VALIDO: { gravita: 'AVVISO', ambito: 'FLUSSO', descrizione: "Il codice fiscale dell'operatore (Ente@CFOperatore) non è valido; i record sono esaminati comunque." },

  // Beneficiary: codice fiscale, Anagrafica, Indirizzo (tables 5–7). They apply to each benefit of the beneficiary.
  BENEFICIARIO_CF_FORMATO: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: 'Il codice fiscale del beneficiario non ha la forma di un codice fiscale: tutte le sue prestazioni sono scartate.' },
  BENEFICIARIO_CF_CONTROLLO: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: 'Il carattere di controllo del codice fiscale del beneficiario è errato: tutte le sue prestazioni sono scartate.' },
  BENEFICIARIO_CF_PROVVISORIO_CONTROLLO: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: 'La cifra di controllo del codice fiscale provvisorio (11 cifre) è errata: tutte le prestazioni sono scartate.' },
  ANAGRAFICA_ANNO_NASCITA_FUTURO: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: "L'anno di nascita è successivo all'anno in corso." },
  ANAGRAFICA_CF_ANNO_INCOERENTE: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: "L'anno di nascita nel codice fiscale non corrisponde ad AnnoNascita." },
  ANAGRAFICA_CF_GENERE_INCOERENTE: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: 'Il sesso nel codice fiscale non corrisponde a Genere.' },
  ANAGRAFICA_CF_LUOGO_INCOERENTE: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: 'Il luogo di nascita nel codice fiscale non corrisponde a LuogoNascita.' },
  INDIRIZZO_REGIONE_MANCANTE: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: 'Residenza in Italia (CodiceNazione 380) senza CodiceRegione.' },
  INDIRIZZO_COMUNE_MANCANTE: { gravita: 'ERRORE', ambito: 'BENEFICIARIO', descrizione: 'Residenza in Italia (CodiceNazione 380) senza CodiceComune.' },
  INDIRIZZO_COMUNE_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: "CodiceComune non è nell'elenco ISTAT dei comuni al 1° gennaio 2020." },
  INDIRIZZO_REGIONE_SCONOSCIUTA: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: 'CodiceRegione non è il codice di una regione.' },
  INDIRIZZO_REGIONE_INCOERENTE: { gravita: 'AVVISO', ambito: 'BENEFICIARIO', descrizione: 'Il comune di residenza non appartiene alla regione indicata in CodiceRegione.' },

  // Benefit (table 9).
  PRESTAZIONE_CARATTERE_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'CaratterePrestazione manca: la tabella 9 lo rende obbligatorio anche se lo XSD lo dichiara facoltativo.' },
  PRESTAZIONE_DATA_INIZIO_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Prestazione periodica senza DataInizioPrestazione.' },
  PRESTAZIONE_IMPORTO_MENSILE_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Prestazione periodica senza ImportoMensile.' },
  PRESTAZIONE_DATA_EROGAZIONE_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Prestazione occasionale senza DataErogazionePrestazione.' },
  PRESTAZIONE_IMPORTO_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Prestazione occasionale senza ImportoPrestazione.' },
  PRESTAZIONE_DATA_FINE_ANNO_DIVERSO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: "DataFinePrestazione non è nello stesso anno di DataInizioPrestazione." },
  PRESTAZIONE_DATA_FINE_PRECEDENTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'DataFinePrestazione precede DataInizioPrestazione.' },
  PRESTAZIONE_DATA_FUTURA: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Una data della prestazione (DSU, evento, inizio, erogazione) è successiva alla data di ricezione.' },
  PRESTAZIONE_IMPORTO_NON_POSITIVO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'ImportoPrestazione, ImportoMensile, ImportoQuotaEnte o ImportoQuotaSSN non è maggiore di zero.' },
  PRESTAZIONE_IMPORTO_NEGATIVO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'ImportoQuotaUtente è negativo.' },
  PRESTAZIONE_QUOTE_SOMMA_DIVERSA: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: "Le quote (ente, utente, SSN) non sommano all'importo mensile (periodica) o all'importo (occasionale)." },
  PRESTAZIONE_DSU_INCOMPLETA: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Dei tre dati della DSU (NumeroProtocolloDSU, AnnoProtocolloDSU, DataDSU) ne manca qualcuno.' },
  PRESTAZIONE_ISEE_SENZA_DSU: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: 'Prestazione soggetta a ISEE (PresenzaProvaMezzi 1) senza riferimento alla DSU.' },
  PRESTAZIONE_AREA_UTENZA_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Presa in carico (PresaCarico 1) senza AreaUtenza.' },
  PRESTAZIONE_RICHIEDE_PRESA_IN_CARICO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'I codici da A2.16 a A2.29 si inviano solo con presa in carico del servizio sociale professionale (PresaCarico 1).' },
  PRESTAZIONE_CODICE_FORMATO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'CodicePrestazione non ha la forma del nomenclatore (lettera, cifra, punto, due cifre: A1.04).' },
  PRESTAZIONE_CODICE_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: 'CodicePrestazione ben formato ma assente dal nomenclatore caricato: non blocca la prestazione.' },
  PRESTAZIONE_DENOMINAZIONE_DIVERSA: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: 'DenominazionePrestazione diversa dalla denominazione del nomenclatore per quel codice.' },
  PRESTAZIONE_PERIODO_INCOERENTE: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: 'PeriodoErogazione (mesi) non corrisponde ai mesi tra DataInizioPrestazione e DataFinePrestazione.' },
  PRESTAZIONE_ORE_SERVIZIO_FORMATO: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'OreServizioMensile non è una durata mensile nella forma HH,MM (minuti da 00 a 59).' },
  PRESTAZIONE_CANCELLAZIONE_DATA_MANCANTE: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Cancellazione (TipoOperazione C) senza la data che identifica la prestazione (inizio o erogazione).' },
  // Checked by the flows component against what the registry received before (not by the record alone).
  PRESTAZIONE_ANNULLAMENTO_SCONOSCIUTA: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: "Cancellazione (TipoOperazione C) di una prestazione che il registro non ha mai ricevuto da questo ente." },
  PRESTAZIONE_GIA_ANNULLATA: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: "Cancellazione di una prestazione già annullata da un flusso precedente: non cambia nulla." },
  PRESTAZIONE_RIPETUTA_NEL_FLUSSO: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: "La stessa prestazione (ente, codice fiscale, codice, domanda, data) compare più volte nel flusso: vale l'ultima." },
  PRESTAZIONE_VARIATA: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: "Inserimento di una prestazione già ricevuta (stessa chiave) con altri valori: vale l'ultimo, il precedente resta nella storia." },
  PRESTAZIONE_SPOSTATA: { gravita: 'AVVISO', ambito: 'PRESTAZIONE', descrizione: 'PresenzaProvaMezzi cambiata: la prestazione passa all\'altra componente ed è ritirata da quella in cui era.' },
  // Added to an esito after delivery (never at receipt): a component refused the record for good; it was set aside so the queue moves on.
  CONSEGNA_RIFIUTATA: { gravita: 'ERRORE', ambito: 'PRESTAZIONE', descrizione: 'Un componente ha rifiutato il record in consegna: messo da parte con il motivo, gli altri record proseguono.' },

  // SINA assessment inside a benefit (tables 10–11).
  SINA_CODICE_FORMATO: { gravita: 'ERRORE', ambito: 'SINA', descrizione: 'Un codice di NecessitaInterventiSociali non ha la forma del nomenclatore.' },
  SINA_CODICE_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'SINA', descrizione: 'Un codice di NecessitaInterventiSociali è ben formato ma assente dal nomenclatore caricato.' },

  // SINBA case (tables 15–16).
  SINBA_ID_CODICE_FISCALE: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'IDBeneficiario ha la forma di un codice fiscale: il flusso SINBA deve essere pseudonimo.' },
  SINBA_DATA_FORMATO: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Una data MM/AAAA non indica un mese reale (01–12).' },
  SINBA_DATA_FUTURA: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Una data MM/AAAA è successiva al mese di ricezione.' },
  SINBA_ANNO_NASCITA_FUTURO: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: "AnnoNascita è successivo all'anno in corso." },
  SINBA_FASCIA_ETA_INCOERENTE: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: "FasciaEtaBeneficiario non corrisponde a nessuna età avuta dal minore tra la prima segnalazione e la data del flusso." },
  // Retired (issue 19): the specification makes DataProvvedimentoGiudiziario and AutoritaProvvedimento optional; see SINBA_PROVVEDIMENTO_SENZA_DATI.
  SINBA_PROVVEDIMENTO_INCOMPLETO: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Non più emesso: ProvvedimentoGiudiziario 1 senza DataProvvedimentoGiudiziario o AutoritaProvvedimento (la specifica li lascia opzionali).' },
  SINBA_PROVVEDIMENTO_SENZA_DATI: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'ProvvedimentoGiudiziario 1 senza DataProvvedimentoGiudiziario o AutoritaProvvedimento, campi opzionali: il caso è registrato.' },
  SINBA_PROVVEDIMENTO_DATI_SENZA_PROVVEDIMENTO: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'ProvvedimentoGiudiziario 2 ma sono indicati dati del provvedimento.' },
  // Retired (issue 19): the specification makes DataSegnalazione optional; see SINBA_SEGNALAZIONE_SENZA_DATA.
  SINBA_DATA_SEGNALAZIONE_MANCANTE: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Non più emesso: SegnalazioneAutoritaGiudiziaria 1 senza DataSegnalazione (la specifica la lascia opzionale).' },
  SINBA_SEGNALAZIONE_SENZA_DATA: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'SegnalazioneAutoritaGiudiziaria 1 senza DataSegnalazione, campo opzionale: il caso è registrato.' },
  SINBA_DATA_SEGNALAZIONE_SENZA_SEGNALAZIONE: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'SegnalazioneAutoritaGiudiziaria 2 ma è indicata DataSegnalazione.' },
  // Checked by the flows component against the cases already received.
  SINBA_PRIMA_SEGNALAZIONE_CORRETTA: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'DataPrimaSegnalazione diversa da quella del caso aperto con lo stesso IDBeneficiario: il caso è corretto, non raddoppiato.' },
  SINBA_TIPO_DISABILITA_MANCANTE: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'Disabilita 1 senza TipoDisabilita (la specifica lo lascia facoltativo).' },
  SINBA_DISABILITA_INCOERENTE: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'Disabilita 2 ma sono indicati TipoDisabilita o InvCivCertificazioni.' },
  SINBA_REGIONE_RESIDENZA_MANCANTE: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Residenza in Italia (CodiceNazioneResidenza 380) senza CodiceRegioneResidenza.' },
  SINBA_REGIONE_SCONOSCIUTA: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'Un codice regione (del minore o dei genitori) non è il codice di una regione.' },
  SINBA_CHIUSURA_INCOMPLETA: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'Chiusura della presa in carico con solo uno tra MotivazioneChiusuraCarico e SituazioneChiusuraCarico.' },
  SINBA_CHIUSURA_MAGGIORE_ETA_INCOERENTE: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: "Chiusura per maggiore età (o situazione da maggiorenne) di un minore che alla data del flusso non può avere 18 anni." },
  SINBA_NUMERO_COMPONENTI_ISEE: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'NumeroComponentiISEE minore di 1 (la tabella 15 pone il minimo a 1, lo XSD no).' },
  SINBA_CODICE_FORMATO: { gravita: 'ERRORE', ambito: 'SINBA', descrizione: 'Un codice di Prestazioni non ha la forma del nomenclatore.' },
  SINBA_CODICE_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'SINBA', descrizione: 'Un codice di Prestazioni è ben formato ma assente dal nomenclatore caricato.' },

  // SIP case (our schema, platform/flussi-formato/schemas/SIP.xsd).
  SIP_COMPONENTE_CF_FORMATO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Il codice fiscale di un componente del nucleo non ha la forma di un codice fiscale: il caso è scartato.' },
  SIP_COMPONENTE_CF_CONTROLLO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Il carattere di controllo del codice fiscale di un componente del nucleo è errato: il caso è scartato.' },
  SIP_COMPONENTE_CF_PROVVISORIO_CONTROLLO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'La cifra di controllo del codice fiscale provvisorio (11 cifre) di un componente è errata: il caso è scartato.' },
  SIP_COMPONENTE_RIPETUTO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Lo stesso codice fiscale compare più volte nel Nucleo.' },
  SIP_COMPONENTE_ANNO_NASCITA_FUTURO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: "L'anno di nascita di un componente è successivo all'anno in corso." },
  SIP_COMPONENTE_CF_ANNO_INCOERENTE: { gravita: 'AVVISO', ambito: 'SIP', descrizione: "L'anno di nascita nel codice fiscale di un componente non corrisponde ad AnnoNascita." },
  SIP_COMPONENTE_CF_GENERE_INCOERENTE: { gravita: 'AVVISO', ambito: 'SIP', descrizione: 'Il sesso nel codice fiscale di un componente non corrisponde a Genere.' },
  SIP_COMPONENTE_CF_LUOGO_INCOERENTE: { gravita: 'AVVISO', ambito: 'SIP', descrizione: 'Il luogo di nascita nel codice fiscale di un componente non corrisponde a LuogoNascita.' },
  SIP_RICHIEDENTE_MANCANTE: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Nessun componente del Nucleo ha Ruolo RICHIEDENTE.' },
  SIP_RICHIEDENTE_MULTIPLO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Più di un componente del Nucleo ha Ruolo RICHIEDENTE.' },
  SIP_IMPEGNO_FUORI_NUCLEO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Il responsabile di un impegno non è un componente del Nucleo del caso.' },
  SIP_DATA_FORMATO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Una data del caso non è una data AAAA-MM-GG con anno di quattro cifre (lo XSD ammette anni di più cifre o negativi).' },
  SIP_DATA_FUTURA: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Una data del caso (domanda, patto digitale, chiusura, analisi, quadro, progetto, incontro) è successiva alla data di ricezione.' },
  SIP_ANALISI_PRECEDE_DOMANDA: { gravita: 'ERRORE', ambito: 'SIP', descrizione: "L'analisi preliminare precede la domanda." },
  SIP_QUADRO_PRECEDE_ANALISI: { gravita: 'ERRORE', ambito: 'SIP', descrizione: "Il quadro di analisi precede l'analisi preliminare (o, senza analisi, la domanda)." },
  SIP_PROGETTO_PRECEDE_ANALISI: { gravita: 'ERRORE', ambito: 'SIP', descrizione: "Il progetto è sottoscritto prima dell'analisi che lo fonda (quadro di analisi o analisi preliminare; senza, la domanda)." },
  SIP_INCONTRO_PRECEDE_PROGETTO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Un incontro di monitoraggio precede la sottoscrizione del progetto.' },
  SIP_CHIUSURA_PRECEDE_DOMANDA: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'DataChiusura precede DataDomanda.' },
  SIP_CODICE_CATALOGO_IDENTIFICATIVO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: "Un codice degli elenchi configurabili (esito dell'analisi, sostegno) contiene un codice fiscale o un codice di 11 cifre: un codice nuovo entra nell'elenco che ogni finalità legge." },
  SIP_ESITO_ANALISI_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'SIP', descrizione: "L'esito dell'analisi preliminare è ben formato ma assente dall'elenco degli esiti in uso: non blocca il caso." },
  SIP_SOSTEGNO_SCONOSCIUTO: { gravita: 'AVVISO', ambito: 'SIP', descrizione: "Un sostegno del progetto è ben formato ma assente dall'elenco dei sostegni in uso: non blocca il caso." },
  SIP_PROGETTO_NON_PREVISTO: { gravita: 'AVVISO', ambito: 'SIP', descrizione: "C'è un progetto ma manca l'analisi preliminare, o il suo esito non prevede un progetto in SIP." },
  // Checked by the flows component against what the registry received before (not by the record alone).
  SIP_ANNULLAMENTO_SCONOSCIUTO: { gravita: 'ERRORE', ambito: 'SIP', descrizione: 'Cancellazione (TipoOperazione C) di un caso che il registro non ha mai ricevuto da questo ente.' },
  SIP_GIA_ANNULLATO: { gravita: 'AVVISO', ambito: 'SIP', descrizione: 'Cancellazione di un caso già annullato da un flusso precedente: non cambia nulla.' },
  SIP_RIPETUTO_NEL_FLUSSO: { gravita: 'AVVISO', ambito: 'SIP', descrizione: "Lo stesso caso (ente, ProtocolloCaso) compare più volte nel flusso: vale l'ultimo." },
} as const satisfies Record<string, VoceCatalogoInterna>);

/** A code of the catalogue. */
export type CodiceSegnalazione = keyof typeof CATALOGO_SEGNALAZIONI;

/** One finding on a flow or a record. */
export interface Segnalazione {
  /** Stable, UPPER_SNAKE, Italian: a key of `CATALOGO_SEGNALAZIONI`. */
  codice: CodiceSegnalazione;
  gravita: Gravita;
  /** The XSD attribute (or element) the finding is about. */
  campo?: string;
  /** Italian, for an ente operator: what is wrong and what to do. Never a full codice fiscale, a name or a surname. */
  messaggio: string;
}

/** The esito of one record: a benefit (keyed by `posizione.numero`), a SINBA or a SIP case. */
export interface EsitoRecord {
  numero: number;
  riga: number;
  stato: StatoEsito;
  segnalazioni: Segnalazione[];
}

/** The esito of the flow header: ERRORE rejects the whole flow, AVVISO is copied to every record. */
export interface EsitoIntestazione {
  stato: StatoEsito;
  segnalazioni: Segnalazione[];
}

/** A catalogue entry with its code, as the API and the docs list it. */
export interface VoceCatalogo extends VoceCatalogoInterna {
  codice: CodiceSegnalazione;
}

/**
 * Lists the whole catalogue (code, gravity, scope, one-line description) in the
 * order the rules run, for the API and the documentation.
 */
export function elencoSegnalazioni(): VoceCatalogo[] {
  return (Object.keys(CATALOGO_SEGNALAZIONI) as CodiceSegnalazione[]).map((codice) => ({
    codice,
    ...CATALOGO_SEGNALAZIONI[codice],
  }));
}

/**
 * Builds a segnalazione whose gravity comes from the catalogue, so that a code
 * can never travel with a gravity other than the published one.
 */
export function creaSegnalazione(codice: CodiceSegnalazione, messaggio: string, campo?: string): Segnalazione {
  const gravita = CATALOGO_SEGNALAZIONI[codice].gravita;
  return campo === undefined ? { codice, gravita, messaggio } : { codice, gravita, campo, messaggio };
}

/**
 * Derives the state of a record (or flow) from its segnalazioni: any ERRORE
 * rejects it, otherwise any AVVISO accepts it with warnings, otherwise it is
 * accepted.
 */
export function statoEsito(segnalazioni: readonly Segnalazione[]): StatoEsito {
  if (segnalazioni.some((s) => s.gravita === 'ERRORE')) return 'RIFIUTATO';
  if (segnalazioni.length > 0) return 'ACCETTATO_CON_AVVISI';
  return 'ACCETTATO';
}
