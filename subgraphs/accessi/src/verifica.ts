import type { DatabaseHandle } from '@casellario/kit';
import { asc, gt } from 'drizzle-orm';
import { accesso } from './db/schema';
import { HASH_INIZIALE, hashAccesso } from './domain/catena';

/** The first link that does not hold, and why. */
export interface AnelloRotto {
  seq: number;
  istante: Date | null;
  motivo: string;
}

export type EsitoVerifica = { integra: true; record: number; hashFinale: string } | { integra: false; record: number; primoAnelloRotto: AnelloRotto };

/** A (seq, hash) pair published earlier (printed by a previous run): the chain must still contain it. */
export interface Ancora {
  seq: number;
  hash: string;
}

/**
 * Walks the chain from the first record in order, in batches of `lotto` rows read
 * by keyset (memory stays flat however long the log), and checks each link: the
 * sequence has no gap, `hash_precedente` is the previous record's hash, and `hash`
 * is the hash of the record's own content. Stops at the first link that fails and
 * names it. `record` counts the records checked (up to the broken one).
 *
 * A chain cannot show that its last records were cut off: `ancora`, a head printed
 * by an earlier run and kept elsewhere, closes that gap (the record must still be
 * there, with the same hash).
 */
export async function verificaCatena(handle: DatabaseHandle, options: { lotto?: number; ancora?: Ancora } = {}): Promise<EsitoVerifica> {
  const lotto = options.lotto ?? 5_000;
  const { ancora } = options;
  let expectedSeq = 1;
  let previous = HASH_INIZIALE;
  let checked = 0;
  for (;;) {
    const rows = await handle.db
      .select()
      .from(accesso)
      .where(gt(accesso.seq, expectedSeq - 1))
      .orderBy(asc(accesso.seq))
      .limit(lotto);
    for (const row of rows) {
      const broken = (motivo: string): EsitoVerifica => ({ integra: false, record: checked, primoAnelloRotto: { seq: row.seq, istante: row.istante, motivo } });
      if (row.seq !== expectedSeq) {
        return {
          integra: false,
          record: checked,
          primoAnelloRotto: { seq: expectedSeq, istante: null, motivo: `record mancante (il successivo presente è il ${row.seq}): eliminato` },
        };
      }
      checked += 1;
      if (row.hashPrecedente !== previous) return broken('hash_precedente diverso dall’hash del record precedente (record precedente alterato o sostituito)');
      if (hashAccesso(previous, row) !== row.hash) return broken('hash diverso da quello del contenuto (record alterato)');
      if (ancora && row.seq === ancora.seq && row.hash !== ancora.hash) return broken('hash diverso da quello dell’ancora (catena riscritta)');
      previous = row.hash;
      expectedSeq += 1;
    }
    if (rows.length < lotto) break;
  }
  if (ancora && checked < ancora.seq) {
    return {
      integra: false,
      record: checked,
      primoAnelloRotto: { seq: checked + 1, istante: null, motivo: `record finali mancanti: l’ancora indica almeno ${ancora.seq} record` },
    };
  }
  return { integra: true, record: checked, hashFinale: previous };
}

/** The verifier's report as one line for an operator. */
export function descriviEsito(esito: EsitoVerifica): string {
  if (esito.integra) return `catena integra: ${esito.record} record (hash finale ${esito.hashFinale})`;
  const { seq, istante, motivo } = esito.primoAnelloRotto;
  return `catena interrotta al record ${seq}${istante ? ` del ${istante.toISOString()}` : ''}: ${motivo}`;
}
