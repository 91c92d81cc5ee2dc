import { generateDataset } from '@casellario/demo-data';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinbaSubgraph } from '../src/index';

interface Cella {
  chiave: (string | null)[];
  etichetta: (string | null)[];
  soggetti: number | null;
  numero: number | null;
  soppressa: boolean;
}
interface Tabella {
  celle: Cella[];
  margini: Cella[];
  totale: Cella;
}

const CELLA = 'chiave etichetta soggetti numero soppressa';
const QUERY = `query ($filtro: FiltroAggregati, $per: [DimensioneSinba!]!) {
  t: aggregatiEventiSinba(filtro: $filtro, per: $per) { celle { ${CELLA} } margini { ${CELLA} } totale { ${CELLA} } }
}`;

/**
 * SINBA case events (docs/aggregati.md) on a demo data set large enough to publish
 * something (4,000 persons → 20 cases): counts equal those of the cases themselves,
 * children counted once per ente and local id, small cells withheld, and the purposes
 * that read no aggregates refused.
 */
const dataset = generateDataset({ persone: 4000, seed: 7 });
const casi = dataset.casiSinba;

for (const backend of databaseBackends()) {
  describe(`SINBA aggregates on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(sinbaSubgraph, backend, (h) => sinbaSubgraph.loadDemo(h, dataset));
    });
    afterAll(() => sg?.stop());

    const ask = async (token: Promise<string>, variables: Record<string, unknown>) => graphqlRequest<{ t: Tabella | null }>(sg.url, QUERY, { token: await token, variables });

    it('by event: every case reported once, each other event as many times as cases show it', async () => {
      const r = await ask(ROLE_TOKENS.monitoraggio(), { per: ['EVENTO'] });
      expect(r.errors).toBeUndefined();
      const t = r.data!.t!;
      const expected: Record<string, number> = {
        SEGNALAZIONE: casi.length,
        SEGNALAZIONE_AUTORITA_GIUDIZIARIA: casi.filter((c) => c.attributi.segnalazioneAutoritaGiudiziaria === '1').length,
        PROVVEDIMENTO_GIUDIZIARIO: casi.filter((c) => c.attributi.provvedimentoGiudiziario === '1').length,
        AFFIDO: casi.filter((c) => c.attributi.formaInterventoAffido).length,
        INSERIMENTO_RESIDENZIALE: casi.filter((c) => c.attributi.carattereInserimentoResidenziale).length,
        CHIUSURA: casi.filter((c) => c.attributi.motivazioneChiusuraCarico || c.attributi.situazioneChiusuraCarico).length,
      };
      expect(casi.length).toBeGreaterThanOrEqual(10);
      const present = Object.entries(expected).filter(([, n]) => n > 0);
      expect(t.celle.map((c) => c.chiave[0]).sort()).toEqual(present.map(([e]) => e).sort());
      for (const c of t.celle) {
        const n = expected[c.chiave[0]!]!;
        // One event per case here, so children = events.
        if (n < 5) expect(c).toMatchObject({ soppressa: true, numero: null, soggetti: null });
        else if (!c.soppressa) expect([c.numero, c.soggetti]).toEqual([n, n]);
      }
      expect(t.celle.find((c) => c.chiave[0] === 'SEGNALAZIONE')).toMatchObject({
        numero: casi.length,
        soggetti: new Set(casi.map((c) => `${c.enteCodice}:${c.idBeneficiario}`)).size,
        etichetta: ['prima segnalazione'],
      });
      expect(t.totale.numero).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    });

    it('by year of first report and age band: no published cell below 5, none computable from the margins', async () => {
      const r = await ask(ROLE_TOKENS.monitoraggio(), { per: ['ANNO', 'FASCIA_ETA'] });
      expect(r.errors).toBeUndefined();
      const t = r.data!.t!;
      for (const c of [...t.celle, ...t.margini, t.totale]) if (!c.soppressa) expect(c.soggetti).toBeGreaterThanOrEqual(5);
      for (const axis of [0, 1]) {
        for (const m of t.margini.filter((x) => x.chiave[axis] !== null)) {
          const line = [...t.celle.filter((c) => c.chiave[axis] === m.chiave[axis]), m];
          expect(line.filter((c) => c.soppressa).length).not.toBe(1);
        }
      }
      const years = new Map<string, number>();
      for (const c of casi) {
        const y = c.attributi.dataPrimaSegnalazione!.slice(3);
        years.set(y, (years.get(y) ?? 0) + 1);
      }
      expect(t.margini.filter((m) => m.chiave[1] === null).map((m) => m.chiave[0]).sort()).toEqual([...years.keys()].sort());
    });

    it('every table agrees with every other: a 1-D table is the margin of each 2-D one, withheld or not', async () => {
      const dims = ['REGIONE', 'ANNO', 'EVENTO', 'FASCIA_ETA', 'LUOGO_VITA'];
      const oneD = new Map<string, Tabella>();
      for (const d of dims) oneD.set(d, (await ask(ROLE_TOKENS.monitoraggio(), { per: [d] })).data!.t!);
      let compared = 0;
      let withheldSeen = 0;
      for (let i = 0; i < dims.length; i++) {
        for (let j = i + 1; j < dims.length; j++) {
          const t = (await ask(ROLE_TOKENS.monitoraggio(), { per: [dims[i], dims[j]] })).data!.t!;
          for (const [axis, d] of [[0, dims[i]!], [1, dims[j]!]] as const) {
            const margins = t.margini.filter((m) => m.chiave[axis] !== null);
            const cells = oneD.get(d)!.celle;
            expect(margins.map((m) => m.chiave[axis]).sort()).toEqual(cells.map((c) => c.chiave[0]).sort());
            for (const m of margins) {
              const c = cells.find((x) => x.chiave[0] === m.chiave[axis])!;
              expect([m.soppressa, m.soggetti, m.numero]).toEqual([c.soppressa, c.soggetti, c.numero]);
              compared++;
              if (c.soppressa) withheldSeen++;
            }
          }
          expect([t.totale.soppressa, t.totale.numero]).toEqual([oneD.get(dims[0]!)!.totale.soppressa, oneD.get(dims[0]!)!.totale.numero]);
        }
      }
      expect(compared).toBeGreaterThan(50);
      expect(withheldSeen).toBeGreaterThan(0);
    });

    it('takes no year or territory filter: another population would be a difference away', async () => {
      const anno = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { anno: 2024 }, per: ['EVENTO'] });
      expect(anno.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(anno.errors?.[0]?.message).toContain('per: [ANNO]');
      const regione = await ask(ROLE_TOKENS.monitoraggio(), { filtro: { codiceRegione: '12' }, per: ['EVENTO'] });
      expect(regione.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      // Its own territory, said again, is no other population.
      const own = await ask(ROLE_TOKENS.programmazione('12'), { filtro: { codiceRegione: '12' }, per: ['EVENTO'] });
      expect(own.errors).toBeUndefined();
    });

    it('controllo and gestione read no aggregates; programmazione of another region is refused', async () => {
      for (const token of [ROLE_TOKENS.controllo('GDF'), ROLE_TOKENS.gestione('H501')]) {
        const r = await graphqlRequest<unknown>(sg.url, QUERY, { token: await token, variables: { per: ['EVENTO'] }, headers: { 'x-riferimento': 'PV-2026-0042' } });
        expect(r.data).toBeNull();
        expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      const other = await ask(ROLE_TOKENS.programmazione('12'), { filtro: { codiceRegione: '03' }, per: ['EVENTO'] });
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
}
