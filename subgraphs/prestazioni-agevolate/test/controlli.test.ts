import { graphqlRequest, ROLE_TOKENS, TEST_RIFERIMENTO } from '@casellario/kit/testing';
import { allPages, describeControlliSubgraph, plantedIds, type ControlliSuiteContext } from '@casellario/prestazioni-core/testing';
import { expect, it } from 'vitest';
import { accertamento, PROVA_MEZZI } from '../src/db/schema';
import { prestazioniAgevolateSubgraph } from '../src/index';

const ISEE = ['ISEE_SOPRA_SOGLIA', 'DSU_ASSENTE', 'DSU_NON_VALIDA', 'DSU_ALTRA_PERSONA'];
const EVIDENZA = 'evidenza { dataPrestazione soglia isee eccedenza dataPresentazioneDsu dataScadenzaDsu beneficiarioNelNucleo dsu { id protocollo componenti { id } } }';

type Evidenza = {
  dataPrestazione: string;
  soglia: number | null;
  isee: number | null;
  eccedenza: number | null;
  dataPresentazioneDsu: string | null;
  dataScadenzaDsu: string | null;
  beneficiarioNelNucleo: boolean | null;
  dsu: { id: string; protocollo: string; componenti: Array<{ id: string }> } | null;
};

// The shared control suite (platform/prestazioni-core/src/testing/controlli-suite.ts) on PSA's
// names, plus the ISEE controls, on the same generated data set.
describeControlliSubgraph({
  module: prestazioniAgevolateSubgraph,
  accertamento,
  provaMezzi: PROVA_MEZZI,
  names: { anomalie: 'anomaliePrestazioniAgevolate', registra: 'registraAccertamentoAgevolata', filtro: 'FiltroAnomaliePrestazioni', evidenza: 'EvidenzaAnomaliaAgevolata' },
  sanzione: { min: 500, max: 5000 },
  extend: (ctx: () => ControlliSuiteContext) => {
    const list = async (token: string, filtro: Record<string, unknown> = {}) => allPages(ctx().sg.url, 'anomalieIsee', 'FiltroAnomalieIsee', EVIDENZA, token, filtro);

    it('plants some of each ISEE kind', () => {
      const { planted, byId } = ctx();
      for (const tipo of ISEE) expect(plantedIds(planted, byId, [tipo]).length, tipo).toBeGreaterThanOrEqual(3);
    });

    it('finds for GDF exactly the planted ISEE anomalies, across pages, with what the DSU shows', async () => {
      const { planted, byId, dataset } = ctx();
      const { keys, rows } = await list(await ROLE_TOKENS.controllo('GDF'));
      expect(keys).toEqual(plantedIds(planted, byId, ISEE));
      const dsuByProtocollo = new Map(dataset.dsu.map((d) => [d.protocollo, d]));
      for (const r of rows) {
        const p = byId.get((r.prestazione as { id: string }).id)!;
        const e = r.evidenza as Evidenza;
        const d = p.numeroProtocolloDSU ? dsuByProtocollo.get(p.numeroProtocolloDSU) : undefined;
        expect(e.dataPrestazione).toBe(p.dataInizioPrestazione ?? p.dataErogazionePrestazione);
        expect(e.soglia).toBe(Number(p.importoSogliaISEE));
        switch (r.tipo) {
          case 'DSU_ASSENTE':
            expect(e).toMatchObject({ dsu: null, isee: null, beneficiarioNelNucleo: null, eccedenza: null });
            break;
          case 'DSU_ALTRA_PERSONA':
            expect(e).toMatchObject({ beneficiarioNelNucleo: false, dsu: { id: d!.id, protocollo: d!.protocollo } });
            expect(e.dsu!.componenti.map((m) => m.id)).not.toContain(p.personaId);
            break;
          case 'DSU_NON_VALIDA':
            expect(e).toMatchObject({ beneficiarioNelNucleo: true, dataPresentazioneDsu: d!.dataPresentazione, dataScadenzaDsu: d!.dataScadenza });
            expect(e.dataPrestazione > e.dataScadenzaDsu! || e.dataPrestazione < e.dataPresentazioneDsu!).toBe(true);
            break;
          case 'ISEE_SOPRA_SOGLIA':
            expect(e).toMatchObject({ beneficiarioNelNucleo: true, isee: Number(d!.isee) });
            expect(e.eccedenza).toBeCloseTo(Number(d!.isee) - Number(p.importoSogliaISEE), 2);
            expect(e.eccedenza!).toBeGreaterThan(0);
            break;
          default:
            throw new Error(`tipo inatteso ${String(r.tipo)}`);
        }
      }
    });

    it('filters by kind and ente, and scopes a comune’s control body to its own benefits', async () => {
      const { planted, byId } = ctx();
      const gdf = await ROLE_TOKENS.controllo('GDF');
      expect((await list(gdf, { tipo: ['DSU_NON_VALIDA', 'DSU_ASSENTE'] })).keys).toEqual(plantedIds(planted, byId, ['DSU_NON_VALIDA', 'DSU_ASSENTE']));
      const enti = [...new Set(planted.filter((a) => ISEE.includes(a.tipo)).map((a) => byId.get(a.prestazioneId)!.enteCodice))];
      for (const ente of enti) {
        expect((await list(gdf, { enteErogatore: ente })).keys).toEqual(plantedIds(planted, byId, ISEE, ente));
        if (/^[A-Z]\d{3}$/.test(ente)) {
          expect({ ente, keys: (await list(await ROLE_TOKENS.controllo(ente))).keys }).toEqual({ ente, keys: plantedIds(planted, byId, ISEE, ente) });
        }
      }
    });

    it('reads a page of ISEE anomalies in one SQL statement', async () => {
      const { counting, countingServer, planted, byId } = ctx();
      counting.queries.length = 0;
      const r = await graphqlRequest<{ anomalieIsee: { elementi: unknown[] } }>(
        countingServer.url,
        '{ anomalieIsee(primi: 100) { elementi { tipo evidenza { dataPrestazione soglia isee beneficiarioNelNucleo } } } }',
        { token: await ROLE_TOKENS.controllo('GDF') },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.anomalieIsee.elementi).toHaveLength(plantedIds(planted, byId, ISEE).length);
      expect(counting.queries).toHaveLength(1);
    });

    it('records the persons of the ISEE anomalies read, and the DSU protocol against its declarant', async () => {
      const { sg, planted, byId } = ctx();
      sg.accessLog.records.length = 0;
      const r = await graphqlRequest(sg.url, '{ anomalieIsee(filtro: { tipo: [DSU_ALTRA_PERSONA] }, primi: 100) { elementi { evidenza { dsu { protocollo } } } } }', {
        token: await ROLE_TOKENS.controllo('GDF'),
      });
      expect(r.errors).toBeUndefined();
      const persons = new Set(planted.filter((a) => a.tipo === 'DSU_ALTRA_PERSONA').map((a) => byId.get(a.prestazioneId)!.personaId));
      const read = sg.accessLog.records.filter((x) => x.campi.includes('Query.anomalieIsee'));
      expect(new Set(read.map((x) => x.soggettoId))).toEqual(persons);
      // The DSU of another household: its protocol is recorded against that household's declarant.
      const protocolli = sg.accessLog.records.filter((x) => x.campi.includes('Dsu.protocollo'));
      expect(protocolli.length).toBe(persons.size);
      expect(protocolli.every((x) => !persons.has(x.soggettoId) && x.riferimento === TEST_RIFERIMENTO)).toBe(true);
    });

    for (const ruolo of ['gestione', 'programmazione', 'monitoraggio', 'audit'] as const) {
      it(`refuses ISEE controls to ${ruolo}: FORBIDDEN, no data`, async () => {
        const r = await graphqlRequest(ctx().sg.url, '{ anomalieIsee(primi: 100) { elementi { tipo prestazione { id } evidenza { isee } } } }', { token: await ROLE_TOKENS[ruolo]() });
        expect(r.data).toBeNull();
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      });
    }
  },
});
