import { randomUUID } from 'node:crypto';
import { deliverBatch, type DatabaseHandle } from '@casellario/kit';
import { serviceTokenSource } from '@casellario/policies';
import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componenteGuasto } from './componente-guasto';
import { controlloErrato, flussoPs, persona } from './flussi-costruttore';
import { attendiConsegna, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/** The benefits a component holds for one ente and application protocol: code, whether cancelled, monthly amount. */
async function righe(h: DatabaseHandle, schema: string, protocollo: string) {
  return h.rows<{ codice: string; annullata: boolean; importo: string | null }>(
    sql.raw(
      `select codice_prestazione as codice, annullata, coalesce(importo_mensile, importo_prestazione)::text as importo from ${schema}.prestazione where protocollo_domanda = '${protocollo}' order by 1`,
    ),
  );
}

// Issue 19: a record one destination cannot take must never stall the queue, nor another ente's flows.
for (const backend of databaseBackends()) {
  describe(`flows never stall the country, on ${backend}`, () => {
    let tp: TestPlatform;
    let roma: string;
    let milano: string;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      roma = await ROLE_TOKENS.gestione('H501');
      milano = await ROLE_TOKENS.gestione('F205');
    });
    afterAll(() => tp?.stop());

    it('a cancellation carrying the other component’s PresenzaProvaMezzi cancels the benefit where it is, and another ente’s later flow is delivered', async () => {
      const rossi = persona('ROSSI', 'MARIO');
      const inserita = flussoPs('H501.PS.20240115.0000101', 'H501', [
        { ...rossi, prestazioni: [{ protocollo: 'ISO-1', ppm: '3', data: '2024-01-01' }] },
      ]);
      const r1 = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', inserita);
      expect(r1.errors).toBeUndefined();
      expect(r1.data!.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni.map((s) => s.messaggio)])).toEqual([["ACCETTATO", []]]);
      await attendiConsegna(tp.gatewayUrl, roma, 'H501.PS.20240115.0000101', 20_000);

      // The cancellation says 4 (a PS value): not part of the key, so it names the same benefit, in PSA.
      const annullata = flussoPs('H501.PS.20240116.0000102', 'H501', [
        { ...rossi, prestazioni: [{ op: 'C', protocollo: 'ISO-1', ppm: '4', data: '2024-01-01' }] },
      ]);
      const r2 = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', annullata);
      expect(r2.data!.inviaFlusso.esiti.elementi.map((e) => e.stato)).toEqual(['ACCETTATO']);

      const bianchi = persona('BIANCHI', 'ANNA', 1990, '2');
      const altroEnte = flussoPs('F205.PS.20240117.0000001', 'F205', [
        // To the same component as the cancellation: its queue must not wait behind it.
        { ...bianchi, prestazioni: [{ protocollo: 'MI-1', ppm: '3', data: '2024-01-02' }] },
      ]);
      const r3 = await inviaFlusso(tp.gatewayUrl, milano, 'PS_PSA_SINA', altroEnte);
      expect(r3.data!.inviaFlusso.riepilogo.rifiutati).toBe(0);

      const milanoFatto = await attendiConsegna(tp.gatewayUrl, milano, 'F205.PS.20240117.0000001', 20_000);
      expect(milanoFatto.consegna).toMatchObject({ completata: true, consegnati: 1, daConsegnare: 0 });
      const romaFatto = await attendiConsegna(tp.gatewayUrl, roma, 'H501.PS.20240116.0000102', 20_000);
      expect(romaFatto.consegna).toMatchObject({ completata: true, consegnati: 1, daConsegnare: 0, ultimoErrore: null });

      expect(await righe(tp.platform.handles['prestazioni-agevolate']!, 'prestazioni_agevolate', 'ISO-1')).toEqual([{ codice: 'A1.16', annullata: true, importo: '100.00' }]);
      // Cancelled where it was, and never created in the other component.
      expect(await righe(tp.platform.handles['prestazioni-sociali']!, 'prestazioni_sociali', 'ISO-1')).toEqual([]);
      expect(await righe(tp.platform.handles['prestazioni-agevolate']!, 'prestazioni_agevolate', 'MI-1')).toEqual([{ codice: 'A1.16', annullata: false, importo: '100.00' }]);
    });

    it('judges every record on its own: a schema error in one benefit does not switch off the checks on its sibling', async () => {
      const verdi = persona('VERDI', 'LUCA', 1975);
      const cf = controlloErrato(verdi.cf);
      const flusso = flussoPs('H501.PS.20240118.0000103', 'H501', [
        {
          ...verdi,
          cf,
          prestazioni: [
            { protocollo: 'ISO-2', ppm: '2', data: '2024-01-01', extra: { PresaCarico: '9' } },
            { protocollo: 'ISO-3', ppm: '2', data: '2024-01-01' },
          ],
        },
      ]);
      const r = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', flusso);
      expect(r.errors).toBeUndefined();
      const esiti = r.data!.inviaFlusso.esiti.elementi;
      expect(esiti.map((e) => [e.protocolloDomanda, e.stato])).toEqual([
        ['ISO-2', 'RIFIUTATO'],
        ['ISO-3', 'RIFIUTATO'],
      ]);
      expect(esiti[1]!.segnalazioni.map((s) => s.codice)).toContain('BENEFICIARIO_CF_CONTROLLO');
      // Alone, the sibling gets the same answer.
      const solo = flussoPs('H501.PS.20240118.0000104', 'H501', [{ ...verdi, cf, prestazioni: [{ protocollo: 'ISO-3', ppm: '2', data: '2024-01-01' }] }]);
      const r2 = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', solo);
      expect(r2.data!.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni.map((s) => s.codice).sort()])).toEqual([
        ['RIFIUTATO', esiti[1]!.segnalazioni.map((s) => s.codice).sort()],
      ]);
    });

    it('components answer per item: a record refused for good is refused alone, the rest of the batch is stored', async () => {
      const servizio = await serviceTokenSource('svc-test')();
      const personaId = randomUUID();
      const base = {
        personaId,
        enteCodice: 'H501',
        tipoOperazione: 'I',
        caratterePrestazione: '1',
        codicePrestazione: 'A1.16',
        denominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
        dataInizioPrestazione: '2024-02-01',
        importoMensile: '10.00',
        periodoErogazione: 1,
        importoQuotaEnte: '10.00',
        importoQuotaRichiesta: '10.00',
        presaCarico: '2',
      };
      const risultati = await deliverBatch(
        tp.subgraphUrl('prestazioni-agevolate'),
        'prestazioni',
        [
          { ...base, id: randomUUID(), presenzaProvaMezzi: '4', protocolloDomanda: 'ITEM-1' },
          { ...base, id: randomUUID(), presenzaProvaMezzi: '3', protocolloDomanda: 'ITEM-2' },
        ],
        servizio,
      );
      expect(risultati).toEqual([{ ok: false, errore: 'PresenzaProvaMezzi 4 non appartiene a questa componente' }, { ok: true }]);
      expect(await righe(tp.platform.handles['prestazioni-agevolate']!, 'prestazioni_agevolate', 'ITEM-1')).toEqual([]);
      expect(await righe(tp.platform.handles['prestazioni-agevolate']!, 'prestazioni_agevolate', 'ITEM-2')).toEqual([{ codice: 'A1.16', annullata: false, importo: '10.00' }]);

      const neri = persona('NERI', 'PAOLA', 1960, '2');
      const anagrafica = { cognome: 'NERI', nome: 'PAOLA', annoNascita: '1960', luogoNascita: 'H501', genere: '2', codiceCittadinanza: '380' };
      const persone = await deliverBatch<{ personaId?: string; ok?: boolean; errore?: string }>(
        tp.subgraphUrl('anagrafe'),
        'persone',
        [
          { codiceFiscale: controlloErrato(neri.cf), anagrafica, indirizzi: [], versione: 1 },
          { codiceFiscale: neri.cf, anagrafica, indirizzi: [], versione: 1 },
        ],
        servizio,
      );
      expect(persone[0]).toEqual({ ok: false, errore: 'codice fiscale non valido in consegna' });
      expect(persone[1]!.personaId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('sets aside a record its component refuses for good, says why in the delivery state and the esito, and delivers the rest', async () => {
      const reale = tp.platform.subgraphs['prestazioni-sociali']!;
      const guasto = await componenteGuasto(() => reale.url);
      guasto.rifiuta = (kind, item) => (kind === 'prestazioni' && item.protocolloDomanda === 'GUASTO' ? 'rifiuto di prova' : null);
      tp.platform.subgraphs['prestazioni-sociali'] = guasto;
      try {
        const gialli = persona('GIALLI', 'SARA', 1970, '2');
        const flusso = flussoPs('H501.PS.20240119.0000105', 'H501', [
          {
            ...gialli,
            prestazioni: [
              { protocollo: 'GUASTO', ppm: '2', data: '2024-01-01' },
              { protocollo: 'ISO-5', ppm: '2', data: '2024-01-01' },
            ],
          },
        ]);
        const r = await inviaFlusso(tp.gatewayUrl, roma, 'PS_PSA_SINA', flusso);
        expect(r.data!.inviaFlusso.riepilogo).toMatchObject({ record: 2, rifiutati: 0 });
        const fatto = await attendiConsegna(tp.gatewayUrl, roma, 'H501.PS.20240119.0000105', 20_000);
        expect(fatto.consegna).toMatchObject({ completata: true, consegnati: 1, daConsegnare: 0 });
        const q = await graphqlRequest<{ flusso: { consegna: { scartati: number; scarti: unknown[] } } }>(
          tp.gatewayUrl,
          '{ flusso(nome: "H501.PS.20240119.0000105") { consegna { scartati scarti { numero destinazione motivo } } } }',
          { token: roma },
        );
        expect(q.data!.flusso.consegna).toEqual({
          scartati: 1,
          scarti: [{ numero: 1, destinazione: 'prestazioni-sociali', motivo: 'prestazioni-sociali: rifiuto di prova' }],
        });
        expect(fatto.esiti.elementi[0]!.segnalazioni.filter((s) => s.codice === 'CONSEGNA_RIFIUTATA')).toEqual([
          {
            codice: 'CONSEGNA_RIFIUTATA',
            gravita: 'ERRORE',
            campo: null,
            messaggio: 'Record n. 1: rifiutato in consegna (prestazioni-sociali: rifiuto di prova); messo da parte, gli altri record proseguono. Correggere e inviare di nuovo.',
          },
        ]);
        const ps = tp.platform.handles['prestazioni-sociali']!;
        expect(await righe(ps, 'prestazioni_sociali', 'GUASTO')).toEqual([]);
        expect(await righe(ps, 'prestazioni_sociali', 'ISO-5')).toEqual([{ codice: 'A1.16', annullata: false, importo: '100.00' }]);
      } finally {
        tp.platform.subgraphs['prestazioni-sociali'] = reale;
        await guasto.close();
      }
    });
  });
}
