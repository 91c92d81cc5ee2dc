/**
 * The enumerations of SINBA.xsd (specification tables 15–16), each as a map from
 * the GraphQL enum value to the code the flow carries. The database keeps the codes
 * exactly as the specification writes them ('1', '2', …); GraphQL shows the names.
 * These maps are handed to the schema as enum resolvers, so a resolver returns the
 * stored code and graphql-js turns it into the name (and an input name into a code).
 */

/** `MinoreStranieroNoAcc`, `Disabilita`, `SegnalazioneAutoritaGiudiziaria`, `ProvvedimentoGiudiziario`: 1 SI, 2 NO. */
export const SI = '1';
export const NO = '2';
export const SI_NO = [SI, NO] as const;

/** `ComposizioneFamigliaType` (table 16). */
export const ComponenteFamiglia = {
  MADRE: '1',
  PADRE: '2',
  FRATELLI_SORELLE: '3',
  NONNI: '4',
  COMPAGNO_GENITORE: '5',
  ALTRI_CONVIVENTI: '6',
} as const;

/** `CondizioneMinoreType`. */
export const CondizioneMinore = {
  NON_ORFANO: '1',
  ORFANO_ENTRAMBI: '2',
  ORFANO_PADRE: '3',
  ORFANO_MADRE: '4',
  GENITORI_IGNOTI: '5',
} as const;

/** `LuogoVitaType`. */
export const LuogoVita = {
  FAMIGLIA: '1',
  PRESSO_PARENTI: '2',
  FAMIGLIA_AFFIDATARIA: '3',
  STRUTTURA_RESIDENZIALE_SOCIALE: '4',
  STRUTTURA_RESIDENZIALE_SANITARIA: '5',
  ISTITUTO_PENALE_MINORILE: '6',
  AMICI_CONOSCENTI: '7',
  SENZA_DIMORA: '8',
} as const;

/** `ScuolaFrequentataType`. */
export const ScuolaFrequentata = {
  NESSUNA: '1',
  STRUTTURA: '2',
  ASILO_NIDO: '3',
  SCUOLA_INFANZIA: '4',
  SCUOLA_PRIMARIA: '5',
  SECONDARIA_PRIMO_GRADO: '6',
  SECONDARIA_SECONDO_GRADO: '7',
  FORMAZIONE_PROFESSIONALE: '8',
} as const;

/** `CondizioneLavoroType` (of the child). */
export const CondizioneLavoroMinore = {
  INATTIVO: '1',
  OCCUPATO: '2',
  DISOCCUPATO: '3',
  IN_CERCA_PRIMA_OCCUPAZIONE: '4',
} as const;

/** `TipoDisabilitaType`. */
export const TipoDisabilitaMinore = {
  FISICA: '1',
  PSICHICA: '2',
  SENSORIALE: '3',
  PLURIMA: '4',
} as const;

/** `InvCivCertificazioniType`. */
export const CertificazioneInvaliditaMinore = {
  INVALIDITA_PARZIALE_ALMENO_75: '1',
  INVALIDITA_TOTALE_CON_ACCOMPAGNAMENTO: '2',
  INVALIDITA_TOTALE_SENZA_ACCOMPAGNAMENTO: '3',
  CERTIFICAZIONE_NPI: '4',
  CERTIFICAZIONE_L104: '5',
} as const;

/** `TitoloStudioType` (of a parent). */
export const TitoloStudioGenitore = {
  NESSUNO: '1',
  LICENZA_ELEMENTARE: '2',
  LICENZA_MEDIA: '3',
  QUALIFICA_PROFESSIONALE: '4',
  DIPLOMA_SUPERIORE: '5',
  LAUREA: '6',
} as const;

/** `OccupazioneType` (of a parent). */
export const OccupazioneGenitore = {
  OCCUPATO: '1',
  DISOCCUPATO: '2',
  IN_CERCA_PRIMA_OCCUPAZIONE: '3',
  CASALINGA: '4',
  STUDENTE: '5',
  RITIRATO_DAL_LAVORO: '6',
  INABILE_AL_LAVORO: '7',
  ALTRA_CONDIZIONE: '8',
} as const;

/** `FonteSegnalazioneType`. */
export const FonteSegnalazione = {
  SERVIZIO_SOCIALE_GIUSTIZIA_MINORILE: '1',
  ALTRO_SERVIZIO_SOCIALE: '2',
  SERVIZI_SANITARI: '3',
  PRIVATO_SOCIALE_VOLONTARIATO: '4',
  FORZE_ORDINE: '5',
  BENEFICIARIO: '6',
  GENITORI_AFFIDATARI_TUTORE: '7',
  FAMILIARI_CONVIVENTI: '8',
  PARENTI_NON_CONVIVENTI: '9',
  TRIBUNALE_ORDINARIO: '10',
  AUTORITA_GIUDIZIARIE_MINORILI: '11',
  PROFESSIONISTA_PRIVATO: '12',
  SCUOLA: '13',
  VICINATO_CONOSCENTI: '14',
} as const;

/** `ValutazioneMinoreType`. */
export const ProblematicaMinore = {
  NESSUNA_PROBLEMATICA: '1',
  PROBLEMI_RELAZIONALI_COMPORTAMENTALI: '2',
  DIPENDENZE: '3',
  PRESUNTO_ABBANDONO: '4',
  PROBLEMI_SANITARI: '5',
  VIOLENZA_SESSUALE_SFRUTTAMENTO: '6',
  ALTRA_VIOLENZA_MALTRATTAMENTO: '7',
  GRAVE_DEVIANZA: '8',
  AUTONOMIA_DISABILITA: '9',
  PROCEDURE_PENALI: '10',
  GESTANTE_MADRE_MINORENNE: '11',
  MINORE_STRANIERO_NON_ACCOMPAGNATO: '12',
  ABBANDONO_SCOLASTICO: '13',
} as const;

/** `ValutazioneFamigliaMinoreType`. */
export const ProblematicaFamiglia = {
  NESSUNA_PROBLEMATICA: '1',
  FRAGILITA_GENITORIALE: '2',
  DIPENDENZA: '3',
  PROBLEMATICHE_PSICHIATRICHE: '4',
  ALTRE_PROBLEMATICHE_SANITARIE: '5',
  GRAVE_CONFLITTUALITA: '6',
  FAMIGLIA_MALTRATTANTE: '7',
  FAMIGLIA_ABUSANTE: '8',
  PROBLEMI_GIUDIZIARI: '9',
  FALLIMENTO_AFFIDO_PREADOTTIVO: '10',
  INADEMPIENZA_OBBLIGHI_SANITARI: '11',
  DIFFICOLTA_ECONOMICHE: '12',
  DIFFICOLTA_ABITATIVE: '13',
} as const;

/** `AutoritaProvvedimentoType`. */
export const AutoritaProvvedimento = {
  GIUDICE_TUTELARE: '1',
  TRIBUNALE_MINORENNI: '2',
  PROCURA_MINORENNI: '3',
  TRIBUNALE_ORDINARIO: '4',
} as const;

/** `PotestaTutelaType`. */
export const PotestaTutela = {
  SOSPENSIONE_POTESTA: '1',
  DECADENZA_POTESTA: '2',
  PRESCRIZIONI_GENITORI: '3',
  TUTELA_PARENTI_ALTRI: '4',
  CURATELA: '5',
} as const;

/** `TipoProvvedimentoGiudiziarioType`. */
export const TipoProvvedimentoGiudiziario = {
  ADOTTABILITA: '1',
  ADOZIONE_NAZIONALE: '2',
  ADOZIONE_INTERNAZIONALE: '3',
  AFFIDAMENTO_FAMILIARE: '4',
  AFFIDO_SERVIZIO_SOCIALE: '5',
  AFFIDAMENTO_GENITORE_SEPARAZIONE: '6',
  VIGILANZA: '7',
  // The specification's text for 8 runs two items together ("post-adozione" and the
  // emergency removal of art. 403 c.c.); the name keeps both.
  POST_ADOZIONE_ALLONTANAMENTO_403: '8',
} as const;

/** `FormaInterventoAffidoType` and `FormaInserimentoResidenzialeType` (same two values). */
export const FormaInterventoSinba = {
  CONSENSUALE: '1',
  GIUDIZIARIO: '2',
} as const;

/** `TipoInterventoAffidoType`. */
export const TipoAffido = {
  INTRAFAMILIARE: '1',
  ETEROFAMILIARE: '2',
} as const;

/** `DurataAffidoType`. */
export const DurataAffido = {
  TEMPO_PIENO: '1',
  TEMPO_PARZIALE: '2',
} as const;

/** `CarattereAffidoType`. */
export const CarattereAffido = {
  RESIDENZIALE: '1',
  DIURNO: '2',
} as const;

/** `EsitoAffidoType`. */
export const EsitoAffido = {
  RIENTRO_FAMIGLIA_ORIGINE: '1',
  ALTRO_NUCLEO_FAMILIARE: '2',
  ADOZIONE: '3',
  STRUTTURA_SOCIO_EDUCATIVA: '4',
  STRUTTURA_SANITARIA: '5',
  VITA_AUTONOMA: '6',
  RIMPATRIO: '7',
  DESTINAZIONE_IGNOTA: '8',
  ALTRO: '9',
} as const;

/** `CarattereInserimentoResidenzialeType`. */
export const CarattereInserimentoResidenziale = {
  FAMILIARE_ACCOGLIENZA_ABITATIVA: '1',
  FAMILIARE_FUNZIONE_TUTELARE: '2',
  FAMILIARE_SOCIO_EDUCATIVA: '3',
  COMUNITARIO_EMERGENZA: '4',
  COMUNITARIO_ACCOGLIENZA_ABITATIVA: '5',
  COMUNITARIO_FUNZIONE_TUTELARE: '6',
  COMUNITARIO_SOCIO_EDUCATIVA: '7',
  COMUNITARIO_EDUCATIVA_PSICOLOGICA: '8',
  COMUNITARIO_SOCIO_SANITARIA_BASSA: '9',
  COMUNITARIO_SOCIO_SANITARIA_MEDIO_ALTA: '10',
} as const;

/** `TipoInserimentoResidenzialeType`. */
export const TipoInserimentoResidenziale = {
  CON_GENITORE: '1',
  SENZA_GENITORE: '2',
} as const;

/** `EsitoInserimentoStrutturaType`. */
export const EsitoInserimentoStruttura = {
  RIENTRO_FAMIGLIA_ORIGINE: '1',
  FAMIGLIA_AFFIDATARIA: '2',
  ADOZIONE: '3',
  ALTRA_STRUTTURA_SOCIO_EDUCATIVA: '4',
  STRUTTURA_SANITARIA: '5',
  AUTONOMIA: '6',
  RIMPATRIO: '7',
  DESTINAZIONE_IGNOTA: '8',
  ALTRO: '9',
} as const;

/** `MotivazioneChiusuraCaricoType`. */
export const MotivazioneChiusura = {
  PASSAGGIO_ALTRO_AMBITO_STESSA_REGIONE: '1',
  PASSAGGIO_ALTRO_AMBITO_ALTRA_REGIONE: '2',
  MAGGIORE_ETA: '3',
  BISOGNO_RISOLTO: '4',
  USCITA_RICHIESTA: '5',
  RIMPATRIO: '6',
  IRREPERIBILITA: '7',
  DECESSO: '8',
  ALTRO: '9',
} as const;

/** `SituazioneChiusuraCaricoType`. */
export const SituazioneChiusura = {
  FAMIGLIA_ORIGINE: '1',
  VITA_AUTONOMA: '2',
  FAMIGLIA_AFFIDATARIA_DOPO_MAGGIORE_ETA: '3',
  STRUTTURA_SOCIO_ASSISTENZIALE_DOPO_MAGGIORE_ETA: '4',
  STRUTTURA_RESIDENZIALE_SANITARIA: '5',
  ADOTTATO: '6',
  ISTITUTO_PENALE: '7',
  DESTINAZIONE_IGNOTA: '8',
} as const;

/** `CollaborazioniInterventiType` (one value per case, despite the plural). */
export const CollaborazioneInterventi = {
  SERT: '1',
  NPI: '2',
  PSICOLOGIA: '3',
  CLINICA_DSM: '4',
  ALTRI_SERVIZI_SOCIALI: '5',
  USSM_GIUSTIZIA: '6',
  SCUOLA: '7',
  PRIVATO_SOCIALE_VOLONTARIATO: '8',
  ALTRO: '9',
} as const;

/** `FasciaEtaBeneficiarioType`: three-year bands, 0 to 18. */
export const FasciaEtaMinore = {
  ANNI_0_3: '1',
  ANNI_3_6: '2',
  ANNI_6_9: '3',
  ANNI_9_12: '4',
  ANNI_12_15: '5',
  ANNI_15_18: '6',
} as const;

/** `FasciaISEEBeneficiarioType`, in euro. */
export const FasciaIseeSinba = {
  ZERO: '1',
  FINO_3000: '2',
  DA_3000_A_6000: '3',
  DA_6000_A_9000: '4',
  DA_9000_A_12000: '5',
  DA_12000_A_15000: '6',
  DA_15000_A_20000: '7',
  OLTRE_20000: '8',
} as const;

/** Every enum of the subgraph, by GraphQL type name: the schema's enum resolvers. */
export const SINBA_ENUMS = {
  ComponenteFamiglia,
  CondizioneMinore,
  LuogoVita,
  ScuolaFrequentata,
  CondizioneLavoroMinore,
  TipoDisabilitaMinore,
  CertificazioneInvaliditaMinore,
  TitoloStudioGenitore,
  OccupazioneGenitore,
  FonteSegnalazione,
  ProblematicaMinore,
  ProblematicaFamiglia,
  AutoritaProvvedimento,
  PotestaTutela,
  TipoProvvedimentoGiudiziario,
  FormaInterventoSinba,
  TipoAffido,
  DurataAffido,
  CarattereAffido,
  EsitoAffido,
  CarattereInserimentoResidenziale,
  TipoInserimentoResidenziale,
  EsitoInserimentoStruttura,
  MotivazioneChiusura,
  SituazioneChiusura,
  CollaborazioneInterventi,
  FasciaEtaMinore,
  FasciaIseeSinba,
} as const;

/** The codes an enumeration admits, in specification order (for CHECK constraints and validation). */
export function codesOf(enumeration: Readonly<Record<string, string>>): string[] {
  return Object.values(enumeration);
}
