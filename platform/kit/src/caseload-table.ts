import { index, primaryKey, uuid, varchar, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * The caseload (DESIGN.md §2): which persons each ente has a benefit or a presa in
 * carico for. Every person-linked component keeps its own copy — the flows
 * component delivers each new (person, ente) pair to all of them — so that the
 * gestione row scope is a condition in the component's own SQL, whichever
 * component the ente's record came through.
 */
export function caseloadTable(schema: PgSchema) {
  return schema.table(
    'caseload',
    {
      personaId: uuid().notNull(),
      enteCodice: varchar({ length: 32 }).notNull(),
    },
    (t) => [primaryKey({ columns: [t.personaId, t.enteCodice] }), index('caseload_ente').on(t.enteCodice, t.personaId)],
  );
}

export type CaseloadTable = ReturnType<typeof caseloadTable>;

