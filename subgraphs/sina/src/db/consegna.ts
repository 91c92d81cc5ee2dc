import { addToCaseload, type DatabaseHandle } from '@casellario/kit';
import { caseload } from './schema';
import { annullaValutazioneSina, deliverValutazioniSina, type NuovaValutazioneSina } from './delivery';

/** A SINA record as the flows component delivers it: the row, and whether the benefit it came with was cancelled. */
export type ValutazioneConsegnata = NuovaValutazioneSina & { tipoOperazione?: 'I' | 'C' };

/**
 * Delivery endpoint `valutazioni`: insertions upsert on the natural key,
 * cancellations (`C` on the benefit the assessment came with) mark it cancelled.
 * Processed in order, so a cancellation after an insertion in the same batch wins.
 */
export async function consegnaValutazioni(handle: DatabaseHandle, items: readonly ValutazioneConsegnata[]): Promise<Array<{ ok: true }>> {
  let pending: NuovaValutazioneSina[] = [];
  const flush = async () => {
    if (pending.length > 0) await deliverValutazioniSina(handle, pending);
    pending = [];
  };
  for (const { tipoOperazione, ...row } of items) {
    if (tipoOperazione === 'C') {
      await flush();
      await annullaValutazioneSina(handle, row);
    } else {
      pending.push(row);
    }
  }
  await flush();
  // This component's own records put their persons in the sending ente's caseload at once.
  await addToCaseload(handle, caseload, items.filter((i) => i.tipoOperazione !== 'C'));
  return items.map(() => ({ ok: true as const }));
}
