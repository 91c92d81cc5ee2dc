import { caseloadTable } from '@casellario/kit/tables';
import { sql, type SQL } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  foreignKey,
  index,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  type PgColumn,
} from 'drizzle-orm/pg-core';
import {
  DIMENSIONI_QUADRO,
  ESITI_INCONTRO,
  FIGURE_EQUIPE,
  MISURE,
  RUOLI_NUCLEO,
  STATI_CASO,
  STATI_IMPEGNO,
  TIPI_PROGETTO,
} from '../domain/enumerazioni';

/** Everything SIP stores lives in its own Postgres schema. */
export const sip = pgSchema('sip');

/** This component's copy of the caseload (kit `caseloadTable`): the gestione row scope. */
export const caseload = caseloadTable(sip);

// Fixed enumerations become check constraints written from the same lists as the code.
function oneOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

/** Configurable list: outcomes of the analisi preliminare (see domain/catalogo.ts). */
export const esitoAnalisiPreliminare = sip.table('esito_analisi_preliminare', {
  codice: varchar({ length: 40 }).primaryKey(),
  descrizione: varchar({ length: 200 }).notNull(),
  prevedeProgetto: boolean().notNull(),
});

/** Configurable list: sostegni, the services beside the cash benefit (see domain/catalogo.ts). */
export const sostegno = sip.table('sostegno', {
  codice: varchar({ length: 40 }).primaryKey(),
  descrizione: varchar({ length: 200 }).notNull(),
});

/**
 * A household's poverty case. Its territory is the household's comune (and region),
 * which is what programmazione is scoped by. `stato` is derived (domain/stato-caso.ts)
 * and stored when the case's stages are written, so listings filter on it in SQL.
 */
export const casoSip = sip.table(
  'caso_sip',
  {
    id: uuid().primaryKey(),
    enteCodice: varchar({ length: 32 }).notNull(),
    /** The case number the ente assigns: with the ente, the natural key for idempotent delivery. */
    protocolloCaso: varchar({ length: 64 }).notNull(),
    codiceComune: char({ length: 6 }).notNull(),
    codiceRegione: char({ length: 2 }).notNull(),
    misura: varchar({ length: 3 }).notNull(),
    dataDomanda: date({ mode: 'string' }).notNull(),
    /** ADI: signature of the patto di attivazione digitale, from which the 120 days run. */
    dataPattoDigitale: date({ mode: 'string' }),
    dataChiusura: date({ mode: 'string' }),
    stato: varchar({ length: 20 }).notNull(),
    /** Cancelled by the ente (sent in error): kept for idempotency, never read. */
    annullata: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('caso_sip_ente_protocollo').on(t.enteCodice, t.protocolloCaso),
    check('caso_sip_misura', oneOf(t.misura, MISURE)),
    check('caso_sip_stato', oneOf(t.stato, STATI_CASO)),
    check('caso_sip_chiusura', sql`${t.dataChiusura} is null or ${t.dataChiusura} >= ${t.dataDomanda}`),
    // Listings sort by (data_domanda desc, id desc) within each scope: one index per scope,
    // partial like every read (cancelled cases are never read).
    index('caso_sip_ente_data').on(t.enteCodice, t.dataDomanda, t.id).where(sql`not ${t.annullata}`),
    index('caso_sip_regione_data').on(t.codiceRegione, t.dataDomanda, t.id).where(sql`not ${t.annullata}`),
    index('caso_sip_comune_data').on(t.codiceComune, t.dataDomanda, t.id).where(sql`not ${t.annullata}`),
    index('caso_sip_data').on(t.dataDomanda, t.id).where(sql`not ${t.annullata}`),
  ],
);

/** Members of the household (by internal person id only) and whether each can be activated for work. */
export const componenteNucleo = sip.table(
  'componente_nucleo',
  {
    casoId: uuid()
      .notNull()
      .references(() => casoSip.id, { onDelete: 'cascade' }),
    personaId: uuid().notNull(),
    /** Position in the household as sent (1 = first). */
    ordine: smallint().notNull(),
    ruolo: varchar({ length: 12 }).notNull(),
    attivabileLavoro: boolean().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.casoId, t.personaId] }),
    check('componente_nucleo_ruolo', oneOf(t.ruolo, RUOLI_NUCLEO)),
    // One applicant per household.
    uniqueIndex('componente_nucleo_un_richiedente').on(t.casoId).where(sql`${t.ruolo} = 'RICHIEDENTE'`),
    // Person lookup: Persona.valutazioniSip.
    index('componente_nucleo_persona').on(t.personaId, t.casoId),
  ],
);

/** The analisi preliminare: always done, one per case; its outcome is a configurable code. */
export const analisiPreliminare = sip.table('analisi_preliminare', {
  casoId: uuid()
    .primaryKey()
    .references(() => casoSip.id, { onDelete: 'cascade' }),
  data: date({ mode: 'string' }).notNull(),
  esito: varchar({ length: 40 })
    .notNull()
    .references(() => esitoAnalisiPreliminare.codice),
});

/** The quadro di analisi approfondito (complex needs), one per case. */
export const quadroAnalisi = sip.table('quadro_analisi', {
  casoId: uuid()
    .primaryKey()
    .references(() => casoSip.id, { onDelete: 'cascade' }),
  data: date({ mode: 'string' }).notNull(),
});

/** The six dimensions (d.lgs. 147/2017 art. 5), each weighed on three axes, levels 1 (low) to 3 (high). */
export const quadroAnalisiDimensione = sip.table(
  'quadro_analisi_dimensione',
  {
    casoId: uuid()
      .notNull()
      .references(() => quadroAnalisi.casoId, { onDelete: 'cascade' }),
    dimensione: varchar({ length: 30 }).notNull(),
    risorse: smallint().notNull(),
    vulnerabilita: smallint().notNull(),
    fattoriSostegno: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.casoId, t.dimensione] }),
    check('quadro_analisi_dimensione_dimensione', oneOf(t.dimensione, DIMENSIONI_QUADRO)),
    check(
      'quadro_analisi_dimensione_livelli',
      sql`${t.risorse} between 1 and 3 and ${t.vulnerabilita} between 1 and 3 and ${t.fattoriSostegno} between 1 and 3`,
    ),
  ],
);

/** The multidisciplinary équipe of the quadro di analisi: which professional figures took part. */
export const quadroAnalisiEquipe = sip.table(
  'quadro_analisi_equipe',
  {
    casoId: uuid()
      .notNull()
      .references(() => quadroAnalisi.casoId, { onDelete: 'cascade' }),
    figura: varchar({ length: 20 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.casoId, t.figura] }), check('quadro_analisi_equipe_figura', oneOf(t.figura, FIGURE_EQUIPE))],
);

/** The patto semplificato or progetto personalizzato, one per case. `obiettivi` are operators' free text. */
export const progetto = sip.table(
  'progetto',
  {
    casoId: uuid()
      .primaryKey()
      .references(() => casoSip.id, { onDelete: 'cascade' }),
    tipo: varchar({ length: 24 }).notNull(),
    dataSottoscrizione: date({ mode: 'string' }).notNull(),
    obiettivi: text().array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [check('progetto_tipo', oneOf(t.tipo, TIPI_PROGETTO))],
);

/** Sostegni of a project, as codes of the configurable list, in the order sent. */
export const progettoSostegno = sip.table(
  'progetto_sostegno',
  {
    casoId: uuid()
      .notNull()
      .references(() => progetto.casoId, { onDelete: 'cascade' }),
    codice: varchar({ length: 40 })
      .notNull()
      .references(() => sostegno.codice),
    ordine: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.casoId, t.codice] })],
);

/** Commitments of the project, each with the household member responsible for it. */
export const impegno = sip.table(
  'impegno',
  {
    casoId: uuid()
      .notNull()
      .references(() => progetto.casoId, { onDelete: 'cascade' }),
    ordine: smallint().notNull(),
    personaId: uuid().notNull(),
    descrizione: text().notNull(),
    scadenza: date({ mode: 'string' }).notNull(),
    stato: varchar({ length: 14 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.casoId, t.ordine] }),
    // The member responsible must belong to the household of the case.
    foreignKey({ name: 'impegno_componente_fk', columns: [t.casoId, t.personaId], foreignColumns: [componenteNucleo.casoId, componenteNucleo.personaId] }),
    check('impegno_stato', oneOf(t.stato, STATI_IMPEGNO)),
  ],
);

/** Monitoring meetings of the project. */
export const incontro = sip.table(
  'incontro',
  {
    casoId: uuid()
      .notNull()
      .references(() => progetto.casoId, { onDelete: 'cascade' }),
    ordine: smallint().notNull(),
    data: date({ mode: 'string' }).notNull(),
    esito: varchar({ length: 24 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.casoId, t.ordine] }), check('incontro_esito', oneOf(t.esito, ESITI_INCONTRO))],
);
