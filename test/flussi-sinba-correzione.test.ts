import { databaseBackends, ROLE_TOKENS } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, esempioSinbaCorretto, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

// Issue 19.5: SINBA's optional fields are optional, and a case can be corrected without becoming two.
for (const backend of databaseBackends()) {
  describe(`SINBA cases: optional fields and corrections, on ${backend}`, () => {
    let tp: TestPlatform;
    let token: string;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      token = await ROLE_TOKENS.gestione('H501');
    });
    afterAll(() => tp?.stop());

    const casi = () =>
      tp.platform.handles.sinba!.rows<{ data: string; autorita: string | null; segnalazione: string | null }>(
        sql`select data_prima_segnalazione::text as data, autorita_provvedimento as autorita, data_segnalazione::text as segnalazione
            from sinba.caso_sinba where ente_codice = 'H501' and id_beneficiario = 'PROVA BENEF' order by 1`,
      );

    it('accepts a case without DataSegnalazione and AutoritaProvvedimento, optional in the specification; a later DataPrimaSegnalazione corrects the open case, with its history', async () => {
      const senzaOpzionali = esempioSinbaCorretto('00000091').replace(' DataSegnalazione="06/2016"', '').replace(' AutoritaProvvedimento="1"', '');
      const r = await inviaFlusso(tp.gatewayUrl, token, 'SINBA', senzaOpzionali);
      expect(r.errors).toBeUndefined();
      expect(r.data!.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni.map((s) => s.codice).sort()])).toEqual([
        ['ACCETTATO_CON_AVVISI', ['SINBA_PROVVEDIMENTO_SENZA_DATI', 'SINBA_SEGNALAZIONE_SENZA_DATA']],
      ]);
      await attendiConsegna(tp.gatewayUrl, token, 'H501.SINBA.20210520.00000091', 20_000);
      expect(await casi()).toEqual([{ data: '2010-01-01', autorita: null, segnalazione: null }]);

      const corretto = esempioSinbaCorretto('00000092').replace('DataPrimaSegnalazione="01/2010"', 'DataPrimaSegnalazione="02/2010"');
      const r2 = await inviaFlusso(tp.gatewayUrl, token, 'SINBA', corretto);
      expect(r2.data!.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni.map((s) => s.codice)])).toEqual([
        ['ACCETTATO_CON_AVVISI', ['SINBA_PRIMA_SEGNALAZIONE_CORRETTA']],
      ]);
      await attendiConsegna(tp.gatewayUrl, token, 'H501.SINBA.20210520.00000092', 20_000);
      // One case, corrected; the snapshot it replaced kept in its history.
      expect(await casi()).toEqual([{ data: '2010-02-01', autorita: '1', segnalazione: '2016-06-01' }]);
      const storia = await tp.platform.handles.sinba!.rows<{ data: string; segnalazione: string | null }>(
        sql`select s.valori->>'data_prima_segnalazione' as data, s.valori->>'data_segnalazione' as segnalazione
            from sinba.caso_sinba_storia s join sinba.caso_sinba c on c.id = s.caso_id
            where c.ente_codice = 'H501' and c.id_beneficiario = 'PROVA BENEF'`,
      );
      expect(storia).toEqual([{ data: '2010-01-01', segnalazione: null }]);
      // The same record again changes nothing and adds no history.
      const ancora = esempioSinbaCorretto('00000093').replace('DataPrimaSegnalazione="01/2010"', 'DataPrimaSegnalazione="02/2010"');
      const r3 = await inviaFlusso(tp.gatewayUrl, token, 'SINBA', ancora);
      expect(r3.data!.inviaFlusso.esiti.elementi.map((e) => e.segnalazioni.map((s) => s.codice))).toEqual([[]]);
      await attendiConsegna(tp.gatewayUrl, token, 'H501.SINBA.20210520.00000093', 20_000);
      expect((await casi()).length).toBe(1);
      expect(await tp.platform.handles.sinba!.rows(sql`select 1 from sinba.caso_sinba_storia`)).toHaveLength(1);
    });
  });
}
