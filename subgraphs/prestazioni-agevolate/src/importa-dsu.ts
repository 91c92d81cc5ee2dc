import type { DemoDsu } from '@casellario/demo-data';
import { deliverBatch } from '@casellario/kit';
import { DSU_DELIVERY_KIND } from './delivery';

/** The columns of a DSU import file, in order (the header row must name them so). */
export const COLONNE_DSU = [
  'id',
  'protocollo',
  'anno',
  'dataPresentazione',
  'dataScadenza',
  'dichiaranteId',
  'componentiIds',
  'tipoIsee',
  'isr',
  'isp',
  'scalaEquivalenza',
  'ise',
  'isee',
  'omissioniDifformita',
] as const;

/**
 * Reads a DSU import file: CSV separated by `;` (no field contains one), a header row
 * with COLONNE_DSU, household members separated by `|`, `omissioniDifformita` as
 * `true`/`false`. Person ids are the registry's internal ids (anagrafe resolves codici
 * fiscali to them). Throws on a wrong header; records are checked by PSA on delivery.
 */
export function parseDsuCsv(text: string): DemoDsu[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (header?.trim() !== COLONNE_DSU.join(';')) throw new Error(`intestazione attesa: ${COLONNE_DSU.join(';')}`);
  return lines.map((line) => {
    const v = line.split(';').map((x) => x.trim());
    const get = (c: (typeof COLONNE_DSU)[number]) => v[COLONNE_DSU.indexOf(c)] ?? '';
    return {
      id: get('id'),
      protocollo: get('protocollo'),
      anno: get('anno'),
      dataPresentazione: get('dataPresentazione'),
      dataScadenza: get('dataScadenza'),
      dichiaranteId: get('dichiaranteId'),
      componentiIds: get('componentiIds').split('|').filter(Boolean),
      tipoIsee: get('tipoIsee') as DemoDsu['tipoIsee'],
      isr: get('isr'),
      isp: get('isp'),
      scalaEquivalenza: get('scalaEquivalenza'),
      ise: get('ise'),
      isee: get('isee'),
      omissioniDifformita: get('omissioniDifformita') === 'true',
    };
  });
}

/** The outcome of an import: records stored, and those refused with their line (header = line 1) and reason. */
export interface EsitoImportDsu {
  importati: number;
  rifiutati: Array<{ riga: number; protocollo: string; errore: string }>;
}

/** Sends DSU records to PSA's internal endpoint in batches of 1,000 (one request each, retried by re-running: idempotent). */
export async function importaDsu(psaUrl: string, records: readonly DemoDsu[], token: string): Promise<EsitoImportDsu> {
  const esito: EsitoImportDsu = { importati: 0, rifiutati: [] };
  for (let i = 0; i < records.length; i += 1000) {
    const batch = records.slice(i, i + 1000);
    const risultati = await deliverBatch<{ ok: boolean; errore?: string }>(psaUrl, DSU_DELIVERY_KIND, [...batch], token);
    risultati.forEach((r, j) => {
      if (r.ok) esito.importati++;
      else esito.rifiutati.push({ riga: i + j + 2, protocollo: batch[j]?.protocollo ?? '', errore: r.errore ?? 'rifiutato' });
    });
  }
  return esito;
}
