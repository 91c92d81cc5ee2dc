import type { DatabaseHandle } from '@casellario/kit';
import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { accesso } from './schema';

export type AccessoRow = typeof accesso.$inferSelect;

/** A validated search: every condition optional, combined with AND. */
export interface RicercaAccessi {
  soggetto?: { tipo: string; id: string };
  operatore?: string;
  ente?: string;
  ruolo?: string;
  subgraph?: string;
  requestId?: string;
  requestIdCliente?: string;
  dal?: Date;
  al?: Date;
  /** Only caseload acquisitions (true) or only other records (false). */
  acquisizioni?: boolean;
  /** Only acquisitions of persons resident outside the acquiring ente's territory. */
  fuoriTerritorio?: boolean;
}

// Literal, as in the partial indexes `accesso_acquisizione` and `accesso_acquisizione_fuori`.
const ACQUISIZIONE = sql`'acquisizioneCaseload' = any(${accesso.campi})`;

/**
 * A page of records, newest first, keyset on `seq` (`prima`: the last seq of the
 * previous page). Every search starts from an index: subject, operator and ente
 * each end in `seq`; a time range alone reads `accesso_istante`.
 */
export async function findAccessiPage(
  { db }: DatabaseHandle,
  ricerca: RicercaAccessi,
  page: { limit: number; prima: number | null },
): Promise<AccessoRow[]> {
  const conditions: Array<SQL | undefined> = [
    ricerca.soggetto ? and(eq(accesso.soggettoTipo, ricerca.soggetto.tipo), eq(accesso.soggettoId, ricerca.soggetto.id)) : undefined,
    ricerca.operatore ? eq(accesso.operatore, ricerca.operatore) : undefined,
    ricerca.ente ? eq(accesso.ente, ricerca.ente) : undefined,
    ricerca.ruolo ? eq(accesso.ruolo, ricerca.ruolo) : undefined,
    ricerca.subgraph ? eq(accesso.subgraph, ricerca.subgraph) : undefined,
    ricerca.requestId ? eq(accesso.requestId, ricerca.requestId) : undefined,
    ricerca.requestIdCliente ? eq(accesso.requestIdCliente, ricerca.requestIdCliente) : undefined,
    ricerca.dal ? gte(accesso.istante, ricerca.dal) : undefined,
    ricerca.al ? lt(accesso.istante, ricerca.al) : undefined,
    ricerca.acquisizioni === true ? ACQUISIZIONE : ricerca.acquisizioni === false ? sql`not (${ACQUISIZIONE})` : undefined,
    ricerca.fuoriTerritorio ? and(ACQUISIZIONE, eq(accesso.fuoriTerritorio, true)) : undefined,
    page.prima !== null ? lt(accesso.seq, page.prima) : undefined,
  ];
  return db
    .select()
    .from(accesso)
    .where(and(...conditions))
    .orderBy(desc(accesso.seq))
    .limit(page.limit + 1);
}
