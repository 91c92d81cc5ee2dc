import { caseloadTable } from '@casellario/kit/tables';
import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, pgSchema, primaryKey, smallint, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';

/** Everything anagrafe stores lives in its own Postgres schema. */
export const anagrafe = pgSchema('anagrafe');

/** This component's copy of the caseload (kit `caseloadTable`): who gestione may look up. */
export const caseload = caseloadTable(anagrafe);

/**
 * `Beneficiario` + `Anagrafica` (tables 5–6). The only table in the platform with a
 * codice fiscale. Its anagrafica and the person's `indirizzo` rows are the values
 * shown by default (domain/anagrafica-mostrata.ts): the claim of `enteTitolare`,
 * with what the codice fiscale encodes never taken from a claim contradicting it.
 * Every ente's own claim is kept, with its provenance, in `dichiarazione`.
 */
export const persona = anagrafe.table(
  'persona',
  {
    id: uuid().primaryKey(),
    codiceFiscale: varchar({ length: 16 }).notNull().unique(),
    tipoCodiceFiscale: varchar({ length: 10 }).notNull(),
    cognome: varchar({ length: 36 }).notNull(),
    nome: varchar({ length: 36 }).notNull(),
    annoNascita: smallint().notNull(),
    luogoNascita: char({ length: 4 }).notNull(),
    genere: char({ length: 1 }).notNull(),
    codiceCittadinanza: char({ length: 3 }).notNull(),
    codiceSecondaCittadinanza: char({ length: 3 }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Which flow record the anagrafica comes from (receipt time in ms × 10⁶ + record
     * number): deliveries may arrive out of order across components, and an older
     * record must not overwrite a newer one.
     */
    versione: bigint({ mode: 'number' }).notNull().default(0),
    /**
     * The ente that first delivered the person: its claim is the one shown (its own
     * later records update it; nobody else's do). Null when unknown: persons stored
     * before provenance was kept (migration 0003).
     */
    enteTitolare: varchar({ length: 32 }),
  },
  (t) => [
    check('persona_tipo_cf', sql`${t.tipoCodiceFiscale} in ('ORDINARIO', 'OMOCODICE', 'TEMPORANEO')`),
    check('persona_genere', sql`${t.genere} in ('1', '2')`),
  ],
);

/** `Indirizzo` (table 7): up to five per person, the first being the residence. */
export const indirizzo = anagrafe.table(
  'indirizzo',
  {
    personaId: uuid()
      .notNull()
      .references(() => persona.id, { onDelete: 'cascade' }),
    ordine: smallint().notNull(),
    codiceRegione: char({ length: 2 }),
    codiceComune: char({ length: 6 }),
    codiceNazione: char({ length: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personaId, t.ordine] }),
    check('indirizzo_ordine', sql`${t.ordine} between 1 and 5`),
    // Territory scope for programmazione reads residences by region and comune.
    index('indirizzo_residenza_regione').on(t.codiceRegione, t.personaId).where(sql`${t.ordine} = 1`),
    index('indirizzo_residenza_comune').on(t.codiceComune, t.personaId).where(sql`${t.ordine} = 1`),
  ],
);

/**
 * One ente's latest claim about a person (DESIGN §2, integrity of a person): the
 * anagrafica and addresses its newest record said, with where they came from. A
 * record of ente A only ever replaces A's own claim (and only with a newer record);
 * what another ente claims differently is a discrepancy, shown to gestione and
 * controllo, never applied. `ente` null: provenance unknown (persons migrated from
 * before claims were kept); nulls are not distinct, so there is one such claim.
 */
export const dichiarazione = anagrafe.table(
  'dichiarazione',
  {
    personaId: uuid()
      .notNull()
      .references(() => persona.id, { onDelete: 'cascade' }),
    ente: varchar({ length: 32 }),
    /** Name of the flow and flow-wide number of the record that carried the claim. */
    flusso: varchar({ length: 50 }),
    record: integer(),
    ricevutoIl: timestamp({ withTimezone: true }),
    /** As `persona.versione`: an older record of the same ente never replaces a newer one. */
    versione: bigint({ mode: 'number' }).notNull().default(0),
    cognome: varchar({ length: 36 }).notNull(),
    nome: varchar({ length: 36 }).notNull(),
    annoNascita: smallint().notNull(),
    luogoNascita: char({ length: 4 }).notNull(),
    genere: char({ length: 1 }).notNull(),
    codiceCittadinanza: char({ length: 3 }).notNull(),
    codiceSecondaCittadinanza: char({ length: 3 }),
    /** The record's addresses in flow order, the first being the residence. */
    indirizzi: jsonb().$type<Array<{ codiceRegione: string | null; codiceComune: string | null; codiceNazione: string }>>().notNull().default([]),
  },
  (t) => [unique('dichiarazione_persona_ente').on(t.personaId, t.ente).nullsNotDistinct()],
);

/** Enti erogatori: comuni, regions and national bodies. */
export const ente = anagrafe.table('ente', {
  codice: varchar({ length: 32 }).primaryKey(),
  denominazione: varchar({ length: 100 }).notNull(),
  tipo: varchar({ length: 10 }).notNull(),
  belfiore: char({ length: 4 }).notNull(),
  codiceComune: char({ length: 6 }),
  codiceRegione: char({ length: 2 }).notNull(),
});

/** ISTAT comuni with their Belfiore codes: flows name places by Belfiore, residences by ISTAT. */
export const comune = anagrafe.table(
  'comune',
  {
    codiceIstat: char({ length: 6 }).primaryKey(),
    belfiore: char({ length: 4 }).notNull().unique(),
    nome: varchar({ length: 100 }).notNull(),
    siglaProvincia: varchar({ length: 2 }).notNull(),
    codiceRegione: char({ length: 2 }).notNull(),
    popolazione: integer().notNull(),
  },
  (t) => [index('comune_regione').on(t.codiceRegione)],
);
