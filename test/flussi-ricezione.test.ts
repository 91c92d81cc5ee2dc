import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, ESEMPIO_PS, ESEMPIO_SINBA, esempioPsCorretto, esempioSinbaCorretto, inviaFlusso } from './flussi-support';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const CARTELLA = `query ($cf: String!) { persona(codiceFiscale: $cf) {
  anagrafica { cognome nome annoNascita }
  residenza { codiceComune codiceRegione }
  prestazioniSociali(includiAnnullate: true) { codicePrestazione protocolloDomanda caratterePrestazione dataInizio dataErogazione importoMensile importoPrestazione importoQuotaSsn annullata areaUtenza }
  valutazioniSina { dataValutazione mobilita invaliditaCivile necessitaInterventiSociali }
} }`;

for (const backend of databaseBackends()) {
  describe(`flows in, through the gateway, on ${backend}`, () => {
    let tp: TestPlatform;
    let token: string;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      token = await ROLE_TOKENS.gestione('H501');
    });
    afterAll(() => tp?.stop());

    it("answers INPS's PS sample record by record: the beneficiary's codice fiscale fails its check character, and says exactly that", async () => {
      const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', ESEMPIO_PS);
      expect(r.errors).toBeUndefined();
      const f = r.data!.inviaFlusso;
      expect(f.riepilogo).toEqual({ record: 3, accettati: 0, accettatiConAvvisi: 0, rifiutati: 3 });
      expect(f.avvisiFlusso.map((a) => a.codice)).toEqual(['OPERATORE_CF_NON_VALIDO']);
      for (const e of f.esiti.elementi) {
        const cf = e.segnalazioni.find((s) => s.codice === 'BENEFICIARIO_CF_CONTROLLO');
        expect(cf?.gravita).toBe('ERRORE');
        expect(cf?.messaggio).toContain('il codice fiscale AAA***********1C ha il carattere di controllo errato: dai primi 15 caratteri dovrebbe essere «T», nel flusso è «C»');
      }
      expect(f.esiti.elementi.map((e) => [e.numero, e.codicePrestazione, e.riferimento])).toEqual([
        [1, 'A1.16', 'AAA***********1C'],
        [2, 'A2.16', 'AAA***********1C'],
        [3, 'A1.09', 'AAA***********1C'],
      ]);
      expect(f.esiti.elementi[0]!.segnalazioni.map((s) => s.codice)).toContain('PRESTAZIONE_QUOTE_SOMMA_DIVERSA');
      expect(f.consegna).toEqual({ completata: true, consegnati: 0, daConsegnare: 0, ultimoErrore: null });
      expect(r.raw).not.toContain('AAABBB39M66A351C');
    });

    it('delivers the corrected PS sample into the cartella of the person it names, SINA included', async () => {
      const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', esempioPsCorretto());
      expect(r.data?.inviaFlusso.riepilogo).toEqual({ record: 3, accettati: 0, accettatiConAvvisi: 3, rifiutati: 0 });
      const delivered = await attendiConsegna(tp.gatewayUrl, token, 'H501.PS.20210520.0000012');
      expect(delivered.stato).toBe('CONSEGNATO');
      expect(delivered.consegna.consegnati).toBe(3);
      const c = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, CARTELLA, { token, variables: { cf: 'AAABBB39M66A351T' } });
      expect(c.errors).toBeUndefined();
      expect(c.data!.persona.anagrafica).toEqual({ cognome: 'AAA', nome: 'BBB', annoNascita: 1939 });
      expect(c.data!.persona.residenza).toEqual({ codiceComune: '068001', codiceRegione: '13' });
      const byCode = Object.fromEntries(c.data!.persona.prestazioniSociali.map((p: any) => [p.codicePrestazione, p]));
      expect(byCode['A1.16']).toEqual({
        codicePrestazione: 'A1.16',
        protocolloDomanda: '12356Mari',
        caratterePrestazione: 'PERIODICA',
        dataInizio: '2020-10-14',
        dataErogazione: null,
        importoMensile: 101.23,
        importoPrestazione: null,
        importoQuotaSsn: 26.98,
        annullata: false,
        areaUtenza: 'DISABILITA_NON_AUTOSUFFICIENZA',
      });
      expect(byCode['A1.09']).toMatchObject({ caratterePrestazione: 'OCCASIONALE', dataErogazione: '2020-12-01', importoPrestazione: 1265.23 });
      expect(Object.keys(byCode).sort()).toEqual(['A1.09', 'A1.16', 'A2.16']);
      expect(c.data!.persona.valutazioniSina).toEqual([
        { dataValutazione: '2020-11-14', mobilita: 'SI_SPOSTA_DA_SOLO', invaliditaCivile: [], necessitaInterventiSociali: ['A2.17'] },
        { dataValutazione: '2020-10-14', mobilita: 'SI_SPOSTA_DA_SOLO', invaliditaCivile: ['PARZIALE_ALMENO_75', 'TOTALE_SENZA_ACCOMPAGNAMENTO'], necessitaInterventiSociali: ['A2.17', 'A2.18'] },
      ]);
    });

    it('returns the first esito, unchanged, when a flow is sent again under the same name', async () => {
      const again = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', esempioPsCorretto());
      expect(again.data?.inviaFlusso).toMatchObject({ giaRicevuto: true, contenutoDiverso: false, riepilogo: { record: 3, accettatiConAvvisi: 3 } });
      const altered = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', esempioPsCorretto().replace('ImportoMensile="101.23"', 'ImportoMensile="999.99"'));
      expect(altered.data?.inviaFlusso).toMatchObject({ giaRicevuto: true, contenutoDiverso: true });
      const c = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, CARTELLA, { token, variables: { cf: 'AAABBB39M66A351T' } });
      expect(c.data!.persona.prestazioniSociali.map((p: any) => p.importoMensile).sort()).toEqual([101.23, 101.23, null].sort());
    });

    it('cancels a benefit with TipoOperazione C, and refuses to cancel one the registry never received', async () => {
      const cancel = esempioPsCorretto('0000013')
        .replace(/<PrestazioniSociali CaratterePrestazione="1" AreaUtenza="2"[\s\S]*?<\/PrestazioniSociali>\n<PrestazioniSociali CaratterePrestazione="1"/, '<PrestazioniSociali CaratterePrestazione="1"')
        .replace(/TipoOperazione="I" DataInizioPrestazione="2020-11-14"/, 'TipoOperazione="C" DataInizioPrestazione="2020-11-14"')
        .replace('TipoOperazione="I" DataErogazionePrestazione="2020-12-01"', 'TipoOperazione="C" DataErogazionePrestazione="2020-12-01"')
        .replace('ProtocolloDomanda="test"', 'ProtocolloDomanda="mai-inviata"');
      const r = await inviaFlusso(tp.gatewayUrl, token, 'PS_PSA_SINA', cancel);
      expect(r.errors).toBeUndefined();
      const esiti = r.data!.inviaFlusso.esiti.elementi;
      expect(esiti.map((e) => [e.codicePrestazione, e.stato])).toEqual([
        ['A2.16', 'ACCETTATO_CON_AVVISI'],
        ['A1.09', 'RIFIUTATO'],
      ]);
      expect(esiti[1]!.segnalazioni.find((s) => s.gravita === 'ERRORE')).toMatchObject({
        codice: 'PRESTAZIONE_ANNULLAMENTO_SCONOSCIUTA',
        messaggio: expect.stringContaining('non ha mai ricevuto'),
      });
      await attendiConsegna(tp.gatewayUrl, token, 'H501.PS.20210520.0000013');
      const c = await graphqlRequest<{ persona: any }>(tp.gatewayUrl, CARTELLA, { token, variables: { cf: 'AAABBB39M66A351T' } });
      const a216 = c.data!.persona.prestazioniSociali.find((p: any) => p.codicePrestazione === 'A2.16');
      expect(a216.annullata).toBe(true);
      // The SINA assessment that came with the cancelled benefit goes with it.
      expect(c.data!.persona.valutazioniSina.map((v: any) => v.dataValutazione)).toEqual(['2020-10-14']);
    });

    it('refuses the SINBA sample for its missing region of residence, and stores the corrected case for its ente', async () => {
      const bad = await inviaFlusso(tp.gatewayUrl, token, 'SINBA', ESEMPIO_SINBA);
      expect(bad.data?.inviaFlusso.esiti.elementi.map((e) => [e.stato, e.segnalazioni.filter((s) => s.gravita === 'ERRORE').map((s) => s.codice)])).toEqual([
        ['RIFIUTATO', ['SINBA_REGIONE_RESIDENZA_MANCANTE']],
      ]);
      await inviaFlusso(tp.gatewayUrl, token, 'SINBA', esempioSinbaCorretto());
      await attendiConsegna(tp.gatewayUrl, token, 'H501.SINBA.20210520.00000014');
      const caso = await graphqlRequest<{ casoSinba: any[] }>(tp.gatewayUrl, '{ casoSinba(idBeneficiario: "PROVA BENEF") { idBeneficiario prestazioni minore { annoNascita codiceRegioneResidenza } } }', { token });
      expect(caso.data?.casoSinba).toEqual([{ idBeneficiario: 'PROVA BENEF', prestazioni: ['A1.02', 'A2.06'], minore: { annoNascita: 2005, codiceRegioneResidenza: '12' } }]);
    });

    it("refuses a flow of another ente, and flows from any purpose but gestione, storing nothing", async () => {
      const milano = await ROLE_TOKENS.gestione('F205');
      const r = await inviaFlusso(tp.gatewayUrl, milano, 'PS_PSA_SINA', esempioPsCorretto('0000099'));
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.errors?.[0]?.message).toContain("Il flusso è dell'ente H501");
      const prog = await inviaFlusso(tp.gatewayUrl, await ROLE_TOKENS.programmazione('12'), 'PS_PSA_SINA', esempioPsCorretto('0000099'));
      expect(prog.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const stored = await graphqlRequest<{ flusso: unknown }>(tp.gatewayUrl, '{ flusso(nome: "H501.PS.20210520.0000099") { nome } }', { token });
      expect(stored.data?.flusso).toBeNull();
      const notMine = await graphqlRequest<{ flusso: unknown }>(tp.gatewayUrl, '{ flusso(nome: "H501.PS.20210520.0000012") { nome } }', { token: milano });
      expect(notMine.data?.flusso).toBeNull();
    });
  });
}
