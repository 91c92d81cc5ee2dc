import type { DemoDataset } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import { loadPrestazioniDemo } from '@casellario/prestazioni-core';
import { PROVA_MEZZI, prestazione } from './db/schema';

/** Loads PS's share of the demo benefits (`PresenzaProvaMezzi` 2 or 4); idempotent. */
export function loadDemo(handle: DatabaseHandle, dataset: Pick<DemoDataset, 'prestazioni'> & Partial<Pick<DemoDataset, 'valutazioniSina' | 'casiSip'>>): Promise<void> {
  return loadPrestazioniDemo(handle, prestazione, PROVA_MEZZI, dataset);
}
