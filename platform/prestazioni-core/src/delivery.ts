import type { DemoPrestazione } from '@casellario/demo-data';
import type { DeliveryHandlers } from '@casellario/kit';
import { storePrestazioni } from './db/queries';
import type { CodiceProvaMezzi, PrestazioneTable } from './db/tables';
import { toPrestazioneRow } from './demo';

/**
 * The delivery endpoint of a benefit component: `prestazioni` takes benefit records
 * in the flow's own vocabulary (attribute names of the XSD, the person already an
 * opaque id, the record id fixed by the flows component from the natural key) and
 * stores them in order. A record of the other component is a routing error and
 * fails the whole batch, so that it is retried rather than half-stored.
 */
export function prestazioniDeliveries(table: PrestazioneTable, provaMezzi: readonly CodiceProvaMezzi[]): DeliveryHandlers {
  return {
    prestazioni: async (handle, items) => {
      const records = items as DemoPrestazione[];
      const foreign = records.find((r) => !provaMezzi.includes(r.presenzaProvaMezzi));
      if (foreign) throw new Error(`PresenzaProvaMezzi ${foreign.presenzaProvaMezzi} non appartiene a questa componente`);
      await storePrestazioni(handle, table, records.map(toPrestazioneRow));
      return records.map(() => ({ ok: true }));
    },
  };
}
