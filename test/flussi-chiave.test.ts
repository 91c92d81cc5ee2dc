import type { DatabaseHandle } from '@casellario/kit';
import { databaseBackends, ROLE_TOKENS } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flussoPs, persona, type BeneficiarioSpec } from './flussi-costruttore';
import { attendiConsegna, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/** What a component holds for an application protocol: code, key day, whether cancelled, amount. */
async function righe(h: DatabaseHandle, schema: string, protocollo: string) {
  return h.rows<{ data: string; annullata: boolean; importo: string | null }>(
    sql.raw(
      `select data_riferimento::text as data, annullata, coalesce(importo_mensile, importo_prestazione)::text as importo from ${schema}.prestazione where protocollo_domanda = '${protocollo}' order by 1, 2`,
    ),
  );
}

/** A benefit's history in a component, oldest first: operation, flow, record, the amount it carried. */
async function storia(h: DatabaseHandle, schema: string, protocollo: string) {
  return h.rows<{ operazione: string; flusso: string; record: number; importo: string | null }>(
    sql.raw(
      `select s.operazione, s.flusso, s.record, coalesce(s.valori->>'importoMensile', s.valori->>'importoPrestazione') as importo
       from ${schema}.prestazione_storia s join ${schema}.prestazione p on p.id = s.prestazione_id
       where p.protocollo_domanda = '${protocollo}' order by s.ricevuto_il, s.id`,
    ),
  );
}

// Issue 19.3: the key is a value, a cancellation finds the benefit where it is, a re-send is a variation, a move withdraws.
for (const backend of databaseBackends()) {
  describe(`the benefit key and what a re-send means, on ${backend}`, () => {
    let tp: TestPlatform;
    let token: string;
    let progressivo = 200;
    const psa = () => tp.platform.handles['prestazioni-agevolate']!;
    const ps = () => tp.platform.handles['prestazioni-sociali']!;
    /** Sends a flow of H501 and waits until it is delivered; returns its esiti. */
    async function invia(beneficiari: BeneficiarioSpec[]) {
      const nome = `H501.PS.20240301.${String(++progressivo).padStart(7, '0')}`;
      const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', flussoPs(nome, 'H501', beneficiari));
      expect(r.errors).toBeUndefined();
      await attendiConsegna(tp.gatewayUrl, token, nome, 20_000);
      return r.data!.inviaFlusso.esiti.elementi.map((e) => ({ stato: e.stato, codici: e.segnalazioni.map((s) => s.codice) }));
    }
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      token = await ROLE_TOKENS.gestione('H501');
    });
    afterAll(() => tp?.stop());

    it('reads dates as xs:date values: 2024-03-01Z and 2024-03-01 are the same benefit', async () => {
      const p = persona('ORO', 'LEA', 1981, '2');
      await invia([{ ...p, prestazioni: [{ protocollo: 'K-1', ppm: '2', data: '2024-03-01Z' }] }]);
      const esiti = await invia([{ ...p, prestazioni: [{ op: 'C', protocollo: 'K-1', ppm: '2', data: '2024-03-01' }] }]);
      expect(esiti).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-1')).toEqual([{ data: '2024-03-01', annullata: true, importo: '100.00' }]);
    });

    it('keys a one-off benefit on its payment date, for the insertion and the cancellation alike, even when it carries a start date', async () => {
      const p = persona('ARGENTO', 'UGO', 1950);
      await invia([{ ...p, prestazioni: [{ protocollo: 'K-2', ppm: '2', carattere: '2', dataInizio: '2024-02-20', data: '2024-03-05' }] }]);
      const esiti = await invia([{ ...p, prestazioni: [{ op: 'C', protocollo: 'K-2', ppm: '2', carattere: '2', data: '2024-03-05' }] }]);
      expect(esiti).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      // The one row there is, cancelled; no second row for the cancellation.
      expect(await righe(ps(), 'prestazioni_sociali', 'K-2')).toEqual([{ data: '2024-02-20', annullata: true, importo: '100.00' }]);
    });

    it('answers a re-sent insertion with other values as a variation (a warning), and the component holds the new values', async () => {
      const p = persona('RAME', 'EVA', 1990, '2');
      expect(await invia([{ ...p, prestazioni: [{ protocollo: 'K-3', ppm: '2', data: '2024-03-01' }] }])).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      // The same values again: a repetition, nothing to say.
      expect(await invia([{ ...p, prestazioni: [{ protocollo: 'K-3', ppm: '2', data: '2024-03-01' }] }])).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      expect(await invia([{ ...p, prestazioni: [{ protocollo: 'K-3', ppm: '2', data: '2024-03-01', importoCent: 25_000 }] }])).toEqual([
        { stato: 'ACCETTATO_CON_AVVISI', codici: ['PRESTAZIONE_VARIATA'] },
      ]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-3')).toEqual([{ data: '2024-03-01', annullata: false, importo: '250.00' }]);
      // Each version in the benefit's history, with the flow and record it came in.
      expect(await storia(ps(), 'prestazioni_sociali', 'K-3')).toEqual([
        { operazione: 'I', flusso: `H501.PS.20240301.${String(progressivo - 2).padStart(7, '0')}`, record: 1, importo: '100.00' },
        { operazione: 'V', flusso: `H501.PS.20240301.${String(progressivo - 1).padStart(7, '0')}`, record: 1, importo: '100.00' },
        { operazione: 'V', flusso: `H501.PS.20240301.${String(progressivo).padStart(7, '0')}`, record: 1, importo: '250.00' },
      ]);
    });

    it('moves a benefit whose PresenzaProvaMezzi changes: withdrawn from the component it was in, active in one only, and a later cancellation finds it', async () => {
      const p = persona('FERRO', 'IVO', 1972);
      await invia([{ ...p, prestazioni: [{ protocollo: 'K-4', ppm: '2', data: '2024-03-01' }] }]);
      expect(await invia([{ ...p, prestazioni: [{ protocollo: 'K-4', ppm: '3', data: '2024-03-01' }] }])).toEqual([
        { stato: 'ACCETTATO_CON_AVVISI', codici: ['PRESTAZIONE_SPOSTATA'] },
      ]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-4')).toEqual([{ data: '2024-03-01', annullata: true, importo: '100.00' }]);
      expect(await righe(psa(), 'prestazioni_agevolate', 'K-4')).toEqual([{ data: '2024-03-01', annullata: false, importo: '100.00' }]);
      // The cancellation carries the old value: it still goes where the benefit now is.
      expect(await invia([{ ...p, prestazioni: [{ op: 'C', protocollo: 'K-4', ppm: '2', data: '2024-03-01' }] }])).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      expect(await righe(psa(), 'prestazioni_agevolate', 'K-4')).toEqual([{ data: '2024-03-01', annullata: true, importo: '100.00' }]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-4')).toEqual([{ data: '2024-03-01', annullata: true, importo: '100.00' }]);
      expect((await storia(ps(), 'prestazioni_sociali', 'K-4')).map((v) => v.operazione)).toEqual(['I', 'C']);
      expect((await storia(psa(), 'prestazioni_agevolate', 'K-4')).map((v) => v.operazione)).toEqual(['I', 'C']);
    });

    it('says when a flow repeats a benefit (the last wins) and when a cancellation finds it already cancelled', async () => {
      const p = persona('STAGNO', 'RITA', 1966, '2');
      const esiti = await invia([
        {
          ...p,
          prestazioni: [
            { protocollo: 'K-5', ppm: '2', data: '2024-03-01' },
            { protocollo: 'K-5', ppm: '2', data: '2024-03-01', importoCent: 30_000 },
          ],
        },
      ]);
      expect(esiti).toEqual([
        { stato: 'ACCETTATO', codici: [] },
        // Repeated in the flow, and with another amount: a variation of the first.
        { stato: 'ACCETTATO_CON_AVVISI', codici: ['PRESTAZIONE_RIPETUTA_NEL_FLUSSO', 'PRESTAZIONE_VARIATA'] },
      ]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-5')).toEqual([{ data: '2024-03-01', annullata: false, importo: '300.00' }]);
      expect(await invia([{ ...p, prestazioni: [{ op: 'C', protocollo: 'K-5', ppm: '2', data: '2024-03-01' }] }])).toEqual([{ stato: 'ACCETTATO', codici: [] }]);
      expect(await invia([{ ...p, prestazioni: [{ op: 'C', protocollo: 'K-5', ppm: '2', data: '2024-03-01' }] }])).toEqual([
        { stato: 'ACCETTATO_CON_AVVISI', codici: ['PRESTAZIONE_GIA_ANNULLATA'] },
      ]);
      expect(await righe(ps(), 'prestazioni_sociali', 'K-5')).toEqual([{ data: '2024-03-01', annullata: true, importo: '300.00' }]);
    });
  });
}
