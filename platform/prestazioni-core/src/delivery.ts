import type { DemoPrestazione } from '@casellario/demo-data';
import { addToCaseload, type DeliveryHandlers } from '@casellario/kit';
import { segnaAggregatiDaAggiornare } from './db/aggregati';
import { storePrestazioni } from './db/queries';
import { caseloadFor, type CodiceProvaMezzi, type PrestazioneTable } from './db/tables';
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
      await segnaAggregatiDaAggiornare(handle, table);
      // This component's own records put their persons in the sending ente's caseload at once;
      // the flows component also copies every pair to the other components.
      await addToCaseload(handle, caseloadFor(table), records.filter((r) => r.tipoOperazione !== 'C'));
      return records.map(() => ({ ok: true }));
    },
  };
}
