import { caseloadPairs, type DemoDataset, type DemoPrestazione, type DemoValutazioneSina } from '@casellario/demo-data';
import { addToCaseload, type DatabaseHandle } from '@casellario/kit';
import { caseload } from './db/schema';
import { annullaValutazioneSina, deliverValutazioniSina, type NuovaValutazioneSina } from './db/delivery';

const BATCH = 1000;

/** The demo data SINA needs: the assessments, and the benefits they came with (for their protocol and code). */
export type SinaDemoData = Pick<DemoDataset, 'valutazioniSina' | 'prestazioni'> & Partial<Pick<DemoDataset, 'casiSip'>>;

function toRow(v: DemoValutazioneSina, p: DemoPrestazione): NuovaValutazioneSina {
  return {
    id: v.id,
    personaId: v.personaId,
    enteCodice: v.enteCodice,
    prestazioneId: v.prestazioneId,
    codicePrestazione: p.codicePrestazione,
    protocolloDomanda: p.protocolloDomanda,
    dataValutazione: v.dataValutazione,
    mobilita: v.mobilita,
    attivitaVitaQuotidiana: v.attivitaVitaQuotidiana,
    disturbiAreaCognitiva: v.disturbiAreaCognitiva ?? null,
    disturbiComportamentali: v.disturbiComportamentali,
    necessitaCureSanitarie: v.necessitaCureSanitarie ?? null,
    areaReddituale: v.areaReddituale,
    areaSupporto: v.areaSupporto,
    fonteDerivazioneValutazione: v.fonteDerivazioneValutazione,
    strumentoValutazione: v.strumentoValutazione,
    fonteDerivazioneInvalidita: v.fonteDerivazioneInvalidita ?? null,
    necessitaInterventiSociali: v.necessitaInterventiSociali,
    invaliditaCivile: v.invaliditaCivile,
    codiceComuneResidenza: v.codiceComuneResidenza ?? null,
    codiceRegioneResidenza: v.codiceRegioneResidenza ?? null,
  };
}

/**
 * Loads the demo assessments in batches through the same idempotent path a
 * flow delivery takes. The benefit each one came with supplies its code and
 * application protocol (the natural key); an assessment whose benefit was
 * cancelled (`tipoOperazione: 'C'`) is stored and then marked cancelled.
 */
export async function loadDemo(handle: DatabaseHandle, dataset: SinaDemoData): Promise<void> {
  const wanted = new Set(dataset.valutazioniSina.map((v) => v.prestazioneId));
  const prestazioni = new Map(dataset.prestazioni.filter((p) => wanted.has(p.id)).map((p) => [p.id, p]));
  const cancelled: NuovaValutazioneSina[] = [];
  for (let i = 0; i < dataset.valutazioniSina.length; i += BATCH) {
    const rows = dataset.valutazioniSina.slice(i, i + BATCH).map((v) => {
      const p = prestazioni.get(v.prestazioneId);
      if (!p) throw new Error(`Valutazione SINA ${v.id}: la prestazione ${v.prestazioneId} non è nel data set`);
      const row = toRow(v, p);
      if (p.tipoOperazione === 'C') cancelled.push(row);
      return row;
    });
    await deliverValutazioniSina(handle, rows);
  }
  for (const row of cancelled) await annullaValutazioneSina(handle, row);
  await addToCaseload(handle, caseload, caseloadPairs(dataset));
}
