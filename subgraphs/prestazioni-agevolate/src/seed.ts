import type { DemoDataset } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import { loadPrestazioniDemo } from '@casellario/prestazioni-core';
import { storeDsu } from './db/queries';
import { PROVA_MEZZI, prestazione } from './db/schema';

/** Loads PSA's share of the demo benefits (`PresenzaProvaMezzi` 1 or 3) and every DSU; idempotent. */
export async function loadDemo(handle: DatabaseHandle, dataset: Pick<DemoDataset, 'prestazioni' | 'dsu'> & Partial<Pick<DemoDataset, 'valutazioniSina' | 'casiSip'>>): Promise<void> {
  await loadPrestazioniDemo(handle, prestazione, PROVA_MEZZI, dataset);
  await storeDsu(handle, dataset.dsu);
}
