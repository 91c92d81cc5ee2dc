import type { DemoPrestazione } from '@casellario/demo-data';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { aggiornaAggregati, conAggiornamentoAggregati, segnaAggregatiDaAggiornare, statoAggregati } from '@casellario/prestazioni-core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prestazione } from '../src/db/schema';
import { prestazioniSocialiSubgraph } from '../src/index';

/**
 * Secondary suppression is decided for the whole cube, not table by table
 * (platform/prestazioni-core/src/db/soppressione-cubo.ts). Lazio by comune in 2025:
 * Roma 3 persons (withheld, fewer than 5), Viterbo 30 and Rieti 40. Beside a published
 * region total, Roma alone would be 73 − 30 − 40: so Viterbo, the smaller, is withheld
 * too. Viterbo's own table (by sex) has Viterbo as its total: were it published there,
 * subtraction would give Roma back. It must be withheld there as well.
 */
const ROMA = '058091';
const VITERBO = '056059';
const RIETI = '057059';

function benefits(comune: string, persone: number, offset: number): DemoPrestazione[] {
  return Array.from({ length: persone }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(offset + i).padStart(12, '0')}`,
    personaId: `00000000-0000-4000-9000-${String(offset + i).padStart(12, '0')}`,
    enteCodice: 'H501',
    tipoOperazione: 'I',
    presenzaProvaMezzi: '2',
    caratterePrestazione: '2',
    codicePrestazione: 'A1.01',
    denominazionePrestazione: 'Prestazione di prova',
    protocolloDomanda: `P/${offset + i}`,
    dataErogazionePrestazione: '2025-03-10',
    importoPrestazione: '100.00',
    presaCarico: '2',
    codiceComuneResidenza: comune,
    codiceRegioneResidenza: '12',
    annoNascita: String(1950 + (i % 40)),
    genere: i % 2 === 0 ? '1' : '2',
  }));
}

const CELLA = 'chiave persone prestazioni importo soppressa soppressione';
const QUERY = `query ($filtro: FiltroAggregati, $per: [DimensioneAggregato!]!) {
  t: aggregatiPrestazioniSociali(filtro: $filtro, per: $per) { celle { ${CELLA} } totale { ${CELLA} } }
}`;

for (const backend of databaseBackends()) {
  describe(`the cube's suppression on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      const prestazioni = [...benefits(ROMA, 3, 0), ...benefits(VITERBO, 30, 100), ...benefits(RIETI, 40, 200)];
      sg = await startTestSubgraph(prestazioniSocialiSubgraph, backend, (h) => prestazioniSocialiSubgraph.loadDemo!(h, { prestazioni, dsu: [] } as never));
    });
    afterAll(() => sg?.stop());

    const ask = async (variables: Record<string, unknown>) => {
      const r = await graphqlRequest<{ t: { celle: Array<Record<string, unknown>>; totale: Record<string, unknown> } }>(sg.url, QUERY, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables,
      });
      expect(r.errors).toBeUndefined();
      return r.data!.t;
    };

    it('withholds Roma (3), then Viterbo so that the region total does not give Roma away', async () => {
      const t = await ask({ filtro: { anno: 2025 }, per: ['COMUNE'] });
      const cell = (c: string) => t.celle.find((x) => (x.chiave as string[])[0] === c)!;
      expect(cell(ROMA)).toMatchObject({ soppressa: true, soppressione: 'PRIMARIA', persone: null });
      expect(cell(VITERBO)).toMatchObject({ soppressa: true, soppressione: 'SECONDARIA', persone: null });
      expect(cell(RIETI)).toMatchObject({ soppressa: false, persone: 40, prestazioni: 40, importo: 4000 });
      expect(t.totale).toMatchObject({ soppressa: false, persone: 73, importo: 7300 });
    });

    it("keeps Viterbo withheld as the total of Viterbo's own table, and one of its cells with it", async () => {
      const t = await ask({ filtro: { anno: 2025, codiceComune: VITERBO }, per: ['GENERE'] });
      expect(t.totale).toMatchObject({ soppressa: true, persone: null, importo: null });
      // 15 and 15: neither small, but with the total withheld one alone would still be a difference away.
      expect(t.celle.filter((c) => c.soppressa)).toHaveLength(2);
    });

    it("publishes Rieti's table whole: its total is Rieti's published cell", async () => {
      const t = await ask({ filtro: { anno: 2025, codiceComune: RIETI }, per: ['GENERE'] });
      expect(t.totale).toMatchObject({ soppressa: false, persone: 40 });
      expect(t.celle.map((c) => [c.chiave, c.persone])).toEqual([
        [['1'], 20],
        [['2'], 20],
      ]);
    });

    it('leaves no dead copy behind: the same benefits computed again take the same room, under the same index', async () => {
      const size = async () =>
        (await sg.handle.rows<{ n: number }>(sql`select pg_total_relation_size('prestazioni_sociali.aggregato')::int as n`))[0]!.n;
      const recompute = async () => {
        await segnaAggregatiDaAggiornare(sg.handle, prestazione);
        expect((await aggiornaAggregati(sg.handle, prestazione)).aggiornato).toBe(true);
      };
      await recompute();
      const first = await size();
      const before = await ask({ filtro: { anno: 2025 }, per: ['COMUNE'] });
      // Deleted rows would keep their room until vacuum: three refreshes would take about three times it.
      for (let i = 0; i < 3; i++) await recompute();
      expect(await size()).toBe(first);
      expect(await ask({ filtro: { anno: 2025 }, per: ['COMUNE'] })).toEqual(before);
      const indexes = await sg.handle.rows<{ indexname: string }>(
        sql`select indexname from pg_indexes where schemaname = 'prestazioni_sociali' and tablename in ('aggregato', 'aggregato_calcolo') order by 1`,
      );
      expect(indexes.map((i) => i.indexname)).toEqual(['aggregato_lettura']);
    });

    it('recomputes a stale cube in the background: what arrived shows once it has run, with its time', async () => {
      const before = await ask({ filtro: { anno: 2025, codiceComune: RIETI }, per: ['GENERE'] });
      const stato = await statoAggregati(sg.handle, prestazione);
      // Five more persons in Rieti, delivered the way every writer does: the cube is marked stale.
      await prestazioniSocialiSubgraph.loadDemo!(sg.handle, { prestazioni: benefits(RIETI, 5, 300), dsu: [] } as never);
      expect((await statoAggregati(sg.handle, prestazione)).modificato).toBe(true);
      expect((await ask({ filtro: { anno: 2025, codiceComune: RIETI }, per: ['GENERE'] })).totale).toEqual(before.totale);

      const refresher = conAggiornamentoAggregati({ server: null as never, url: '', port: 0, close: async () => {} }, sg.handle, prestazione, 0.05);
      try {
        for (let i = 0; i < 200 && (await statoAggregati(sg.handle, prestazione)).modificato; i++) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await refresher.close();
      }
      const after = await statoAggregati(sg.handle, prestazione);
      expect(after.modificato).toBe(false);
      expect(after.aggiornatoAl! >= stato.aggiornatoAl!).toBe(true);
      expect((await ask({ filtro: { anno: 2025, codiceComune: RIETI }, per: ['GENERE'] })).totale).toMatchObject({ persone: 45, importo: 4500 });
    });
  });
}

/**
 * A refresh takes minutes at national size: a delivery that marks the cube stale
 * meanwhile must not wait for it, and its mark must survive the refresh's commit (the
 * refresh read the version before the benefits, so what came after stays stale).
 * PostgreSQL only: PGlite has one connection, where every statement waits its turn.
 */
if (databaseBackends().includes('postgres')) {
  describe('a refresh of the cube beside a delivery, on postgres', () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(prestazioniSocialiSubgraph, 'postgres');
      // 80,000 benefits of 28,000 persons, so that the refresh lasts (about two seconds) long enough to overlap.
      await sg.handle.rows(sql`
        insert into prestazioni_sociali.prestazione (id, persona_id, ente_codice, presenza_prova_mezzi, carattere_prestazione, codice_prestazione,
               denominazione_prestazione, protocollo_domanda, data_erogazione, importo_prestazione, presa_carico, codice_comune_residenza, codice_regione_residenza, anno_nascita, genere)
        select md5('b' || i)::uuid, md5('p' || (i % 28000))::uuid, 'H501', '2', '2', 'A1.0' || (i % 9 + 1), 'Prova', 'P/' || i,
               date '2025-01-01' + (i % 365), 100, '2', '058' || lpad((i % 120 + 1)::text, 3, '0'), '12', 1940 + i % 80, (1 + i % 2)::text
          from generate_series(1, 80000) as i`);
    });
    afterAll(() => sg?.stop());

    it('lets the delivery mark the cube stale at once, and keeps it stale after the refresh commits', async () => {
      const refresh = aggiornaAggregati(sg.handle, prestazione);
      let refreshed = false;
      void refresh.then(() => (refreshed = true));
      await new Promise((r) => setTimeout(r, 150));
      const started = performance.now();
      await segnaAggregatiDaAggiornare(sg.handle, prestazione);
      const waited = performance.now() - started;
      // The mark did not wait for the refresh, which was still running.
      expect(refreshed).toBe(false);
      expect(waited).toBeLessThan(1000);
      const { aggiornato } = await refresh;
      expect(aggiornato).toBe(true);
      expect((await statoAggregati(sg.handle, prestazione)).modificato).toBe(true);
    });
  });
}
