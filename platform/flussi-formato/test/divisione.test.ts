import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { generateDataset } from '@casellario/demo-data';
import { afterAll, describe, expect, it } from 'vitest';
import { chiudiPoolCondiviso, dividiFlusso, dividiFlussoSuFile, leggiFlusso, scriviFlussiSinba, scriviFlussiSip, scriviFlussoDemoSuFile, type BeneficiarioFlusso, type ParteFlusso } from '../src/index';
import { ErroreDivisione } from '../src/divisione';
import { esempioSip, fixture } from './aiuti';

const cartella = mkdtempSync(join(tmpdir(), 'flussi-divisione-'));
afterAll(async () => {
  rmSync(cartella, { recursive: true, force: true });
  await chiudiPoolCondiviso();
});

async function tutte(sorgente: Parameters<typeof dividiFlusso>[0], massimoRecord: number): Promise<ParteFlusso[]> {
  const parti: ParteFlusso[] = [];
  for await (const p of dividiFlusso(sorgente, { massimoRecord })) parti.push(p);
  return parti;
}

/** A stream of the bytes of `testo` in chunks of `n` bytes: cuts fall anywhere, inside characters too. */
function aPezzi(testo: string, n: number): Readable {
  const b = Buffer.from(testo);
  return Readable.from(Array.from({ length: Math.ceil(b.length / n) }, (_, i) => b.subarray(i * n, (i + 1) * n)));
}

describe('splitting a PS_PSA_SINA file at Beneficiario boundaries', () => {
  const percorso = join(cartella, 'grande.xml');

  it('gives parts of at most N benefits that each validate, and together hold every record in order', async () => {
    await scriviFlussoDemoSuFile(percorso, { prestazioni: 2500, data: '2025-03-10', seed: 9 });
    const originale = await leggiFlusso(readFileSync(percorso), 'PS_PSA_SINA');
    if (!originale.ok) throw new Error(originale.rifiuto.messaggio);

    const parti = await tutte(percorso, 400);
    expect(parti.length).toBeGreaterThanOrEqual(7);
    expect(parti.map((p) => p.indice)).toEqual(parti.map((_, i) => i + 1));
    expect(parti.every((p) => p.records <= 400)).toBe(true);
    expect(parti.reduce((n, p) => n + p.records, 0)).toBe(2500);

    const lette: BeneficiarioFlusso[] = [];
    let primo = 1;
    for (const parte of parti) {
      expect(parte.primoRecord).toBe(primo);
      const esito = await leggiFlusso(parte.contenuto, 'PS_PSA_SINA');
      if (!esito.ok) throw new Error(esito.rifiuto.messaggio);
      expect([esito.erroriFlusso, esito.erroriPerRecord.size]).toEqual([[], 0]);
      expect(esito.intestazione).toEqual(originale.intestazione);
      expect(esito.numeroRecord).toBe(parte.records);
      expect(esito.records).toHaveLength(parte.elementi);
      lette.push(...esito.records);
      primo += parte.records;
    }
    // The same beneficiaries and benefits, in the same order; only positions differ.
    const senzaPosizione = (b: BeneficiarioFlusso) => ({ ...b, posizione: undefined, prestazioni: b.prestazioni.map((p) => ({ ...p, posizione: undefined })) });
    expect(lette.map(senzaPosizione)).toEqual(originale.records.map(senzaPosizione));
  });

  it('reads the file as a stream: any chunking gives the same parts', async () => {
    const testo = readFileSync(percorso, 'utf8');
    const daFile = await tutte(percorso, 400);
    const aPezziPiccoli = await tutte(aPezzi(testo, 777), 400);
    expect(aPezziPiccoli).toEqual(daFile);
  });

  it('never cuts a beneficiary: one with more benefits than N gets a part of its own', async () => {
    const parti = await tutte(Readable.from([fixture('inps-ps-psa-sina.xml')]), 2);
    expect(parti.map((p) => [p.records, p.elementi])).toEqual([[3, 1]]);
    const esito = await leggiFlusso(parti[0]?.contenuto ?? '', 'PS_PSA_SINA');
    expect(esito.ok && esito.numeroRecord).toBe(3);
  });

  it('writes the parts to files', async () => {
    const scritte = await dividiFlussoSuFile(percorso, join(cartella, 'parti'), { massimoRecord: 1000, base: 'H501.PS.20250310.0000001' });
    expect(scritte.map((p) => p.percorso.slice(cartella.length + 1))).toEqual([
      'parti/H501.PS.20250310.0000001.parte-0001.xml',
      'parti/H501.PS.20250310.0000001.parte-0002.xml',
      'parti/H501.PS.20250310.0000001.parte-0003.xml',
    ]);
    const esito = await leggiFlusso(readFileSync(scritte[2]?.percorso ?? ''), 'PS_PSA_SINA');
    expect(esito.ok && [esito.numeroRecord, esito.erroriFlusso]).toEqual([scritte[2]?.records, []]);
  });
});

describe('splitting SINBA and SIP files by case', () => {
  const ds = generateDataset({ persone: 4000, seed: 2 });

  it('SINBA', async () => {
    const flusso = scriviFlussiSinba(ds, { data: '2025-03-10' }).sort((a, b) => b.records - a.records)[0];
    if (!flusso || flusso.records < 4) throw new Error('need a bigger SINBA flow');
    const parti = await tutte(Readable.from([flusso.contenuto]), 3);
    expect(parti.map((p) => p.records)).toEqual(Array.from({ length: parti.length }, (_, i) => (i < parti.length - 1 ? 3 : flusso.records - 3 * (parti.length - 1))));
    const ids = [];
    for (const p of parti) {
      const esito = await leggiFlusso(p.contenuto, 'SINBA');
      if (!esito.ok) throw new Error(esito.rifiuto.messaggio);
      expect(esito.erroriFlusso).toEqual([]);
      ids.push(...esito.records.map((c) => c.idBeneficiario));
    }
    const intero = await leggiFlusso(flusso.contenuto, 'SINBA');
    expect(ids).toEqual(intero.ok ? intero.records.map((c) => c.idBeneficiario) : []);
  });

  it('SIP', async () => {
    const flusso = scriviFlussiSip(ds, { data: '2025-03-10' }).sort((a, b) => b.records - a.records)[0];
    if (!flusso) throw new Error('no SIP flow');
    const parti = await tutte(Readable.from([flusso.contenuto]), 5);
    const protocolli = [];
    for (const p of parti) {
      const esito = await leggiFlusso(p.contenuto, 'SIP');
      if (!esito.ok) throw new Error(esito.rifiuto.messaggio);
      expect(esito.erroriFlusso).toEqual([]);
      protocolli.push(...esito.records.map((c) => c.protocolloCaso));
    }
    const intero = await leggiFlusso(flusso.contenuto, 'SIP');
    expect(protocolli).toEqual(intero.ok ? intero.records.map((c) => c.protocolloCaso) : []);
    expect((await tutte(Readable.from([esempioSip()]), 2)).map((p) => p.records)).toEqual([2, 1]);
  });
});

describe('files that cannot be split', () => {
  const errore = async (sorgente: Parameters<typeof dividiFlusso>[0]) => {
    try {
      await tutte(sorgente, 10);
    } catch (e) {
      if (e instanceof ErroreDivisione) return [e.codice, e.message];
    }
    return undefined;
  };

  it('refuses what leggiFlusso would refuse, with the same codes', async () => {
    const ps = fixture('inps-ps-psa-sina.xml');
    const percorso = join(cartella, 'utf16.xml');
    writeFileSync(percorso, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ps, 'utf16le')]));
    expect(await errore(percorso)).toEqual(['CODIFICA_UTF16', 'Il file è codificato in UTF-16: è ammessa solo UTF-8.']);
    expect(await errore(Readable.from([Buffer.from(ps.replace('mobilità', 'mobilit\u00e0'), 'latin1')]))).toEqual(['UTF8_NON_VALIDO', 'Il file contiene sequenze di byte non valide in UTF-8.']);
    expect(await errore(Readable.from([`<?xml version="1.0" encoding="ISO-8859-1"?>\n${ps}`]))).toEqual([
      'CODIFICA_NON_UTF8',
      'La dichiarazione XML indica la codifica «ISO-8859-1»: è ammessa solo UTF-8.',
    ]);
    expect(await errore(Readable.from([`<!DOCTYPE Flusso [<!ENTITY x "y">]>\n${ps}`]))).toEqual([
      'DOCTYPE_NON_AMMESSO',
      'Il file non si può dividere (riga 1): dichiarazione non ammessa (<!…>).',
    ]);
    expect(await errore(Readable.from([ps.replace('</Flusso>', '')]))).toEqual(['XML_MALFORMATO', 'Il file non si può dividere (riga 29): l’elemento radice «Flusso» non è chiuso.']);
    expect(await errore(Readable.from([ps.replace(/<IdentificazioneFlusso[\s\S]*<\/IdentificazioneFlusso>/, '')]))).toEqual([
      'XML_MALFORMATO',
      'Il primo elemento del flusso è «Beneficiario»: era atteso «IdentificazioneFlusso».',
    ]);
  });
});
