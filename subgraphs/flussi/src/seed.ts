import type { DemoDataset } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import { prestazioneNota } from './db/schema';
import type { FlussiKeys } from './keys';

const BATCH = 1000;

/**
 * Demo benefits are loaded straight into the components; register their natural
 * keys here as a flow would have, so that a cancellation sent later for one of
 * them is recognised.
 */
export async function loadDemoNote({ db }: DatabaseHandle, keys: FlussiKeys, dataset: Pick<DemoDataset, 'persone' | 'prestazioni' | 'valutazioniSina'>): Promise<void> {
  const cf = new Map(dataset.persone.map((p) => [p.id, p.codiceFiscale]));
  const conSina = new Set(dataset.valutazioniSina.map((v) => v.prestazioneId));
  const rows = dataset.prestazioni.map((p) => {
    const componente = p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3' ? 'prestazioni-agevolate' : 'prestazioni-sociali';
    const chiave = [p.enteCodice, cf.get(p.personaId), p.codicePrestazione, p.protocolloDomanda, p.dataInizioPrestazione ?? p.dataErogazionePrestazione ?? ''].join('|');
    return { chiave: keys.mac(chiave), annullata: p.tipoOperazione === 'C', componente: conSina.has(p.id) ? `${componente}+sina` : componente };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(prestazioneNota).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
  }
}
