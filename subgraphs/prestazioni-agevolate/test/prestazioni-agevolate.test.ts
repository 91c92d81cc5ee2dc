import { graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS } from '@casellario/kit/testing';
import { prestazioniAgevolatePermissions } from '@casellario/policies/permissions/prestazioni-agevolate';
import {
  BIANCHI,
  deniedPaths,
  describePrestazioniSubgraph,
  DSU_BIANCHI_RECORD,
  DSU_ROSSI_RECORD,
  entitiesQuery,
  PS,
  PSA,
  ROSSI,
  ROSSI_FIGLIA,
} from '@casellario/prestazioni-core/testing';
import { expect, it } from 'vitest';
import { prestazione } from '../src/db/schema';
import { prestazioniAgevolateSubgraph } from '../src/index';
import { definition } from '../src/schema';

const DSU_FIELDS = 'id protocollo anno dataPresentazione dataScadenza tipoIsee isee ise isr isp scalaEquivalenza omissioniDifformita dichiarante { id } componenti { id }';

/** Rossi's DSU as gestione sees it: ISE = 8,000 + 20% × 10,000; ISEE = 10,000 ÷ 1.57. */
const DSU_ROSSI = {
  id: DSU_ROSSI_RECORD.id,
  protocollo: 'INPS-ISEE-2024-00001234A-00',
  anno: 2024,
  dataPresentazione: '2024-01-15',
  dataScadenza: '2024-12-31',
  tipoIsee: 'ORDINARIO',
  isee: 6369.43,
  ise: 10000,
  isr: 8000,
  isp: 10000,
  scalaEquivalenza: 1.57,
  omissioniDifformita: false,
  dichiarante: { id: ROSSI },
  componenti: [{ id: ROSSI }, { id: ROSSI_FIGLIA }],
};

// The shared suite of the benefit subgraphs (platform/prestazioni-core/src/testing/suite.ts),
// on PSA's names and records, plus the DSU.
describePrestazioniSubgraph({
  module: prestazioniAgevolateSubgraph,
  definition,
  permissions: prestazioniAgevolatePermissions,
  table: prestazione,
  names: { entity: 'PrestazioneAgevolata', cartella: 'prestazioniAgevolate', elenco: 'elencoPrestazioniAgevolate' },
  fixture: PSA,
  other: PS,
  // One query for the fifty cartelle, one for the fifty DSU they cite.
  batch: { fields: 'dsu { isee }', statements: 2 },
  extend: (subgraph) => {
    const cartella = entitiesQuery('Persona', `prestazioniAgevolate { id dsu { ${DSU_FIELDS} } }`);

    it('resolves the Dsu a benefit cites, with its ISEE values', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(subgraph().url, cartella, {
        token: await ROLE_TOKENS.gestione('H501'),
        variables: { r: [{ __typename: 'Persona', id: ROSSI }] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([
        {
          prestazioniAgevolate: [
            { id: PSA.rossiPeriodica.id, dsu: DSU_ROSSI },
            { id: PSA.rossiOccasionale.id, dsu: null },
          ],
        },
      ]);
    });

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`gives ${ruolo} the DSU without its protocol, the household as pseudonyms`, async () => {
        const { codec, url } = subgraph();
        const r = await graphqlRequest<{ _entities: unknown[] }>(url, cartella, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { r: [{ __typename: 'Persona', id: codec.pseudonym(ROSSI, ROLE_AUDIENCES[ruolo]()) }] },
        });
        expect(r.data?._entities).toEqual([
          {
            prestazioniAgevolate: [
              {
                id: codec.pseudonym(PSA.rossiPeriodica.id, ROLE_AUDIENCES[ruolo]()),
                dsu: {
                  ...DSU_ROSSI,
                  id: codec.pseudonym(DSU_ROSSI_RECORD.id, ROLE_AUDIENCES[ruolo]()),
                  protocollo: null,
                  dichiarante: { id: codec.pseudonym(ROSSI, ROLE_AUDIENCES[ruolo]()) },
                  componenti: [{ id: codec.pseudonym(ROSSI, ROLE_AUDIENCES[ruolo]()) }, { id: codec.pseudonym(ROSSI_FIGLIA, ROLE_AUDIENCES[ruolo]()) }],
                },
              },
              { id: codec.pseudonym(PSA.rossiOccasionale.id, ROLE_AUDIENCES[ruolo]()), dsu: null },
            ],
          },
        ]);
        expect(deniedPaths(r, 3)).toEqual(['FORBIDDEN:0.dsu.protocollo']);
        expect(r.raw).not.toContain(DSU_ROSSI.protocollo);
      });
    }

    it('resolves Dsu entities by opaque id: internal for gestione, pseudonyms within the scope of programmazione', async () => {
      const { codec, url } = subgraph();
      const query = entitiesQuery('Dsu', 'id protocollo isee dichiarante { id }');
      const as = async (token: string, ids: string[]) =>
        (await graphqlRequest<{ _entities: unknown[] }>(url, query, { token, variables: { r: ids.map((id) => ({ __typename: 'Dsu', id })) } })).data
          ?._entities;

      // Gestione reaches the DSU of persons in its ente's caseload only.
      expect(await as(await ROLE_TOKENS.gestione('H501'), [DSU_ROSSI_RECORD.id, DSU_BIANCHI_RECORD.id])).toEqual([
        { id: DSU_ROSSI_RECORD.id, protocollo: DSU_ROSSI.protocollo, isee: 6369.43, dichiarante: { id: ROSSI } },
        null,
      ]);
      expect(await as(await ROLE_TOKENS.gestione('F205'), [DSU_BIANCHI_RECORD.id])).toEqual([
        { id: DSU_BIANCHI_RECORD.id, protocollo: DSU_BIANCHI_RECORD.protocollo, isee: 13000, dichiarante: { id: BIANCHI } },
      ]);
      // Programmazione reaches a DSU only through a benefit of its territory citing it.
      const p = (id: string) => codec.pseudonym(id, ROLE_AUDIENCES.programmazione());
      const l = (id: string) => codec.pseudonym(id, ROLE_AUDIENCES.programmazione('03'));
      expect(await as(await ROLE_TOKENS.programmazione('03'), [l(DSU_ROSSI_RECORD.id), l(DSU_BIANCHI_RECORD.id), DSU_BIANCHI_RECORD.id, p(DSU_BIANCHI_RECORD.id)])).toEqual([
        null,
        { id: l(DSU_BIANCHI_RECORD.id), protocollo: null, isee: 13000, dichiarante: { id: l(BIANCHI) } },
        null,
        null, // Lazio's id for the DSU is not Lombardia's
      ]);
      expect(await as(await ROLE_TOKENS.programmazione('12'), [p(DSU_ROSSI_RECORD.id)])).toEqual([
        { id: p(DSU_ROSSI_RECORD.id), protocollo: null, isee: 6369.43, dichiarante: { id: p(ROSSI) } },
      ]);
      const m = (id: string) => codec.pseudonym(id, ROLE_AUDIENCES.monitoraggio());
      expect(await as(await ROLE_TOKENS.monitoraggio(), [m(DSU_BIANCHI_RECORD.id)])).toEqual([
        { id: m(DSU_BIANCHI_RECORD.id), protocollo: null, isee: 13000, dichiarante: { id: m(BIANCHI) } },
      ]);
    });
  },
});
