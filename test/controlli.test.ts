import { databaseBackends, graphqlRequest, ROLE_TOKENS } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

type Json = Record<string, any>;

const ANOMALIE = /* GraphQL */ `
  query ($primi: Int) {
    anomalieIsee(primi: $primi) {
      elementi {
        tipo
        prestazione { id codicePrestazione enteErogatore { codice denominazione } persona { id codiceFiscale anagrafica { cognome nome } } }
        evidenza { dataPrestazione soglia isee eccedenza beneficiarioNelNucleo dsu { protocollo } }
      }
    }
    anomaliePrestazioniAgevolate(primi: $primi) { elementi { tipo prestazione { id persona { codiceFiscale } } } }
    anomaliePrestazioniSociali(primi: $primi) {
      elementi { tipo prestazione { id persona { codiceFiscale } } evidenza { sovrapposte { prestazione { id enteErogatore { codice } } dal al } importoAtteso importoDichiarato } }
    }
  }
`;

/**
 * The controls through the gateway, as a Guardia di Finanza operator with a case
 * reference uses them: every anomaly the demo data set plants, in the three listings,
 * with the person's codice fiscale and name joined from anagrafe; an accertamento
 * recorded on one; both reads and the accertamento in the access log. Other purposes
 * are refused at the gateway too.
 */
for (const backend of databaseBackends()) {
  describe(`controls through the gateway on ${backend}`, () => {
    let tp: TestPlatform;
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
    });
    afterAll(() => tp?.stop());

    const headers = { 'x-riferimento': 'PV-2026-0042' };

    it('lists every planted anomaly for GDF, with the codice fiscale and name of the person joined from anagrafe', async () => {
      const r = await graphqlRequest<Record<string, { elementi: Json[] }>>(tp.gatewayUrl, ANOMALIE, {
        token: await ROLE_TOKENS.controllo('GDF'),
        headers: { ...headers, 'x-request-id': 'req-controlli-1' },
        variables: { primi: 200 },
      });
      expect(r.errors).toBeUndefined();
      const found = Object.values(r.data!).flatMap((page) => page.elementi.map((e) => `${e.tipo}:${e.prestazione.id}`));
      expect(found.sort()).toEqual(tp.dataset.anomalie.map((a) => `${a.tipo}:${a.prestazioneId}`).sort());

      const persone = new Map(tp.dataset.persone.map((p) => [p.id, p]));
      const prestazioni = new Map(tp.dataset.prestazioni.map((p) => [p.id, p]));
      for (const e of r.data!.anomalieIsee!.elementi) {
        const persona = persone.get(prestazioni.get(e.prestazione.id)!.personaId)!;
        expect(e.prestazione.persona).toEqual({ id: persona.id, codiceFiscale: persona.codiceFiscale, anagrafica: { cognome: persona.cognome, nome: persona.nome } });
        expect(e.prestazione.enteErogatore.denominazione).toBeTruthy();
      }
      for (const e of r.data!.anomaliePrestazioniSociali!.elementi) {
        expect(e.prestazione.persona.codiceFiscale).toBe(persone.get(prestazioni.get(e.prestazione.id)!.personaId)!.codiceFiscale);
        if (e.tipo === 'SOVRAPPOSIZIONE_ENTI') expect(e.evidenza.sovrapposte).toHaveLength(1);
        else expect(e.evidenza.importoDichiarato).toBeGreaterThan(e.evidenza.importoAtteso);
      }

      // The read is in the access log: each person pointed at, under the listing that named them, with the case reference.
      const logged = await tp.platform.handles.accessi!.rows<{ subgraph: string; soggetto_id: string; campi: string[]; riferimento: string }>(
        sql`select subgraph, soggetto_id, campi, riferimento from accessi.accesso where request_id_cliente = 'req-controlli-1'`,
      );
      const iseePersons = new Set(r.data!.anomalieIsee!.elementi.map((e) => e.prestazione.persona.id));
      const loggedIsee = logged.filter((x) => x.subgraph === 'prestazioni-agevolate' && x.campi.includes('Query.anomalieIsee'));
      expect(new Set(loggedIsee.map((x) => x.soggetto_id))).toEqual(iseePersons);
      expect(logged.some((x) => x.subgraph === 'prestazioni-sociali' && x.campi.includes('Query.anomaliePrestazioniSociali'))).toBe(true);
      expect(logged.some((x) => x.subgraph === 'anagrafe' && x.campi.includes('Persona.codiceFiscale'))).toBe(true);
      expect(logged.every((x) => x.riferimento === 'PV-2026-0042')).toBe(true);
    });

    it('records an accertamento on an anomaly, audited against the person', async () => {
      const a = tp.dataset.anomalie.find((x) => x.tipo === 'ISEE_SOPRA_SOGLIA')!;
      const personaId = tp.dataset.prestazioni.find((p) => p.id === a.prestazioneId)!.personaId;
      const r = await graphqlRequest<{ registraAccertamentoAgevolata: Json }>(
        tp.gatewayUrl,
        `mutation ($i: AccertamentoInput!) {
          registraAccertamentoAgevolata(input: $i) { id esito importoDaRecuperare sanzione riferimento ente prestazione { id persona { codiceFiscale } } }
        }`,
        {
          token: await ROLE_TOKENS.controllo('GDF'),
          headers: { ...headers, 'x-request-id': 'req-controlli-2' },
          variables: { i: { prestazione: a.prestazioneId, tipoAnomalia: 'ISEE_SOPRA_SOGLIA', esito: 'CONFERMATO', importoDaRecuperare: 1200, sanzione: 500, note: 'ISEE oltre la soglia' } },
        },
      );
      expect(r.errors).toBeUndefined();
      const codiceFiscale = tp.dataset.persone.find((p) => p.id === personaId)!.codiceFiscale;
      expect(r.data?.registraAccertamentoAgevolata).toMatchObject({
        esito: 'CONFERMATO',
        importoDaRecuperare: 1200,
        sanzione: 500,
        riferimento: 'PV-2026-0042',
        ente: 'GDF',
        prestazione: { id: a.prestazioneId, persona: { codiceFiscale } },
      });
      const logged = await tp.platform.handles.accessi!.rows<{ subgraph: string; soggetto_id: string; campi: string[] }>(
        sql`select subgraph, soggetto_id, campi from accessi.accesso where request_id_cliente = 'req-controlli-2' and subgraph = 'prestazioni-agevolate'`,
      );
      expect(logged).toEqual([{ subgraph: 'prestazioni-agevolate', soggetto_id: personaId, campi: ['accertamento'] }]);
    });

    it('reads back what control bodies recorded on a benefit, by any of them, oldest first, and logs the read', async () => {
      const a = tp.dataset.anomalie.find((x) => x.tipo === 'DSU_ASSENTE')!;
      const personaId = tp.dataset.prestazioni.find((p) => p.id === a.prestazioneId)!.personaId;
      const codiceFiscale = tp.dataset.persone.find((p) => p.id === personaId)!.codiceFiscale;
      const registra = async (ente: string, i: Json) => {
        const r = await graphqlRequest(tp.gatewayUrl, 'mutation ($i: AccertamentoInput!) { registraAccertamentoAgevolata(input: $i) { id } }', {
          token: await ROLE_TOKENS.controllo(ente),
          headers: { 'x-riferimento': `PV-${ente}-7` },
          variables: { i: { prestazione: a.prestazioneId, tipoAnomalia: 'DSU_ASSENTE', ...i } },
        });
        expect(r.errors).toBeUndefined();
      };
      await registra('GDF', { esito: 'ARCHIVIATO', note: 'DSU presentata in ritardo' });
      await registra('AGE', { esito: 'CONFERMATO', importoDaRecuperare: 300, sanzione: 500 });

      // AGE reads the benefit in the cartella of the person and finds both bodies' outcomes, GDF's first.
      const r = await graphqlRequest<{ persona: { prestazioniAgevolate: Json[] } }>(
        tp.gatewayUrl,
        `query ($cf: String!) { persona(codiceFiscale: $cf) { prestazioniAgevolate { id accertamenti { tipoAnomalia esito importoDaRecuperare sanzione note ente riferimento operatore prestazione { id } } } } }`,
        { token: await ROLE_TOKENS.controllo('AGE'), headers: { 'x-riferimento': 'PV-AGE-8', 'x-request-id': 'req-controlli-3' }, variables: { cf: codiceFiscale } },
      );
      expect(r.errors).toBeUndefined();
      const benefit = r.data!.persona.prestazioniAgevolate.find((p) => p.id === a.prestazioneId)!;
      expect(benefit.accertamenti).toEqual([
        { tipoAnomalia: 'DSU_ASSENTE', esito: 'ARCHIVIATO', importoDaRecuperare: null, sanzione: null, note: 'DSU presentata in ritardo', ente: 'GDF', riferimento: 'PV-GDF-7', operatore: 'op-controllo-GDF', prestazione: { id: a.prestazioneId } },
        { tipoAnomalia: 'DSU_ASSENTE', esito: 'CONFERMATO', importoDaRecuperare: 300, sanzione: 500, note: null, ente: 'AGE', riferimento: 'PV-AGE-7', operatore: 'op-controllo-AGE', prestazione: { id: a.prestazioneId } },
      ]);
      // Benefits nobody checked have none.
      for (const p of r.data!.persona.prestazioniAgevolate) if (p.id !== a.prestazioneId) expect(p.accertamenti).toEqual([]);
      const logged = await tp.platform.handles.accessi!.rows<{ soggetto_id: string; campi: string[]; riferimento: string }>(
        sql`select soggetto_id, campi, riferimento from accessi.accesso where request_id_cliente = 'req-controlli-3' and subgraph = 'prestazioni-agevolate'`,
      );
      expect(logged).toEqual([expect.objectContaining({ soggetto_id: personaId, riferimento: 'PV-AGE-8' })]);
      expect(logged[0]!.campi).toContain('PrestazioneAgevolata.accertamenti');
    });

    it('keeps accertamenti from every other purpose: by listing, alias and fragment, and through _entities at the subgraph', async () => {
      const a = tp.dataset.anomalie.find((x) => x.tipo === 'ISEE_SOPRA_SOGLIA')!;
      const granting = tp.dataset.prestazioni.find((p) => p.id === a.prestazioneId)!.enteCodice;
      const secret = 'nota riservata del controllo';
      const recorded = await graphqlRequest(tp.gatewayUrl, 'mutation ($i: AccertamentoInput!) { registraAccertamentoAgevolata(input: $i) { id } }', {
        token: await ROLE_TOKENS.controllo('GDF'),
        headers,
        variables: { i: { prestazione: a.prestazioneId, tipoAnomalia: 'ISEE_SOPRA_SOGLIA', esito: 'ARCHIVIATO', note: secret } },
      });
      expect(recorded.errors).toBeUndefined();
      const tokens = {
        gestione: await ROLE_TOKENS.gestione(granting),
        programmazione: await ROLE_TOKENS.programmazione(),
        monitoraggio: await ROLE_TOKENS.monitoraggio(),
      };
      const queries = [
        '{ elencoPrestazioniAgevolate(primi: 200) { elementi { id accertamenti { note ente esito } } } }',
        '{ e: elencoPrestazioniAgevolate(primi: 200) { elementi { ...F } } } fragment F on PrestazioneAgevolata { x: accertamenti { n: note r: riferimento } }',
        '{ elencoPrestazioniAgevolate(primi: 200) { elementi { ... on PrestazioneAgevolata { accertamenti { prestazione { persona { id } } } } } } }',
      ];
      for (const [ruolo, token] of Object.entries(tokens)) {
        for (const query of queries) {
          const r = await graphqlRequest(tp.gatewayUrl, query, { token });
          expect({ ruolo, query, codes: r.errors?.map((e) => e.extensions?.code) }).toMatchObject({ ruolo, query, codes: expect.arrayContaining(['FORBIDDEN']) });
          expect(r.raw).not.toContain(secret);
          expect(r.raw).not.toContain('PV-2026-0042');
        }
      }
      // Straight at the subgraph, by the benefit's own id, as the granting ente's case worker (who can read the benefit itself).
      const direct = await graphqlRequest<{ _entities: Array<Json | null> }>(
        tp.subgraphUrl('prestazioni-agevolate'),
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PrestazioneAgevolata { id codicePrestazione accertamenti { note } } } }',
        { token: tokens.gestione, variables: { r: [{ __typename: 'PrestazioneAgevolata', id: a.prestazioneId }] } },
      );
      expect(direct.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
      expect(direct.raw).not.toContain(secret);
      const own = await graphqlRequest<{ _entities: Array<Json | null> }>(
        tp.subgraphUrl('prestazioni-agevolate'),
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on PrestazioneAgevolata { id codicePrestazione } } }',
        { token: tokens.gestione, variables: { r: [{ __typename: 'PrestazioneAgevolata', id: a.prestazioneId }] } },
      );
      // Control: the same case worker does read the benefit itself.
      expect(own.data?._entities).toEqual([{ id: a.prestazioneId, codicePrestazione: expect.any(String) }]);
    });

    for (const ruolo of ['gestione', 'programmazione', 'monitoraggio', 'audit'] as const) {
      it(`refuses the controls to ${ruolo} through the gateway`, async () => {
        const r = await graphqlRequest(tp.gatewayUrl, '{ anomalieIsee(primi: 5) { elementi { tipo prestazione { id } } } }', { token: await ROLE_TOKENS[ruolo]() });
        expect(r.data ?? null).toBeNull();
        expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
        for (const a of tp.dataset.anomalie) expect(r.raw).not.toContain(a.prestazioneId);
      });
    }
  });
}
