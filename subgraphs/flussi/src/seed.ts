import type { DemoDataset } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import { prestazioneNota } from './db/schema';
import { chiaveCasoSip, dataChiave, dataComponente } from './ingest/payloads';
import type { FlussiKeys } from './keys';

const BATCH = 1000;

/**
 * Demo benefits and SIP cases are loaded straight into the components; register
 * their natural keys here as a flow would have, so that a cancellation sent
 * later for one of them is recognised. A demo SIP case's ProtocolloCaso is its
 * id unless it has one, as the sip loader does.
 */
export async function loadDemoNote(
  { db }: DatabaseHandle,
  keys: FlussiKeys,
  dataset: Pick<DemoDataset, 'persone' | 'prestazioni' | 'valutazioniSina'> & Partial<Pick<DemoDataset, 'casiSip'>>,
): Promise<void> {
  const cf = new Map(dataset.persone.map((p) => [p.id, p.codiceFiscale]));
  const conSina = new Set(dataset.valutazioniSina.map((v) => v.prestazioneId));
  const rows = dataset.prestazioni.map((p) => {
    const componente = p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3' ? 'prestazioni-agevolate' : 'prestazioni-sociali';
    // The same key as a flow's (chiavePrestazione): the date by the documented rule, as a day.
    const chiave = [p.enteCodice, cf.get(p.personaId), p.codicePrestazione, p.protocolloDomanda, dataChiave(p)].join('|');
    return {
      chiave: keys.mac(chiave),
      annullata: p.tipoOperazione === 'C',
      componente: conSina.has(p.id) ? `${componente}+sina` : componente,
      dataComponente: dataComponente(p),
    };
  });
  for (const c of (dataset.casiSip ?? []) as ReadonlyArray<DemoDataset['casiSip'][number] & { protocolloCaso?: string; annullata?: boolean }>) {
    rows.push({ chiave: keys.mac(chiaveCasoSip(c.enteCodice, c.protocolloCaso ?? c.id)), annullata: c.annullata ?? false, componente: 'sip', dataComponente: null });
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insert(prestazioneNota).values(rows.slice(i, i + BATCH)).onConflictDoNothing();
  }
}
