import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { bulkInsertRows } from './bulk';
import type { DeliveryHandlers } from './delivery';
import type { DatabaseHandle } from './database';
import type { CaseloadTable } from './caseload-table';

/** A (person, ente) pair of the caseload. */
export interface CaseloadPair {
  personaId: string;
  enteCodice: string;
}

/** Adds pairs to a component's caseload; pairs already there change nothing. */
export async function addToCaseload(handle: DatabaseHandle, table: CaseloadTable, pairs: readonly CaseloadPair[]): Promise<void> {
  const distinct = [...new Map(pairs.map((p) => [`${p.personaId}|${p.enteCodice}`, p])).values()];
  for (let i = 0; i < distinct.length; i += 10_000) {
    await bulkInsertRows(handle, table, distinct.slice(i, i + 10_000), sql`on conflict do nothing`);
  }
}

/** The delivery kind `caseload` of a person-linked component. */
export function caseloadDeliveries(table: CaseloadTable): DeliveryHandlers {
  return {
    caseload: async (handle, items) => {
      await addToCaseload(handle, table, items as CaseloadPair[]);
      return items.map(() => ({ ok: true }));
    },
  };
}

/**
 * "This row belongs to a person in `ente`'s caseload", for a row whose person id
 * is `personaId`: the predicate kit's row scopes use for gestione and for control
 * bodies other than the national ones.
 */
export function inCaseload(table: CaseloadTable, personaId: SQLWrapper, ente: string): SQL {
  return sql`${personaId} in (select ${table.personaId} from ${table} where ${table.enteCodice} = ${ente})`;
}
