/**
 * The enumerations of the SINA element (specification tables 10–11, XSD
 * `SINAType`), as GraphQL enum name → code the flow writes. The database keeps
 * the codes; GraphQL shows the names (the resolver map hands these objects to
 * `buildSubgraphSchema` as enum internal values, so a resolver returns a code and
 * a filter argument arrives as a code).
 */
export const MOBILITA = { SI_SPOSTA_DA_SOLO: '1', SI_SPOSTA_ASSISTITO: '2', NON_SI_SPOSTA: '3' } as const;

export const ATTIVITA_VITA_QUOTIDIANA = { AUTONOMO: '1', PARZIALMENTE_DIPENDENTE: '2', TOTALMENTE_DIPENDENTE: '3' } as const;

export const DISTURBI_AREA_COGNITIVA = { LIEVI: '1', MODERATI: '2', GRAVI: '3' } as const;

export const DISTURBI_COMPORTAMENTALI = { ASSENTI: '1', PRESENTI: '2' } as const;

export const NECESSITA_CURE_SANITARIE = { BASSA: '1', MEDIA: '2', ALTA: '3' } as const;

export const AREA_REDDITUALE = {
  AUTONOMO_IN_EQUILIBRIO_FINANZIARIO: '1',
  AIUTO_DA_PARENTI_O_ALTRI: '2',
  BISOGNO_ECONOMICO_SENZA_AIUTO: '3',
} as const;

export const AREA_SUPPORTO = { RETE_PRESENTE: '1', RETE_PARZIALE_O_TEMPORANEA: '2', RETE_ASSENTE: '3' } as const;

export const FONTE_DERIVAZIONE_VALUTAZIONE = { UVM: '1', CARTELLA_SOCIALE: '2', ALTRA_DOCUMENTAZIONE: '3', RACCOLTA_DIRETTA: '4' } as const;

export const STRUMENTO_VALUTAZIONE = { SVAMA: '1', AGED: '2', RUG: '3', SOSIA: '4', SCHEMA_POLARE: '5', VALGRAF: '6', ALTRO: '7' } as const;

export const FONTE_DERIVAZIONE_INVALIDITA = { CERTIFICAZIONE_VERIFICATA: '1', DICHIARAZIONE_PERSONA: '2' } as const;

export const INVALIDITA_CIVILE = {
  PARZIALE_ALMENO_75: '1',
  TOTALE_CON_ACCOMPAGNAMENTO: '2',
  TOTALE_SENZA_ACCOMPAGNAMENTO: '3',
  CERTIFICAZIONE_NPI: '4',
  L104_ART3_COMMA1: '5',
  L104_ART3_COMMA3: '6',
  L104_ART12: '7',
  L104_ART13: '8',
} as const;

/** Every SINA enumeration by its GraphQL enum name. */
export const SINA_ENUMS = {
  Mobilita: MOBILITA,
  AttivitaVitaQuotidiana: ATTIVITA_VITA_QUOTIDIANA,
  DisturbiAreaCognitiva: DISTURBI_AREA_COGNITIVA,
  DisturbiComportamentali: DISTURBI_COMPORTAMENTALI,
  NecessitaCureSanitarie: NECESSITA_CURE_SANITARIE,
  AreaReddituale: AREA_REDDITUALE,
  AreaSupporto: AREA_SUPPORTO,
  FonteDerivazioneValutazione: FONTE_DERIVAZIONE_VALUTAZIONE,
  StrumentoValutazione: STRUMENTO_VALUTAZIONE,
  FonteDerivazioneInvalidita: FONTE_DERIVAZIONE_INVALIDITA,
  InvaliditaCivile: INVALIDITA_CIVILE,
} as const;

/**
 * Keeps the first occurrence of each code, in flow order. The XSD allows a code
 * twice in `NecessitaInterventiSociali` or `InvaliditaCivile`; a repeated
 * certification or need says nothing more, and counting it twice would skew
 * aggregates.
 */
export function distinctCodes<T extends string>(codes: readonly T[]): T[] {
  return [...new Set(codes)];
}
