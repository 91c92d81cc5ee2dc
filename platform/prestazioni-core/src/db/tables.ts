import { caseloadTable, type CaseloadTable } from '@casellario/kit/tables';
import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, date, foreignKey, index, integer, jsonb, numeric, smallint, timestamp, uniqueIndex, uuid, varchar, type PgSchema } from 'drizzle-orm/pg-core';

// This module imports drizzle-orm only: drizzle-kit loads it (through each subgraph's
// src/db/schema.ts) with its own CommonJS loader, which must not reach the rest of the kit.

/** `PresenzaProvaMezzi` codes as the specification writes them (table 9). */
export type CodiceProvaMezzi = '1' | '2' | '3' | '4';

/** Amounts in euro with cents, as the flows write them (xs:decimal). */
const amount = () => numeric({ precision: 12, scale: 2 });

/** `'1', '2'` as a SQL list: the values are the specification's own codes, never input. */
function codeList(values: readonly string[]) {
  for (const v of values) if (!/^[A-Z0-9]$/.test(v)) throw new Error(`not a specification code: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

/**
 * The `PrestazioniSociali` record (specification tables 8–9) as a table of the given
 * Postgres schema. PSA and PS store the same record and differ only in which
 * `PresenzaProvaMezzi` codes they accept (1/3 against 2/4), so the table is written
 * once and each subgraph instantiates it in its own schema.
 *
 * Besides every attribute of table 9 a row carries who sent it (`ente_codice`), the
 * beneficiary's internal person id, the residence as it was when the record arrived
 * (row scope for programmazione), and `annullata` (a later `TipoOperazione="C"`).
 *
 * `data_riferimento` is `coalesce(data_inizio, data_erogazione)`, stored: the start of
 * a periodic benefit or the payment date of a one-off one. It is the sort key of every
 * listing, what `anno` filters on, and the last part of the natural key
 * `(ente_codice, persona_id, codice_prestazione, protocollo_domanda,
 * coalesce(data_inizio, data_erogazione))` that makes delivery idempotent and lets a
 * cancellation find the record it cancels (the flows carry no record id).
 */
export function prestazioneTable(schema: PgSchema, provaMezzi: readonly CodiceProvaMezzi[]) {
  return schema.table(
    'prestazione',
    {
      id: uuid().primaryKey(),
      personaId: uuid().notNull(),
      enteCodice: varchar({ length: 32 }).notNull(),
      tipoOperazione: char({ length: 1 }).notNull().default('I'),
      presenzaProvaMezzi: char({ length: 1 }).notNull(),
      caratterePrestazione: char({ length: 1 }).notNull(),
      numeroProtocolloDsu: varchar({ length: 30 }),
      annoProtocolloDsu: smallint(),
      dataDsu: date({ mode: 'string' }),
      codicePrestazione: varchar({ length: 10 }).notNull(),
      denominazionePrestazione: varchar({ length: 200 }).notNull(),
      protocolloDomanda: varchar({ length: 32 }).notNull(),
      dataEvento: date({ mode: 'string' }),
      dataInizio: date({ mode: 'string' }),
      dataFine: date({ mode: 'string' }),
      dataErogazione: date({ mode: 'string' }),
      // Column names written out: drizzle-kit does not apply `casing` inside SQL text.
      dataRiferimento: date({ mode: 'string' })
        .notNull()
        .generatedAlwaysAs(sql`coalesce(data_inizio, data_erogazione)`),
      importoPrestazione: amount(),
      periodoErogazione: smallint(),
      importoMensile: amount(),
      importoQuotaEnte: amount(),
      importoQuotaUtente: amount(),
      importoQuotaSsn: amount(),
      importoQuotaRichiesta: amount(),
      importoSogliaIsee: amount(),
      // The specification's "HH,MM": 12.30 is 12 hours 30 minutes, kept as sent.
      oreServizioMensile: numeric({ precision: 5, scale: 2 }),
      presaCarico: char({ length: 1 }).notNull(),
      areaUtenza: char({ length: 1 }),
      codiceComuneResidenza: char({ length: 6 }),
      codiceRegioneResidenza: char({ length: 2 }),
      // Year of birth and sex as the flow's Beneficiario gave them: the age band and sex of the
      // aggregates (DESIGN §2: programmazione and monitoraggio see a band, never the person).
      annoNascita: smallint(),
      genere: char({ length: 1 }),
      annullata: boolean().notNull().default(false),
      createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      check('prestazione_tipo_operazione', sql`${t.tipoOperazione} in ('I', 'C')`),
      // The component split lives in the database too: a PS code can never land in PSA.
      check('prestazione_prova_mezzi', sql`${t.presenzaProvaMezzi} in (${codeList(provaMezzi)})`),
      check('prestazione_carattere', sql`${t.caratterePrestazione} in ('1', '2')`),
      check('prestazione_presa_carico', sql`${t.presaCarico} in ('1', '2')`),
      check('prestazione_area_utenza', sql`${t.areaUtenza} is null or ${t.areaUtenza} in ('1', '2', '3')`),
      check('prestazione_periodo', sql`${t.periodoErogazione} is null or ${t.periodoErogazione} between 1 and 12`),
      // Table 9: the DSU fields come all together or not at all.
      check(
        'prestazione_dsu_completa',
        sql`(${t.numeroProtocolloDsu} is null) = (${t.annoProtocolloDsu} is null) and (${t.annoProtocolloDsu} is null) = (${t.dataDsu} is null)`,
      ),
      // Table 9: periodic benefits have a start, one-off ones a payment date (the sort key needs one).
      check(
        'prestazione_date',
        sql`(${t.caratterePrestazione} = '1' and ${t.dataInizio} is not null) or (${t.caratterePrestazione} = '2' and ${t.dataErogazione} is not null)`,
      ),
      check('prestazione_area_se_presa_carico', sql`${t.presaCarico} = '2' or ${t.areaUtenza} is not null`),
      check('prestazione_genere', sql`${t.genere} is null or ${t.genere} in ('1', '2')`),
      check('prestazione_annullata', sql`${t.tipoOperazione} <> 'C' or ${t.annullata}`),
      uniqueIndex('prestazione_chiave_naturale').on(t.enteCodice, t.personaId, t.codicePrestazione, t.protocolloDomanda, t.dataRiferimento),
      // The cartella of a person (Persona.<list>, filtered by anno).
      index('prestazione_persona').on(t.personaId, t.dataRiferimento),
      // Listings: one index per scope, each ending in the sort key (data_riferimento, id).
      index('prestazione_elenco').on(t.dataRiferimento, t.id),
      index('prestazione_elenco_regione').on(t.codiceRegioneResidenza, t.dataRiferimento, t.id),
      index('prestazione_elenco_comune').on(t.codiceComuneResidenza, t.dataRiferimento, t.id),
      index('prestazione_elenco_ente').on(t.enteCodice, t.dataRiferimento, t.id),
      // A DSU is reached through the benefits that cite it (PSA scope of Dsu for programmazione).
      index('prestazione_protocollo_dsu').on(t.numeroProtocolloDsu).where(sql`${t.numeroProtocolloDsu} is not null`),
      // Controls (docs/controlli.md). SOVRAPPOSIZIONE_ENTI looks up, for each periodic benefit, the
      // periodic benefits of the same person and code: this index answers each lookup.
      index('prestazione_periodica_persona_codice')
        .on(t.personaId, t.codicePrestazione, t.dataInizio)
        .where(sql`${t.caratterePrestazione} = '1' and not ${t.annullata}`),
      // IMPORTO_INCOERENTE can only concern periodic benefits that declare a total: few, in keyset order.
      index('prestazione_periodica_con_totale')
        .on(t.dataRiferimento, t.id)
        .where(sql`${t.caratterePrestazione} = '1' and ${t.importoPrestazione} is not null and not ${t.annullata}`),
    ],
  );
}

/** The benefit table of one subgraph. */
export type PrestazioneTable = ReturnType<typeof prestazioneTable>;
/** A benefit row as read. */
export type PrestazioneRow = PrestazioneTable['$inferSelect'];
/** A benefit row as written (`data_riferimento` is computed by the database). */
export type PrestazioneInsert = PrestazioneTable['$inferInsert'];

/** The kinds of anomaly an accertamento can close (docs/controlli.md); PS takes the last two only. */
export const TIPI_ANOMALIA = ['ISEE_SOPRA_SOGLIA', 'DSU_ASSENTE', 'DSU_NON_VALIDA', 'DSU_ALTRA_PERSONA', 'SOVRAPPOSIZIONE_ENTI', 'IMPORTO_INCOERENTE'] as const;
export type TipoAnomalia = (typeof TIPI_ANOMALIA)[number];
/** The outcome of an accertamento: the anomaly confirmed (to recover, perhaps sanctioned) or dismissed. */
export const ESITI_ACCERTAMENTO = ['CONFERMATO', 'ARCHIVIATO'] as const;
export type EsitoAccertamento = (typeof ESITI_ACCERTAMENTO)[number];

function literalList(values: readonly string[]) {
  for (const v of values) if (!/^[A-Z_]+$/.test(v)) throw new Error(`not a code: ${v}`);
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

/**
 * The outcome of a check (*accertamento*) a control body recorded on one of the
 * component's benefits: append-only, with who recorded it (operator, ente, case
 * reference from `x-riferimento`, request id) and when. The person id is copied from
 * the benefit so that the record stands on its own (audit, recovery).
 */
export function accertamentoTable(schema: PgSchema, prestazione: PrestazioneTable) {
  return schema.table(
    'accertamento',
    {
      id: uuid().primaryKey(),
      prestazioneId: uuid().notNull(),
      personaId: uuid().notNull(),
      tipoAnomalia: varchar({ length: 30 }).notNull(),
      esito: varchar({ length: 12 }).notNull(),
      importoDaRecuperare: amount(),
      sanzione: amount(),
      note: varchar({ length: 2000 }),
      operatore: varchar({ length: 64 }).notNull(),
      ente: varchar({ length: 32 }).notNull(),
      riferimento: varchar({ length: 64 }).notNull(),
      requestId: varchar({ length: 64 }).notNull(),
      istante: timestamp({ withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      foreignKey({ name: 'accertamento_prestazione_fk', columns: [t.prestazioneId], foreignColumns: [prestazione.id] }),
      check('accertamento_tipo', sql`${t.tipoAnomalia} in (${literalList(TIPI_ANOMALIA)})`),
      check('accertamento_esito', sql`${t.esito} in (${literalList(ESITI_ACCERTAMENTO)})`),
      check('accertamento_importi', sql`coalesce(${t.importoDaRecuperare}, 0) >= 0 and coalesce(${t.sanzione}, 0) >= 0`),
      check('accertamento_confermato', sql`${t.esito} <> 'CONFERMATO' or ${t.importoDaRecuperare} is not null`),
      index('accertamento_prestazione').on(t.prestazioneId, t.istante),
    ],
  );
}

export type AccertamentoTable = ReturnType<typeof accertamentoTable>;
export type AccertamentoRow = AccertamentoTable['$inferSelect'];

/**
 * The cube of aggregates (docs/aggregati.md): one row per cell of every grouping set a
 * request can read (`CUBE_SETS`), persons counted distinct within the cell. A column
 * is null where its set sums that dimension out; where a benefit lacks the value the
 * cell says so with a code of its own (area '0', age band −1, sex '0'), so that null
 * never means two things. `insieme` is the mask `grouping()` returned.
 */
export function aggregatoTable(schema: PgSchema) {
  return schema.table(
    'aggregato',
    {
      insieme: smallint().notNull(),
      anno: smallint(),
      mese: smallint(),
      codiceRegione: char({ length: 2 }),
      codiceComune: char({ length: 6 }),
      codicePrestazione: varchar({ length: 10 }),
      areaUtenza: char({ length: 1 }),
      fasciaEta: smallint(),
      genere: char({ length: 1 }),
      persone: integer().notNull(),
      prestazioni: integer().notNull(),
      importo: numeric({ precision: 16, scale: 2 }).notNull(),
      // 0 published, 1 fewer than k persons (primary), 2 withheld so that no other table gives
      // a withheld cell away (secondary): decided once for the whole cube (db/soppressione-cubo.ts).
      soppressa: smallint().notNull().default(0),
    },
    // A table is read by set, territory and year; the rest of the key varies within it.
    (t) => [index('aggregato_lettura').on(t.insieme, t.codiceRegione, t.codiceComune, t.anno)],
  );
}

/**
 * When the cube was last computed and from which state of the benefits (one row).
 * Writers bump `versione` (a short autocommit update); a refresh reads it before it
 * reads the benefits and writes it as `versioneCubo` when it commits. Nothing holds
 * this row for the length of a refresh: a delivery never waits for one.
 */
export function aggregatoStatoTable(schema: PgSchema) {
  return schema.table('aggregato_stato', {
    id: smallint().primaryKey().default(1),
    versione: bigint({ mode: 'number' }).notNull().default(1),
    versioneCubo: bigint({ mode: 'number' }).notNull().default(0),
    aggiornatoAl: timestamp({ withTimezone: true }),
    /** The k the cube's suppression was computed with: another k means computing it again. */
    soglia: smallint(),
  });
}

export type AggregatoTable = ReturnType<typeof aggregatoTable>;
export type AggregatoStatoTable = ReturnType<typeof aggregatoStatoTable>;

/**
 * The history of each benefit as flows changed it: one row per insertion (I),
 * variation (V, an insertion of a benefit already active, with other values or
 * not) and cancellation (C) delivered, with the values it carried, the flow and
 * record it came in, the sending ente and when the registry received it. The
 * benefit row holds the latest state; this table says how it got there. Unique
 * per benefit, flow, record and operation: a batch delivered again adds nothing.
 */
export function storiaTable(schema: PgSchema) {
  return schema.table(
    'prestazione_storia',
    {
      id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      prestazioneId: uuid().notNull(),
      // Like every table of a component: what distributes it (DESIGN.md §4).
      personaId: uuid().notNull(),
      enteCodice: varchar({ length: 32 }).notNull(),
      operazione: char({ length: 1 }).notNull(),
      /** The record's attributes in the flow's vocabulary, as delivered. */
      valori: jsonb().notNull(),
      flusso: varchar({ length: 50 }).notNull(),
      record: integer().notNull(),
      ricevutoIl: timestamp({ withTimezone: true }).notNull(),
      registratoIl: timestamp({ withTimezone: true }).notNull().defaultNow(),
    },
    (t) => [
      check('prestazione_storia_operazione', sql`${t.operazione} in ('I', 'V', 'C')`),
      uniqueIndex('prestazione_storia_consegna').on(t.prestazioneId, t.flusso, t.record, t.operazione),
      index('prestazione_storia_prestazione').on(t.prestazioneId, t.ricevutoIl),
    ],
  );
}

export type StoriaTable = ReturnType<typeof storiaTable>;

/**
 * The tables of a benefit component: its benefits, its copy of the caseload (kit
 * `caseloadTable`) and the accertamenti recorded on its benefits. The companions
 * are registered against the benefit table so that every query built from the
 * benefit table finds them.
 */
export function prestazioniTables(schema: PgSchema, provaMezzi: readonly CodiceProvaMezzi[]) {
  const prestazione = prestazioneTable(schema, provaMezzi);
  const caseload = caseloadTable(schema);
  const accertamento = accertamentoTable(schema, prestazione);
  const aggregato = aggregatoTable(schema);
  const aggregatoStato = aggregatoStatoTable(schema);
  const storia = storiaTable(schema);
  caseloadOf.set(prestazione, caseload);
  storiaOf.set(prestazione, storia);
  accertamentoOf.set(prestazione, accertamento);
  cubeOf.set(prestazione, { aggregato, aggregatoStato });
  return { prestazione, caseload, accertamento, aggregato, aggregatoStato, storia };
}

const caseloadOf = new WeakMap<PrestazioneTable, CaseloadTable>();
const storiaOf = new WeakMap<PrestazioneTable, StoriaTable>();

/** The history table of the component a benefit table belongs to. */
export function storiaFor(t: PrestazioneTable): StoriaTable {
  const table = storiaOf.get(t);
  if (!table) throw new Error('benefit table created without prestazioniTables(): no history');
  return table;
}
const accertamentoOf = new WeakMap<PrestazioneTable, AccertamentoTable>();
const cubeOf = new WeakMap<PrestazioneTable, { aggregato: AggregatoTable; aggregatoStato: AggregatoStatoTable }>();

/** The cube of aggregates of the component a benefit table belongs to. */
export function cubeFor(t: PrestazioneTable): { aggregato: AggregatoTable; aggregatoStato: AggregatoStatoTable } {
  const cube = cubeOf.get(t);
  if (!cube) throw new Error('benefit table created without prestazioniTables(): no cube');
  return cube;
}

/** The caseload table of the component a benefit table belongs to. */
export function caseloadFor(t: PrestazioneTable): CaseloadTable {
  const table = caseloadOf.get(t);
  if (!table) throw new Error('benefit table created without prestazioniTables(): no caseload');
  return table;
}

/** The accertamenti table of the component a benefit table belongs to. */
export function accertamentoFor(t: PrestazioneTable): AccertamentoTable {
  const table = accertamentoOf.get(t);
  if (!table) throw new Error('benefit table created without prestazioniTables(): no accertamenti');
  return table;
}
