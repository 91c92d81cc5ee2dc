import type { DemoDsu } from '@casellario/demo-data';
import type { DeliveryHandlers } from '@casellario/kit';
import { storeDsu } from './db/queries';
import { checkDsu } from './domain/dsu';

/** The delivery kind that imports DSU/ISEE attestazioni (`POST /interno/consegna/dsu`). */
export const DSU_DELIVERY_KIND = 'dsu';

/**
 * Imports DSU/ISEE attestazioni through PSA's internal endpoint, behind a service
 * token like every delivery: each record is checked (`checkDsu`), the valid ones are
 * stored, and each gets its result (`{ ok: true }` or `{ ok: false, errore }`).
 * Idempotent by id and protocol: a record already there is left as it is (INPS
 * issues a correction under a new protocol suffix, `…-01`).
 */
export function dsuDeliveries(): DeliveryHandlers {
  return {
    [DSU_DELIVERY_KIND]: async (handle, items) => {
      const risultati = items.map((item) => checkDsu(item));
      await storeDsu(handle, items.filter((_, i) => risultati[i] === null) as DemoDsu[]);
      return risultati.map((errore) => (errore === null ? { ok: true } : { ok: false, errore }));
    },
  };
}
