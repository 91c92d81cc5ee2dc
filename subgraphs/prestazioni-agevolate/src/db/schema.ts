import { prestazioniTables } from '@casellario/prestazioni-core/tables';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, numeric, pgSchema, smallint, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/** Everything PSA stores lives in its own Postgres schema. */
export const prestazioniAgevolate = pgSchema('prestazioni_agevolate');

/** The `PresenzaProvaMezzi` codes PSA holds: 1 (ISEE) and 3 (an ISEE benefit, the test waived for this person). */
export const PROVA_MEZZI = ['1', '3'] as const;

/** ISEE-tested benefits. */
export const { prestazione, caseload, accertamento, aggregato, aggregatoStato, storia } = prestazioniTables(prestazioniAgevolate, PROVA_MEZZI);

/** The kinds of ISEE an attestazione can carry (domain notes, "ISEE and the DSU"). */
export const TIPI_ISEE = ['ORDINARIO', 'MINORENNI', 'UNIVERSITA', 'SOCIO_SANITARIO', 'SOCIO_SANITARIO_RESIDENZE', 'DOTTORATO'] as const;

/**
 * A DSU and the ISEE attestazione computed on it. `protocollo` is INPS's
 * (`INPS-ISEE-2024-12345678A-00`) and is what a benefit cites (`NumeroProtocolloDSU`);
 * `id` is ours and opaque, so that the entity can be keyed without exposing the
 * protocol. The household is kept as internal person ids only.
 */
export const dsu = prestazioniAgevolate.table(
  'dsu',
  {
    id: uuid().primaryKey(),
    protocollo: varchar({ length: 30 }).notNull().unique(),
    anno: smallint().notNull(),
    dataPresentazione: date({ mode: 'string' }).notNull(),
    dataScadenza: date({ mode: 'string' }).notNull(),
    dichiaranteId: uuid().notNull(),
    componentiIds: uuid().array().notNull(),
    tipoIsee: varchar({ length: 30 }).notNull(),
    isr: numeric({ precision: 14, scale: 2 }).notNull(),
    isp: numeric({ precision: 14, scale: 2 }).notNull(),
    scalaEquivalenza: numeric({ precision: 5, scale: 2 }).notNull(),
    ise: numeric({ precision: 14, scale: 2 }).notNull(),
    isee: numeric({ precision: 14, scale: 2 }).notNull(),
    omissioniDifformita: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('dsu_tipo_isee', sql`${t.tipoIsee} in (${sql.raw(TIPI_ISEE.map((v) => `'${v}'`).join(', '))})`),
    check('dsu_scala', sql`${t.scalaEquivalenza} >= 1`),
    // A person's attestazioni (a future Persona.dsu and the controls on ISEE compliance).
    index('dsu_dichiarante').on(t.dichiaranteId),
  ],
);
