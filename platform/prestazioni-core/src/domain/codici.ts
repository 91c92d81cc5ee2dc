/**
 * GraphQL names of the specification's enumerations (table 9) and the codes the
 * database keeps. The maps are handed to the schema as enum resolvers, so resolvers
 * return the stored code and GraphQL shows the name (and turns input names back
 * into codes): no translation code anywhere else.
 */
export const PRESENZA_PROVA_MEZZI = {
  SOGGETTA_ISEE: '1',
  PROVA_MEZZI_NON_ISEE: '2',
  SOTTRATTA_PROVA_MEZZI: '3',
  NON_SOGGETTA_PROVA_MEZZI: '4',
} as const;

export const CARATTERE_PRESTAZIONE = {
  PERIODICA: '1',
  OCCASIONALE: '2',
} as const;

export const AREA_UTENZA = {
  FAMIGLIA_MINORI: '1',
  DISABILITA_NON_AUTOSUFFICIENZA: '2',
  POVERTA_ESCLUSIONE: '3',
} as const;

/** `AreaUtenza` as stored ('1'–'3'). */
export type CodiceAreaUtenza = (typeof AREA_UTENZA)[keyof typeof AREA_UTENZA];

/** Enum resolvers shared by both benefit subgraphs (their SDLs declare the same enums). */
export const enumResolvers = {
  PresenzaProvaMezzi: PRESENZA_PROVA_MEZZI,
  CaratterePrestazione: CARATTERE_PRESTAZIONE,
  AreaUtenza: AREA_UTENZA,
};

/** `PresaCarico` ('1' SI, '2' NO) as the boolean the API shows. */
export function presaInCarico(code: string): boolean {
  return code === '1';
}

/** A `numeric` column (a string from both drivers) as the Float the API shows. */
export function toAmount(value: string | null): number | null {
  return value === null ? null : Number(value);
}
