import type { DatabaseHandle } from '@casellario/kit';
import { casoSinbaRow, type CasoSinbaInput, type SedeEnte } from './caso-sinba-row';
import { upsertCasiSinba } from './queries';

/** A SINBA case as the flows component delivers it, with the seat of the ente that sent it (its territory). */
export interface CasoConsegnato {
  caso: CasoSinbaInput;
  sede: SedeEnte;
}

/**
 * Delivery endpoint `casi`: each case is a snapshot upserted on its natural key
 * (ente, IDBeneficiario, first report), keeping the case id so pseudonyms stay
 * stable. Re-delivering the same snapshot changes nothing.
 */
export async function consegnaCasi(handle: DatabaseHandle, items: readonly CasoConsegnato[]): Promise<Array<{ ok: true }>> {
  // One statement may not upsert the same row twice: the last snapshot of a case wins.
  const rows = [...new Map(items.map(({ caso, sede }) => {
    const row = casoSinbaRow(caso, sede);
    return [`${row.enteCodice}|${row.idBeneficiario}|${row.dataPrimaSegnalazione}`, row] as const;
  })).values()];
  await upsertCasiSinba(handle, rows);
  return items.map(() => ({ ok: true as const }));
}
