import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { valoriTrattenuti } from '@casellario/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendiConsegna, inviaFlusso } from './flussi-support';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, type TestPlatform } from './platform-fixture';
import {
  CF_BENEFICIARIO_PS,
  CF_NEL_TESTO,
  flussoPsTestoLibero,
  flussoSipTestoLibero,
  nomeFlussoPs,
  nomeFlussoSip,
  TESTO_CON_CF,
  testoPiantatoIn,
} from './testo-libero-support';

/**
 * Issue 13, reproductions 2 and 5, from the attacker's side.
 * 2: a codice fiscale and a name typed into DenominazionePrestazione reached
 *    monitoraggio and Regione Lazio's programmazione verbatim in
 *    `elencoPrestazioniSociali`, and the sender's label stood for the benefit's name.
 * 5: gestione read SIP's free text and flussi's esito references without a trace
 *    in the access log.
 */
const UFFICIALE_A109 = 'Contributi economici per i servizi scolastici';
const UFFICIALE_A116 = 'Contributi economici per servizio trasporto e mobilità';

const ELENCO = /* GraphQL */ `
  query ($f: FiltroPrestazioni) {
    elencoPrestazioniSociali(filtro: $f, primi: 50) {
      elementi { __typename codicePrestazione denominazionePrestazione denominazioneEnte denominazioneDifforme importoPrestazione dataErogazione }
    }
  }
`;
// The same, through an alias and a fragment: the rule is the field's, not the query's shape.
const ELENCO_ALIAS = /* GraphQL */ `
  query ($f: FiltroPrestazioni) {
    e: elencoPrestazioniSociali(filtro: $f, primi: 50) { elementi { ...P } }
  }
  fragment P on PrestazioneSociale { __typename codicePrestazione testo: denominazioneEnte nome: denominazionePrestazione importoPrestazione dataErogazione }
`;

const REGISTRO = /* GraphQL */ `
  query ($f: FiltroAccessi) {
    registroAccessi(filtro: $f, primi: 200) { elementi { seq subgraph operatore ruolo soggetto { tipo id } campi } }
  }
`;

interface Registrato {
  seq: string;
  subgraph: string;
  operatore: string;
  ruolo: string;
  soggetto: { tipo: string; id: string };
  campi: string[];
}

/** The access records of an operator in a subgraph, as the data-protection officer reads them. */
async function registro(tp: TestPlatform, filtro: Record<string, unknown>): Promise<Registrato[]> {
  const r = await graphqlRequest<{ registroAccessi: { elementi: Registrato[] } }>(tp.gatewayUrl, REGISTRO, { token: await ROLE_TOKENS.audit(), variables: { f: filtro } });
  expect(r.errors).toBeUndefined();
  return r.data!.registroAccessi.elementi;
}

/** Our benefit (the sample's one-off A1.09 payment) in a listing. */
const nostra = (e: { codicePrestazione?: unknown; importoPrestazione?: unknown; dataErogazione?: unknown }) =>
  e.codicePrestazione === 'A1.09' && e.importoPrestazione === 1265.23 && e.dataErogazione === '2020-12-01';

for (const backend of databaseBackends()) {
  describe(`free text is identifying (issue 13, reproductions 2 and 5), on ${backend}`, () => {
    let tp: TestPlatform;
    let gestione: string;
    const trattenutiPrima = valoriTrattenuti();
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      gestione = await ROLE_TOKENS.gestione('H501');
      const ps = await inviaFlusso(tp.gatewayUrl, gestione, 'PS_PSA_SINA', flussoPsTestoLibero('0000131'));
      expect(ps.errors).toBeUndefined();
      expect(ps.data!.inviaFlusso.riepilogo.rifiutati).toBe(0);
      await attendiConsegna(tp.gatewayUrl, gestione, nomeFlussoPs('0000131'));
      const sip = await inviaFlusso(tp.gatewayUrl, gestione, 'SIP', flussoSipTestoLibero(131));
      expect(sip.errors).toBeUndefined();
      expect(sip.data!.inviaFlusso.riepilogo.rifiutati).toBe(0);
      await attendiConsegna(tp.gatewayUrl, gestione, nomeFlussoSip(131));
    });
    afterAll(() => tp?.stop());

    for (const [ruolo, token] of [
      ['monitoraggio', () => ROLE_TOKENS.monitoraggio()],
      ['programmazione of Regione Lazio', () => ROLE_TOKENS.programmazione('12')],
    ] as const) {
      it(`2: ${ruolo} gets the official name, the sender's text FORBIDDEN, and no codice fiscale nor name anywhere`, async () => {
        const filtro = { codicePrestazione: 'A1.09', codiceComune: '058091', anno: 2020 };
        const r = await graphqlRequest<{ elencoPrestazioniSociali: { elementi: Array<Record<string, any>> } }>(tp.gatewayUrl, ELENCO, { token: await token(), variables: { f: filtro } });
        const ours = r.data!.elencoPrestazioniSociali.elementi.filter(nostra);
        expect(ours).toEqual([
          {
            __typename: 'PrestazioneSociale',
            codicePrestazione: 'A1.09',
            denominazionePrestazione: UFFICIALE_A109,
            denominazioneEnte: null,
            denominazioneDifforme: true,
            importoPrestazione: 1265.23,
            dataErogazione: '2020-12-01',
          },
        ]);
        const denied = r.errors!.filter((e) => e.path?.at(-1) === 'denominazioneEnte');
        expect(denied.length).toBe(r.data!.elencoPrestazioniSociali.elementi.length);
        expect(denied.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
        expect(testoPiantatoIn(r.raw)).toEqual([]);
        expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);

        const a = await graphqlRequest<{ e: { elementi: Array<Record<string, any>> } }>(tp.gatewayUrl, ELENCO_ALIAS, { token: await token(), variables: { f: filtro } });
        expect(a.data!.e.elementi.filter(nostra).map((e) => [e.nome, e.testo])).toEqual([[UFFICIALE_A109, null]]);
        expect(testoPiantatoIn(a.raw)).toEqual([]);
      });
    }

    it('2: directly at the subgraph and through _entities, monitoraggio still gets no sender text', async () => {
      const token = await ROLE_TOKENS.monitoraggio();
      const url = tp.subgraphUrl('prestazioni-sociali');
      const listed = await graphqlRequest<{ elencoPrestazioniSociali: { elementi: Array<{ id: string; codicePrestazione: string; importoPrestazione: number | null; dataErogazione: string | null }> } }>(
        url,
        `{ elencoPrestazioniSociali(filtro: { codicePrestazione: "A1.09", codiceComune: "058091", anno: 2020 }, primi: 50) { elementi { id codicePrestazione importoPrestazione dataErogazione denominazioneEnte } } }`,
        { token },
      );
      expect(testoPiantatoIn(listed.raw)).toEqual([]);
      const id = listed.data!.elencoPrestazioniSociali.elementi.find(nostra)!.id;
      const entities = await graphqlRequest<{ _entities: Array<Record<string, unknown>> }>(
        url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on PrestazioneSociale { denominazionePrestazione denominazioneEnte denominazioneDifforme } } }`,
        { token, variables: { r: [{ __typename: 'PrestazioneSociale', id }] } },
      );
      expect(entities.data!._entities).toEqual([{ denominazionePrestazione: UFFICIALE_A109, denominazioneEnte: null, denominazioneDifforme: true }]);
      expect(entities.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['_entities.0.denominazioneEnte', 'FORBIDDEN']]);
      // Error texts do not carry it either.
      expect(testoPiantatoIn(entities.raw)).toEqual([]);
    });

    it("2: gestione's cartella shows the official name, the sender's text beside it and the mismatch, and logs the read", async () => {
      const r = await graphqlRequest<{ persona: { id: string; prestazioniSociali: Array<Record<string, unknown>> } }>(
        tp.gatewayUrl,
        `query ($cf: String!) { persona(codiceFiscale: $cf) { id prestazioniSociali { codicePrestazione denominazionePrestazione denominazioneEnte denominazioneDifforme } } }`,
        { token: gestione, variables: { cf: CF_BENEFICIARIO_PS } },
      );
      expect(r.errors).toBeUndefined();
      const byCode = Object.fromEntries(r.data!.persona.prestazioniSociali.map((p) => [p.codicePrestazione, p]));
      expect(byCode['A1.09']).toEqual({ codicePrestazione: 'A1.09', denominazionePrestazione: UFFICIALE_A109, denominazioneEnte: TESTO_CON_CF, denominazioneDifforme: true });
      expect(byCode['A1.16']).toEqual({ codicePrestazione: 'A1.16', denominazionePrestazione: UFFICIALE_A116, denominazioneEnte: UFFICIALE_A116, denominazioneDifforme: false });
      const records = await registro(tp, { subgraph: 'prestazioni-sociali', persona: r.data!.persona.id, operatore: 'op-gestione-H501' });
      expect(records.some((x) => x.ruolo === 'gestione' && x.campi.includes('PrestazioneSociale.denominazioneEnte'))).toBe(true);
    });

    it("5: gestione's read of SIP's case number, objectives and commitments leaves access records", async () => {
      const r = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ protocolloCaso: string; progetto: { obiettivi: string[]; impegni: Array<{ descrizione: string }> } }> } }>(
        tp.gatewayUrl,
        `{ elencoCasiSip(filtro: { codiceComune: "058091", anno: 2024 }, primi: 50) { elementi { protocolloCaso progetto { obiettivi impegni { descrizione } } } } }`,
        { token: gestione },
      );
      expect(r.errors).toBeUndefined();
      const caso = r.data!.elencoCasiSip.elementi.find((c) => c.protocolloCaso.includes(CF_NEL_TESTO))!;
      expect(caso.progetto).toEqual({ obiettivi: [TESTO_CON_CF], impegni: [{ descrizione: TESTO_CON_CF }] });
      const records = await registro(tp, { subgraph: 'sip', operatore: 'op-gestione-H501' });
      const campi = new Set(records.flatMap((x) => x.campi));
      expect([...campi].filter((c) => /protocolloCaso|obiettivi|descrizione/.test(c)).sort()).toEqual(['CasoSip.protocolloCaso', 'ImpegnoSip.descrizione', 'ProgettoSip.obiettivi']);
      expect(records.find((x) => x.campi.includes('CasoSip.protocolloCaso'))!.soggetto.tipo).toBe('caso-sip');
      expect(records.find((x) => x.campi.includes('ImpegnoSip.descrizione'))!.soggetto.tipo).toBe('persona');
      // And the same free text is FORBIDDEN to the pseudonymous purposes.
      const m = await graphqlRequest(tp.gatewayUrl, `{ elencoCasiSip(filtro: { codiceComune: "058091" }, primi: 50) { elementi { protocolloCaso progetto { obiettivi impegni { descrizione } } } } }`, {
        token: await ROLE_TOKENS.programmazione('12'),
      });
      expect(testoPiantatoIn(m.raw)).toEqual([]);
      expect(m.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    });

    it("5: gestione's read of a flow's esiti references and protocols leaves access records, one per record", async () => {
      // The records this read writes are those after the latest one (sending the flow and
      // waiting for it read the esiti too); request ids are the gateway's, not the client's.
      const ultimo = Math.max(0, ...(await registro(tp, { subgraph: 'flussi' })).map((x) => Number(x.seq)));
      const r = await graphqlRequest<{ flusso: { esiti: { elementi: Array<{ numero: number; riferimento: string; protocolloDomanda: string }> } } }>(
        tp.gatewayUrl,
        `query ($n: String!) { flusso(nome: $n) { esiti(primi: 10) { elementi { numero riferimento protocolloDomanda } } } }`,
        { token: gestione, variables: { n: nomeFlussoPs('0000131') } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.flusso.esiti.elementi.map((e) => e.riferimento)).toEqual(['AAA***********1T', 'AAA***********1T', 'AAA***********1T']);
      const records = (await registro(tp, { subgraph: 'flussi' })).filter((x) => Number(x.seq) > ultimo);
      // The subject is the record of the flow's stored part: `<part uuid>:<record number>`.
      expect(new Set(records.map((x) => x.soggetto.id.split(':')[0])).size).toBe(1);
      expect(records.every((x) => x.soggetto.tipo === 'esito' && /^[0-9a-f-]{36}:\d+$/.test(x.soggetto.id) && x.ruolo === 'gestione')).toBe(true);
      expect(records.map((x) => [x.soggetto.id.split(':')[1], x.campi]).sort()).toEqual([
        ['1', ['Esito.protocolloDomanda', 'Esito.riferimento']],
        ['2', ['Esito.protocolloDomanda', 'Esito.riferimento']],
        ['3', ['Esito.protocolloDomanda', 'Esito.riferimento']],
      ]);
    });

    it('never needed the response guard: the shield withheld the text, the guard counted nothing', () => {
      expect(valoriTrattenuti() - trattenutiPrima).toBe(0);
    });
  });
}
