import { caseloadTable } from '@casellario/kit/tables';
import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, pgSchema, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** Everything the SINA component stores lives in its own Postgres schema. */
export const sina = pgSchema('sina');

/** This component's copy of the caseload (kit `caseloadTable`): the gestione row scope. */
export const caseload = caseloadTable(sina);

/** The codes of table 11 (`InvCiv`), as a SQL array literal for the containment check. */
const INV_CIV_CODES = sql.raw(`'{1,2,3,4,5,6,7,8}'::text[]`);

/** A nomenclatore code (`Xn.nn`), repeated with commas: every element of the array must match. */
const CODICI_NOMENCLATORE = sql.raw(`'^([A-Z][0-9][.][0-9]{2}(,[A-Z][0-9][.][0-9]{2})*)?$'`);

/**
 * `SINA` (tables 10–11): one multidimensional assessment, attached to the benefit
 * (`PrestazioniSociali`) it arrived with. Codes are stored as the specification
 * writes them; GraphQL maps them to named enums.
 *
 * The two repeated elements (`NecessitaInterventiSociali/CodicePrestazione` and
 * `InvaliditaCivile/InvCiv`) are `text[]` columns, not child tables: they are
 * value lists owned by one assessment, always read and replaced whole with it,
 * never addressed on their own. Arrays keep one row per assessment, so a batch
 * of persons is one query with no join and a re-delivery is one upsert; the
 * check constraints still validate every element, and a GIN index can serve
 * `@>`/`&&` if aggregates by code ever need one.
 *
 * Natural key (`valutazione_sina_chiave_naturale`): an assessment is identified by
 * the ente that sent it, the person, the benefit it came with (the flow identifies
 * a benefit by `ProtocolloDomanda` + `CodicePrestazione`) and the benefit's date.
 * The same flow record delivered twice hits the same key (an upsert, not a second
 * row); the same benefit re-sent for a later period with a fresh assessment has a
 * later date and is a new row, so the history of assessments is kept.
 */
export const valutazioneSina = sina.table(
  'valutazione_sina',
  {
    id: uuid().primaryKey(),
    personaId: uuid().notNull(),
    enteCodice: varchar({ length: 32 }).notNull(),
    /** The benefit record (prestazioni-agevolate or prestazioni-sociali) this assessment came with. */
    prestazioneId: uuid().notNull(),
    codicePrestazione: varchar({ length: 10 }).notNull(),
    protocolloDomanda: varchar({ length: 32 }).notNull(),
    /** `DataInizioPrestazione` for a periodic benefit, `DataErogazionePrestazione` for a one-off one. */
    dataValutazione: date({ mode: 'string' }).notNull(),
    mobilita: char({ length: 1 }).notNull(),
    attivitaVitaQuotidiana: char({ length: 1 }).notNull(),
    disturbiAreaCognitiva: char({ length: 1 }),
    disturbiComportamentali: char({ length: 1 }).notNull(),
    necessitaCureSanitarie: char({ length: 1 }),
    areaReddituale: char({ length: 1 }).notNull(),
    areaSupporto: char({ length: 1 }).notNull(),
    fonteDerivazioneValutazione: char({ length: 1 }).notNull(),
    strumentoValutazione: char({ length: 1 }).notNull(),
    fonteDerivazioneInvalidita: char({ length: 1 }),
    /** `NecessitaInterventiSociali/CodicePrestazione`: nomenclatore codes, in flow order. */
    necessitaInterventiSociali: text().array().notNull().default(sql`'{}'::text[]`),
    /** `InvaliditaCivile/InvCiv`: certification codes 1–8, in flow order. */
    invaliditaCivile: text().array().notNull().default(sql`'{}'::text[]`),
    /** Residence of the beneficiary when the record arrived (first `Indirizzo`): territory scope reads it. */
    codiceComuneResidenza: char({ length: 6 }),
    codiceRegioneResidenza: char({ length: 2 }),
    /** Set when the benefit it came with was cancelled (`TipoOperazione="C"`); kept for history, hidden from reads. */
    annullata: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('valutazione_sina_chiave_naturale').on(t.enteCodice, t.personaId, t.protocolloDomanda, t.codicePrestazione, t.dataValutazione),
    check('valutazione_sina_mobilita', sql`${t.mobilita} in ('1', '2', '3')`),
    check('valutazione_sina_avq', sql`${t.attivitaVitaQuotidiana} in ('1', '2', '3')`),
    check('valutazione_sina_cognitiva', sql`${t.disturbiAreaCognitiva} in ('1', '2', '3')`),
    check('valutazione_sina_comportamentali', sql`${t.disturbiComportamentali} in ('1', '2')`),
    check('valutazione_sina_cure_sanitarie', sql`${t.necessitaCureSanitarie} in ('1', '2', '3')`),
    check('valutazione_sina_area_reddituale', sql`${t.areaReddituale} in ('1', '2', '3')`),
    check('valutazione_sina_area_supporto', sql`${t.areaSupporto} in ('1', '2', '3')`),
    check('valutazione_sina_fonte_valutazione', sql`${t.fonteDerivazioneValutazione} in ('1', '2', '3', '4')`),
    check('valutazione_sina_strumento', sql`${t.strumentoValutazione} in ('1', '2', '3', '4', '5', '6', '7')`),
    check('valutazione_sina_fonte_invalidita', sql`${t.fonteDerivazioneInvalidita} in ('1', '2')`),
    check(
      'valutazione_sina_necessita',
      sql`array_position(${t.necessitaInterventiSociali}, null) is null and array_to_string(${t.necessitaInterventiSociali}, ',') ~ ${CODICI_NOMENCLATORE}`,
    ),
    check('valutazione_sina_invalidita', sql`${t.invaliditaCivile} <@ ${INV_CIV_CODES}`),
    check('valutazione_sina_comune', sql`${t.codiceComuneResidenza} ~ '^[0-9]{6}$'`),
    check('valutazione_sina_regione', sql`${t.codiceRegioneResidenza} ~ '^[0-9]{2}$'`),
    // Cartella of a person: every assessment of a batch of persons, newest first.
    index('valutazione_sina_persona').on(t.personaId, t.dataValutazione, t.id),
    // Listings: one index per row scope, each ending in the sort key (data, id) so a page is one range scan.
    index('valutazione_sina_elenco').on(t.dataValutazione, t.id).where(sql`not ${t.annullata}`),
    index('valutazione_sina_elenco_regione').on(t.codiceRegioneResidenza, t.dataValutazione, t.id).where(sql`not ${t.annullata}`),
    index('valutazione_sina_elenco_comune').on(t.codiceComuneResidenza, t.dataValutazione, t.id).where(sql`not ${t.annullata}`),
    index('valutazione_sina_elenco_ente').on(t.enteCodice, t.dataValutazione, t.id).where(sql`not ${t.annullata}`),
    // The benefit components may ask for the assessment of one of their records.
    index('valutazione_sina_prestazione').on(t.prestazioneId),
  ],
);
