import { serviceTokenSource } from '@casellario/policies';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { DSU_BIANCHI_RECORD, DSU_ROSSI_RECORD, FIXTURE_DATASET, PSA } from '@casellario/prestazioni-core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dsu } from '../src/db/schema';
import { COLONNE_DSU, importaDsu, parseDsuCsv } from '../src/importa-dsu';
import { prestazioniAgevolateSubgraph } from '../src/index';

/** A DSU as a line of the import file. */
function riga(d: typeof DSU_ROSSI_RECORD): string {
  return COLONNE_DSU.map((c) => (c === 'componentiIds' ? d.componentiIds.join('|') : String(d[c]))).join(';');
}

for (const backend of databaseBackends()) {
  describe(`DSU import into prestazioni-agevolate on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      // The fixture's benefits, but none of its DSU: every ISEE-tested benefit lacks its DSU until imported.
      sg = await startTestSubgraph(prestazioniAgevolateSubgraph, backend, (h) => prestazioniAgevolateSubgraph.loadDemo(h, { ...FIXTURE_DATASET, dsu: [] }));
    });
    afterAll(() => sg?.stop());

    const assenti = async () => {
      const r = await graphqlRequest<{ anomalieIsee: { elementi: Array<{ prestazione: { id: string } }> } }>(
        sg.url,
        '{ anomalieIsee(filtro: { tipo: [DSU_ASSENTE], enteErogatore: "H501" }, primi: 200) { elementi { prestazione { id } } } }',
        { token: await ROLE_TOKENS.controllo('GDF') },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.anomalieIsee.elementi.map((e) => e.prestazione.id);
    };

    it('imports a CSV of DSU through the internal endpoint: valid records stored, invalid ones refused with line and reason, twice the same', async () => {
      expect(await assenti()).toEqual([PSA.rossiPeriodica.id]);
      const csv = [
        COLONNE_DSU.join(';'),
        riga(DSU_ROSSI_RECORD),
        riga({ ...DSU_BIANCHI_RECORD, isee: '12000.00' }),
        riga({ ...DSU_BIANCHI_RECORD, id: 'd0000000-0000-4000-8000-000000000399', protocollo: 'ISEE-2024-1' }),
      ].join('\n');
      const records = parseDsuCsv(csv);
      expect(records[0]).toEqual(DSU_ROSSI_RECORD);
      const token = await serviceTokenSource('svc-importa-dsu')();
      const esito = await importaDsu(sg.url, records, token);
      expect(esito).toEqual({
        importati: 1,
        rifiutati: [
          { riga: 3, protocollo: DSU_BIANCHI_RECORD.protocollo, errore: 'isee: diverso da ISE ÷ scala di equivalenza' },
          { riga: 4, protocollo: 'ISEE-2024-1', errore: 'protocollo: atteso INPS-ISEE-AAAA-NNNNNNNNL-NN' },
        ],
      });
      expect((await sg.handle.db.select().from(dsu)).map((d) => d.protocollo)).toEqual([DSU_ROSSI_RECORD.protocollo]);
      // Rossi's benefit now rests on its DSU (valid, ISEE below the threshold): no longer an anomaly.
      expect(await assenti()).toEqual([]);
      // Importing again changes nothing.
      expect((await importaDsu(sg.url, records.slice(0, 1), token)).importati).toBe(1);
      expect(await sg.handle.db.select().from(dsu)).toHaveLength(1);
    });

    it('refuses an import without a service token, and a file with the wrong header', async () => {
      await expect(importaDsu(sg.url, [DSU_BIANCHI_RECORD], await ROLE_TOKENS.controllo('GDF'))).rejects.toThrow(/HTTP 401/);
      expect(() => parseDsuCsv('protocollo;isee\nX;1')).toThrow(/intestazione attesa/);
    });
  });
}
