import { generateDataset } from '@casellario/demo-data';
import { sopprimi, type VoceAggregata } from '@casellario/kit';
import { databaseBackends, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { aggiornaAggregati, DIMENSIONI, insiemiDi, leggiCubo, validaRichiesta, type CellaCubo, type Dimensione } from '@casellario/prestazioni-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prestazione } from '../src/db/schema';
import { prestazioniSocialiSubgraph } from '../src/index';

/**
 * The cube's suppression is the whole decision: asking any two-way table adds nothing
 * to it (platform/prestazioni-core/src/db/soppressione-cubo.ts, `verificaTabelle2D`).
 * Were it not so, a table could withhold at query time an entry another table publishes.
 * 6,000 demo persons: with lines alone, one entry of these tables was added at query time.
 */
const dataset = generateDataset({ persone: 6000, seed: 7 });

for (const backend of databaseBackends()) {
  describe(`two-way tables of the cube on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(prestazioniSocialiSubgraph, backend, (h) => prestazioniSocialiSubgraph.loadDemo!(h, dataset as never));
      await aggiornaAggregati(sg.handle, prestazione);
    });
    afterAll(() => sg?.stop());

    it('withhold at query time nothing the cube did not withhold already', async () => {
      let tables = 0;
      const added: string[] = [];
      const dims = [...DIMENSIONI];
      for (const anno of [2024, 2025, null])
        for (const codiceRegione of [null, '12', '03', '15'])
          for (let i = 0; i < dims.length; i++)
            for (let j = i + 1; j < dims.length; j++) {
              const per: Dimensione[] = [dims[i]!, dims[j]!];
              const filtro = { anno, codiceRegione, codiceComune: null };
              try {
                validaRichiesta({ filtro, per });
              } catch {
                continue;
              }
              const ins = insiemiDi({ filtro, per });
              const rows = await leggiCubo(sg.handle, prestazione, [ins.celle, ...ins.margini, ins.totale], filtro);
              const voce = (r: CellaCubo, fixed: Dimensione[]): VoceAggregata => ({
                chiave: per.map((d) => (fixed.includes(d) ? (r.valori[d] ?? null) : null)),
                misure: { persone: r.persone, record: r.prestazioni, importo: r.importo },
                ...(r.soppressa === 1 ? { soppressione: 'PRIMARIA' as const } : r.soppressa === 2 ? { soppressione: 'SECONDARIA' as const } : {}),
              });
              const totale = rows.find((r) => r.insieme === ins.totale);
              if (!totale) continue;
              const celle = rows.filter((r) => r.insieme === ins.celle).map((r) => voce(r, per));
              const margini = ins.margini.flatMap((s, k) => rows.filter((r) => r.insieme === s).map((r) => voce(r, per.filter((_, q) => q !== k))));
              const input = [...celle, ...margini, voce(totale, [])];
              const out = sopprimi({ dimensioni: 2, celle, margini, totale: input[input.length - 1]! }, 5);
              tables++;
              [...out.celle, ...out.margini, out.totale].forEach((o, q) => {
                if (o.soppressione && !input[q]!.soppressione) added.push(`${per.join('×')} ${JSON.stringify(filtro)} ${JSON.stringify(o.chiave)}`);
              });
            }
      expect(tables).toBeGreaterThan(100);
      expect(added).toEqual([]);
    });
  });
}
