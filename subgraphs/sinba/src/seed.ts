import type { DemoDataset } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import { casoSinbaRow } from './db/caso-sinba-row';
import { upsertCasiSinba } from './db/queries';

/**
 * Loads the demo SINBA cases. Each case takes its territory from the seat of the
 * ente that sent it (`dataset.enti`): SINBA carries no residence comune, and the
 * case must never be joined to a person to find one. Idempotent: loading the same
 * data set twice changes nothing.
 */
export async function loadDemo(handle: DatabaseHandle, dataset: Pick<DemoDataset, 'enti' | 'casiSinba'>): Promise<void> {
  const enti = new Map(dataset.enti.map((e) => [e.codice, e]));
  const rows = dataset.casiSinba.map((caso) => {
    const ente = enti.get(caso.enteCodice);
    if (!ente) throw new Error(`Caso SINBA ${caso.id}: ente ${caso.enteCodice} assente da dataset.enti`);
    // A region or national body has no comune of its own: its seat's comune must not
    // put its cases in the scope of that comune's programmazione.
    return casoSinbaRow(caso, ente.tipo === 'COMUNE' ? ente : { ...ente, codiceComune: '' });
  });
  await upsertCasiSinba(handle, rows);
}
