import { databaseBackends, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, testSecurity, type GraphQLResult } from '@casellario/kit/testing';
import type { PersonaIdCodec } from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

interface Page<T> {
  haAltri: boolean;
  cursoreSuccessivo: string | null;
  elementi: T[];
}

/** One query that crosses every person-linked subgraph. */
const CARTELLA = /* GraphQL */ `
  id codiceFiscale
  anagrafica { cognome nome annoNascita fasciaEta genere cittadinanza }
  residenza { codiceComune codiceRegione }
  prestazioniAgevolate { codicePrestazione protocolloDomanda importoMensile importoPrestazione areaUtenza enteErogatore { codice denominazione } dsu { isee tipoIsee } }
  prestazioniSociali { codicePrestazione protocolloDomanda importoMensile importoPrestazione caratterePrestazione }
  valutazioniSina { dataValutazione mobilita attivitaVitaQuotidiana invaliditaCivile necessitaInterventiSociali }
  valutazioniSip { ruoloNelNucleo caso { misura stato componenti { ruolo persona { id } } } }
`;

for (const backend of databaseBackends()) {
  describe(`the cartella through the gateway on ${backend}`, () => {
    let tp: TestPlatform;
    let codec: PersonaIdCodec;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      ({ codec } = await testSecurity());
    });
    afterAll(() => tp?.stop());

    const showcase = () => tp.dataset.showcase;
    const records = () => {
      const id = showcase().personaId;
      const prestazioni = tp.dataset.prestazioni.filter((p) => p.personaId === id);
      return {
        psa: prestazioni.filter((p) => p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3'),
        ps: prestazioni.filter((p) => p.presenzaProvaMezzi === '2' || p.presenzaProvaMezzi === '4'),
        sina: tp.dataset.valutazioniSina.filter((v) => v.personaId === id),
        sip: tp.dataset.casiSip.filter((c) => c.componenti.some((m) => m.personaId === id)),
      };
    };

    for (const [ruolo, token, headers] of [
      ['gestione', () => ROLE_TOKENS.gestione('H501'), {}],
      ['controllo', () => ROLE_TOKENS.controllo('GDF'), { 'x-riferimento': 'PV-2026-0042' }],
    ] as const) {
      it(`gives ${ruolo} one cartella spanning anagrafe, PSA, PS, SINA and SIP`, async () => {
        const r = await graphqlRequest<{ persona: Record<string, any> }>(tp.gatewayUrl, `query ($cf: String!) { persona(codiceFiscale: $cf) { ${CARTELLA} } }`, {
          token: await token(),
          headers,
          variables: { cf: showcase().codiceFiscale },
        });
        expect(r.errors).toBeUndefined();
        const p = r.data!.persona;
        const expected = records();
        expect(p.id).toBe(showcase().personaId);
        expect(p.codiceFiscale).toBe(showcase().codiceFiscale);
        expect(p.anagrafica).toEqual({ cognome: 'BIANCHI', nome: 'GIULIA', annoNascita: 1958, fasciaEta: '65-69', genere: 'FEMMINA', cittadinanza: '380' });
        expect(p.residenza).toEqual({ codiceComune: '058091', codiceRegione: '12' });
        expect(p.prestazioniAgevolate.map((x: any) => x.protocolloDomanda).sort()).toEqual(expected.psa.map((x) => x.protocolloDomanda).sort());
        expect(p.prestazioniSociali.map((x: any) => x.protocolloDomanda).sort()).toEqual(expected.ps.map((x) => x.protocolloDomanda).sort());
        expect(p.prestazioniAgevolate.find((x: any) => x.codicePrestazione === 'A1.04')).toMatchObject({
          importoMensile: 250,
          areaUtenza: 'POVERTA_ESCLUSIONE',
          enteErogatore: { codice: 'H501', denominazione: 'Comune di Roma' },
        });
        expect(p.prestazioniAgevolate.every((x: any) => typeof x.dsu?.isee === 'number')).toBe(true);
        expect(p.valutazioniSina).toHaveLength(expected.sina.length);
        expect(p.valutazioniSina[0]).toMatchObject({ mobilita: 'SI_SPOSTA_ASSISTITO', invaliditaCivile: ['PARZIALE_ALMENO_75'], necessitaInterventiSociali: ['A1.11', 'A2.07'] });
        expect(p.valutazioniSip).toHaveLength(expected.sip.length);
        expect(p.valutazioniSip[0].caso.misura).toBe('ADI');
        expect(p.valutazioniSip[0].caso.componenti.map((c: any) => c.persona.id).sort()).toEqual(
          expected.sip[0]!.componenti.map((c) => c.personaId).sort(),
        );
      });
    }

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`refuses persona(codiceFiscale:) to ${ruolo}`, async () => {
        const r = await graphqlRequest(tp.gatewayUrl, `query ($cf: String!) { persona(codiceFiscale: $cf) { id codiceFiscale } }`, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { cf: showcase().codiceFiscale },
        });
        expect(r.data).toEqual({ persona: null });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      });

      it(`shows ${ruolo} the same records with no codice fiscale or name anywhere, the rest intact`, async () => {
        const pseudonym = codec.pseudonym(showcase().personaId, ROLE_AUDIENCES[ruolo]());
        const query = `query ($dopo: String) {
          elencoPrestazioniAgevolate(filtro: { codiceComune: "058091", codicePrestazione: "A1.04" }, primi: 200, dopo: $dopo) {
            haAltri cursoreSuccessivo elementi { codicePrestazione protocolloDomanda persona { ${CARTELLA} } }
          }
        }`;
        const token = await ROLE_TOKENS[ruolo]();
        let found: Record<string, any> | undefined;
        const responses: unknown[] = [];
        let dopo: string | null = null;
        do {
          const r: GraphQLResult<{ elencoPrestazioniAgevolate: Page<any> }> = await graphqlRequest(
            tp.gatewayUrl,
            query,
            { token, variables: { dopo } },
          );
          responses.push(r.data, r.errors);
          expect(r.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
          const page: Page<any> = r.data!.elencoPrestazioniAgevolate;
          found ??= page.elementi.find((e: any) => e.persona.id === pseudonym);
          dopo = page.cursoreSuccessivo;
        } while (dopo);

        expect(found).toBeDefined();
        const p = found!.persona;
        expect(found!.protocolloDomanda).toBeNull();
        expect(p.codiceFiscale).toBeNull();
        expect(p.anagrafica).toEqual({ cognome: null, nome: null, annoNascita: null, fasciaEta: '65-69', genere: 'FEMMINA', cittadinanza: '380' });
        expect(p.residenza).toEqual({ codiceComune: '058091', codiceRegione: '12' });
        const expected = records();
        expect(p.prestazioniAgevolate.map((x: any) => x.codicePrestazione).sort()).toEqual(expected.psa.map((x) => x.codicePrestazione).sort());
        expect(p.prestazioniSociali.map((x: any) => x.codicePrestazione).sort()).toEqual(expected.ps.map((x) => x.codicePrestazione).sort());
        expect(p.valutazioniSina).toHaveLength(expected.sina.length);
        expect(p.valutazioniSip[0].caso.componenti.map((c: any) => c.persona.id).sort()).toEqual(
          expected.sip[0]!.componenti.map((c) => codec.pseudonym(c.personaId, ROLE_AUDIENCES[ruolo]())).sort(),
        );
        expect(identifyingValuesIn(responses, tp.dataset)).toEqual([]);
        expect(JSON.stringify(responses)).not.toContain(showcase().personaId);
      });
    }

    it('scopes programmazione to its own territory, exactly', async () => {
      const token = await ROLE_TOKENS.programmazione('03');
      const seen: Array<{ id: string; codiceRegioneResidenza: string }> = [];
      let dopo: string | null = null;
      do {
        const r: GraphQLResult<{ elencoPrestazioniSociali: Page<{ id: string; codiceRegioneResidenza: string }> }> = await graphqlRequest(
          tp.gatewayUrl,
          `query ($dopo: String) { elencoPrestazioniSociali(primi: 200, dopo: $dopo) { cursoreSuccessivo elementi { id codiceRegioneResidenza } } }`,
          { token, variables: { dopo } },
        );
        expect(r.errors).toBeUndefined();
        seen.push(...r.data!.elencoPrestazioniSociali.elementi);
        dopo = r.data!.elencoPrestazioniSociali.cursoreSuccessivo;
      } while (dopo);
      const expected = tp.dataset.prestazioni.filter(
        (p) => (p.presenzaProvaMezzi === '2' || p.presenzaProvaMezzi === '4') && p.codiceRegioneResidenza === '03' && p.tipoOperazione !== 'C',
      );
      expect(expected.length).toBeGreaterThan(10);
      expect(seen).toHaveLength(expected.length);
      expect(new Set(seen.map((s) => s.codiceRegioneResidenza))).toEqual(new Set(['03']));
      expect(new Set(seen.map((s) => s.id))).toEqual(new Set(expected.map((p) => codec.pseudonym(p.id, ROLE_AUDIENCES.programmazione('03')))));
    });
  });
}
