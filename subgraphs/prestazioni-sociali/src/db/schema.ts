import { prestazioniTables } from '@casellario/prestazioni-core/tables';
import { pgSchema } from 'drizzle-orm/pg-core';

/** Everything PS stores lives in its own Postgres schema. */
export const prestazioniSociali = pgSchema('prestazioni_sociali');

/** The `PresenzaProvaMezzi` codes PS holds: 2 (a means test other than ISEE) and 4 (none). */
export const PROVA_MEZZI = ['2', '4'] as const;

/** Benefits not tested through ISEE. */
export const { prestazione, caseload, accertamento, aggregato, aggregatoStato, storia } = prestazioniTables(prestazioniSociali, PROVA_MEZZI);
