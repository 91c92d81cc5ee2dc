/**
 * Fixed enumerations of the SIP model. INPS published no SIP record layout, so the
 * codes are ours, named after the GePI workflow and d.lgs. 147/2017 (see
 * docs/sip.md). The database keeps these codes in check constraints and GraphQL
 * exposes them as enums of the same names; changing one is a migration and a
 * release. The lists an ente may extend (analisi preliminare outcomes, sostegni)
 * are not here: they are data, see `catalogo.ts`.
 */

/** The measure the case belongs to: Assegno di inclusione, Supporto formazione e lavoro, Reddito di cittadinanza, Reddito di inclusione. */
export const MISURE = ['ADI', 'SFL', 'RDC', 'REI'] as const;
export type Misura = (typeof MISURE)[number];

/** Role of a member in the household, as the application names it. */
export const RUOLI_NUCLEO = ['RICHIEDENTE', 'CONIUGE', 'FIGLIO', 'ALTRO'] as const;
export type RuoloNucleo = (typeof RUOLI_NUCLEO)[number];

/** The six dimensions of the quadro di analisi (d.lgs. 147/2017 art. 5). */
export const DIMENSIONI_QUADRO = [
  'FUNZIONAMENTO_PERSONALE',
  'SITUAZIONE_ECONOMICA',
  'SITUAZIONE_LAVORATIVA',
  'EDUCAZIONE_FORMAZIONE',
  'CONDIZIONE_ABITATIVA',
  'RETI_FAMILIARI_SOCIALI',
] as const;
export type DimensioneQuadro = (typeof DIMENSIONI_QUADRO)[number];

/** Professional figures of the multidisciplinary équipe. */
export const FIGURE_EQUIPE = ['SERVIZIO_SOCIALE', 'CPI', 'FORMAZIONE', 'ABITARE', 'SANITA', 'ISTRUZIONE'] as const;
export type FiguraEquipe = (typeof FIGURE_EQUIPE)[number];

/** Patto semplificato (on the analisi preliminare alone) or progetto personalizzato (after a quadro di analisi). */
export const TIPI_PROGETTO = ['PATTO_SEMPLIFICATO', 'PROGETTO_PERSONALIZZATO'] as const;
export type TipoProgetto = (typeof TIPI_PROGETTO)[number];

/** Where a commitment stands; an unkept one may be reported to INPS for sanctions. */
export const STATI_IMPEGNO = ['IN_CORSO', 'RISPETTATO', 'NON_RISPETTATO'] as const;
export type StatoImpegno = (typeof STATI_IMPEGNO)[number];

/** Outcome of a monitoring meeting; an unjustified absence can cost the benefit. */
export const ESITI_INCONTRO = ['SVOLTO', 'ASSENZA_GIUSTIFICATA', 'ASSENZA_INGIUSTIFICATA'] as const;
export type EsitoIncontro = (typeof ESITI_INCONTRO)[number];

/** Stages of a case, in order (derived: see `stato-caso.ts`). */
export const STATI_CASO = ['ASSEGNATO', 'ANALISI_PRELIMINARE', 'QUADRO_ANALISI', 'PROGETTO', 'MONITORAGGIO', 'CHIUSO'] as const;
export type StatoCaso = (typeof STATI_CASO)[number];

/** Kinds of deadline the domain notes ground (see `scadenze.ts`). */
export const TIPI_SCADENZA = ['REI_ANALISI_PRELIMINARE', 'REI_PROGETTO', 'ADI_PRIMO_INCONTRO', 'ADI_INCONTRO_PERIODICO'] as const;
export type TipoScadenza = (typeof TIPI_SCADENZA)[number];
