import { caseloadPairs, type DemoDataset, type DemoPrestazione } from '@casellario/demo-data';
import { addToCaseload, type DatabaseHandle } from '@casellario/kit';
import { segnaAggregatiDaAggiornare } from './db/aggregati';
import { storePrestazioni } from './db/queries';
import { caseloadFor, type CodiceProvaMezzi, type PrestazioneInsert, type PrestazioneTable } from './db/tables';

/** A `PrestazioniSociali` record of the demo data set (codes as the flow writes them) as a row. */
export function toPrestazioneRow(p: DemoPrestazione): PrestazioneInsert {
  // NumeroProtocolloDSU may be empty in the XSD (min length 0): empty means absent.
  const numeroProtocolloDsu = p.numeroProtocolloDSU || null;
  return {
    id: p.id,
    personaId: p.personaId,
    enteCodice: p.enteCodice,
    tipoOperazione: p.tipoOperazione ?? 'I',
    presenzaProvaMezzi: p.presenzaProvaMezzi,
    caratterePrestazione: p.caratterePrestazione,
    numeroProtocolloDsu,
    annoProtocolloDsu: p.annoProtocolloDSU ? Number(p.annoProtocolloDSU) : null,
    dataDsu: p.dataDSU ?? null,
    codicePrestazione: p.codicePrestazione,
    denominazionePrestazione: p.denominazionePrestazione,
    protocolloDomanda: p.protocolloDomanda,
    dataEvento: p.dataEvento ?? null,
    dataInizio: p.dataInizioPrestazione ?? null,
    dataFine: p.dataFinePrestazione ?? null,
    dataErogazione: p.dataErogazionePrestazione ?? null,
    importoPrestazione: p.importoPrestazione ?? null,
    periodoErogazione: p.periodoErogazione ?? null,
    importoMensile: p.importoMensile ?? null,
    importoQuotaEnte: p.importoQuotaEnte ?? null,
    importoQuotaUtente: p.importoQuotaUtente ?? null,
    importoQuotaSsn: p.importoQuotaSSN ?? null,
    importoQuotaRichiesta: p.importoQuotaRichiesta ?? null,
    importoSogliaIsee: p.importoSogliaISEE ?? null,
    oreServizioMensile: p.oreServizioMensile ?? null,
    presaCarico: p.presaCarico,
    areaUtenza: p.areaUtenza ?? null,
    codiceComuneResidenza: p.codiceComuneResidenza ?? null,
    codiceRegioneResidenza: p.codiceRegioneResidenza ?? null,
    annoNascita: p.annoNascita ? Number(p.annoNascita) : null,
    genere: p.genere === '1' || p.genere === '2' ? p.genere : null,
    annullata: p.tipoOperazione === 'C',
  };
}

/**
 * Loads the demo benefits that belong to this component (by `PresenzaProvaMezzi`)
 * through the same idempotent path as delivery: loading twice changes nothing, and
 * a `C` record cancels the record with its natural key.
 */
export async function loadPrestazioniDemo(
  handle: DatabaseHandle,
  table: PrestazioneTable,
  provaMezzi: readonly CodiceProvaMezzi[],
  dataset: Partial<Pick<DemoDataset, 'prestazioni' | 'valutazioniSina' | 'casiSip'>>,
): Promise<void> {
  const mine = (dataset.prestazioni ?? []).filter((p) => provaMezzi.includes(p.presenzaProvaMezzi));
  await storePrestazioni(handle, table, mine.map(toPrestazioneRow));
  await segnaAggregatiDaAggiornare(handle, table);
  // The whole caseload, not only this component's: gestione sees every record of a person in its caseload.
  await addToCaseload(handle, caseloadFor(table), caseloadPairs(dataset));
}
