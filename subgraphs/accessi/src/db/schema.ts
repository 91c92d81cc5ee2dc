import { sql } from 'drizzle-orm';
import { bigint, boolean, char, check, index, integer, pgSchema, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** Everything the access log stores lives in its own Postgres schema. */
export const accessi = pgSchema('accessi');

/**
 * One record per (request, subgraph, subject): who read which identifying fields
 * of whom, when, for which purpose. Append-only: triggers (migration
 * 0001_sola-aggiunta) refuse UPDATE, DELETE and TRUNCATE; each row carries the
 * SHA-256 of the previous row's hash and of its own content, so a row changed or
 * removed by someone who got past the triggers breaks the chain at that row.
 */
export const accesso = accessi.table(
  'accesso',
  {
    // Assigned by the writer under the table lock: gapless, so a missing row shows.
    seq: bigint({ mode: 'number' }).primaryKey(),
    istante: timestamp({ withTimezone: true }).notNull(),
    subgraph: varchar({ length: 40 }).notNull(),
    operatore: varchar({ length: 64 }).notNull(),
    ruolo: varchar({ length: 16 }).notNull(),
    ente: varchar({ length: 32 }).notNull(),
    riferimento: varchar({ length: 64 }),
    // `persona` (internal person id) or a subject never joined to a person (`caso-sinba`, …).
    soggettoTipo: varchar({ length: 20 }).notNull(),
    soggettoId: varchar({ length: 80 }).notNull(),
    campi: text().array().notNull(),
    requestId: varchar({ length: 64 }).notNull(),
    // The client's own x-request-id, kept for correlation beside the gateway's id; null when none.
    requestIdCliente: varchar({ length: 64 }),
    // A caseload acquisition (campi `acquisizioneCaseload`): the flow and record that gained the
    // person for `ente`, and whether the record's residence was outside the ente's territory.
    // Null on every other record; in the hash only when not null, so older rows keep verifying.
    flusso: varchar({ length: 50 }),
    record: integer(),
    fuoriTerritorio: boolean(),
    hashPrecedente: char({ length: 64 }).notNull(),
    hash: char({ length: 64 }).notNull(),
  },
  (t) => [
    check('accesso_seq', sql`${t.seq} >= 1`),
    check('accesso_soggetto_tipo', sql`${t.soggettoTipo} ~ '^[a-z][a-z-]{0,19}$'`),
    check(
      'accesso_persona',
      sql`${t.soggettoTipo} <> 'persona' or ${t.soggettoId} ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    ),
    check('accesso_campi', sql`cardinality(${t.campi}) >= 1`),
    check('accesso_hash', sql`${t.hash} ~ '^[0-9a-f]{64}$' and ${t.hashPrecedente} ~ '^[0-9a-f]{64}$'`),
    // Audit searches, newest first: by subject, by operator, by ente, by time.
    index('accesso_soggetto').on(t.soggettoTipo, t.soggettoId, t.seq),
    index('accesso_operatore').on(t.operatore, t.seq),
    index('accesso_ente').on(t.ente, t.seq),
    index('accesso_istante').on(t.istante),
    // Following one client's request, as the client named it; most requests carry none.
    index('accesso_request_id_cliente').on(t.requestIdCliente, t.seq).where(sql`${t.requestIdCliente} is not null`),
    // One acquisition per (ente, person), looked up under the chain's lock; and the audit list of those outside territory.
    index('accesso_acquisizione').on(t.ente, t.soggettoId).where(sql`'acquisizioneCaseload' = any(${t.campi})`),
    index('accesso_acquisizione_fuori').on(t.seq).where(sql`'acquisizioneCaseload' = any(${t.campi}) and ${t.fuoriTerritorio}`),
  ],
);
