import type { DemoPrestazione } from '@casellario/demo-data';
import { addToCaseload, bulkInsertRows, type DeliveryHandlers, type EsitoItemConsegna } from '@casellario/kit';
import { sql } from 'drizzle-orm';
import { segnaAggregatiDaAggiornare } from './db/aggregati';
import { storePrestazioni } from './db/queries';
import { caseloadFor, storiaFor, type CodiceProvaMezzi, type PrestazioneTable } from './db/tables';

/**
 * Where a delivered record came from, for the benefit's history: the operation
 * (I insertion, V variation of an active benefit, C cancellation), the flow and
 * record, and when the registry received it. Records loaded otherwise (demo
 * data) carry none and leave no history.
 */
export interface StoriaConsegna {
  prestazioneId: string;
  operazione: 'I' | 'V' | 'C';
  flusso: string;
  record: number;
  ricevutoIl: string;
}
import { toPrestazioneRow } from './demo';

/**
 * The delivery endpoint of a benefit component: `prestazioni` takes benefit records
 * in the flow's own vocabulary (attribute names of the XSD, the person already an
 * opaque id, the record id fixed by the flows component from the natural key) and
 * stores them in order, answering per item.
 *
 * A cancellation goes where the benefit is (the flows component routes it to the
 * component of the record it cancels), whatever `PresenzaProvaMezzi` it carries:
 * that value is not part of the key, so it is stored as this component's own and
 * never refused. An insertion of the other component is a routing error the flows
 * component cannot make; it is refused for that item only (`{ ok: false }`), so
 * it is set aside with its reason instead of stalling the queue.
 */
export function prestazioniDeliveries(table: PrestazioneTable, provaMezzi: readonly CodiceProvaMezzi[]): DeliveryHandlers {
  return {
    prestazioni: async (handle, items) => {
      const records = items as DemoPrestazione[];
      const risultati: EsitoItemConsegna[] = records.map((r) =>
        r.tipoOperazione === 'C' || provaMezzi.includes(r.presenzaProvaMezzi)
          ? { ok: true }
          : { ok: false, errore: `PresenzaProvaMezzi ${r.presenzaProvaMezzi} non appartiene a questa componente` },
      );
      const accepted = records
        .filter((_, i) => risultati[i]!.ok)
        .map((r) => (provaMezzi.includes(r.presenzaProvaMezzi) ? r : { ...r, presenzaProvaMezzi: provaMezzi[0]! }));
      await storePrestazioni(handle, table, accepted.map(toPrestazioneRow));
      const storia = accepted.flatMap((r) => {
        const s = (r as DemoPrestazione & { storia?: StoriaConsegna }).storia;
        if (!s) return [];
        const { storia: _storia, personaId: _persona, ...valori } = r as DemoPrestazione & { storia?: StoriaConsegna };
        return [{ prestazioneId: s.prestazioneId, personaId: r.personaId, enteCodice: r.enteCodice, operazione: s.operazione, valori, flusso: s.flusso, record: s.record, ricevutoIl: new Date(s.ricevutoIl) }];
      });
      // Idempotent like the rest: a batch delivered again adds no version.
      await bulkInsertRows(handle, storiaFor(table), storia, sql`on conflict do nothing`);
      await segnaAggregatiDaAggiornare(handle, table);
      // This component's own records put their persons in the sending ente's caseload at once;
      // the flows component also copies every pair to the other components.
      await addToCaseload(handle, caseloadFor(table), accepted.filter((r) => r.tipoOperazione !== 'C'));
      return risultati;
    },
  };
}
