import { databaseBackends, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { fieldsWithoutRule, signDevToken } from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anagrafeSubgraph } from '../src/index';
import { addToCaseload, buildSecuredSchema, securedPermissions } from '@casellario/kit';
import { caseload } from '../src/db/schema';
import { definition } from '../src/schema';
import { BIANCHI, fixture, ROSSI, ROSSI_OMOCODE, TEMPORANEO } from './fixture';

const PERSONA_FIELDS = /* GraphQL */ `
  id codiceFiscale tipoCodiceFiscale
  anagrafica { cognome nome annoNascita fasciaEta luogoNascita genere cittadinanza }
  residenza { codiceComune codiceRegione codiceNazione comune { nome siglaProvincia } }
  indirizzi { codiceComune }
`;

const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Persona { ${PERSONA_FIELDS} } }
  }
`;

describe('anagrafe shield', () => {
  it('has a rule on every field of every type', () => {
    expect(fieldsWithoutRule(buildSecuredSchema(definition), securedPermissions(definition))).toEqual([]);
  });
});

for (const backend of databaseBackends()) {
  describe(`anagrafe on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(anagrafeSubgraph, backend, async (h) => {
        await anagrafeSubgraph.loadDemo(h, fixture);
        // Roma has a record for every fixture person but Bianchi (Milano's only).
        await addToCaseload(h, caseload, [
          ...[ROSSI, ROSSI_OMOCODE, TEMPORANEO].map((p) => ({ personaId: p.id, enteCodice: 'H501' })),
          { personaId: BIANCHI.id, enteCodice: 'F205' },
        ]);
      });
    });
    afterAll(() => sg?.stop());

    it('gives gestione the whole anagrafica by codice fiscale', async () => {
      const r = await graphqlRequest<{ persona: Record<string, unknown> }>(
        sg.url,
        `query ($cf: String!) { persona(codiceFiscale: $cf) { ${PERSONA_FIELDS} } }`,
        { token: await ROLE_TOKENS.gestione(), variables: { cf: ROSSI.codiceFiscale } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.persona).toEqual({
        id: ROSSI.id,
        codiceFiscale: ROSSI.codiceFiscale,
        tipoCodiceFiscale: 'ORDINARIO',
        anagrafica: { cognome: 'ROSSI', nome: 'MARIO', annoNascita: 1985, fasciaEta: '40-44', luogoNascita: 'A562', genere: 'MASCHIO', cittadinanza: '380' },
        residenza: { codiceComune: '058091', codiceRegione: '12', codiceNazione: '380', comune: { nome: 'Roma', siglaProvincia: 'RM' } },
        indirizzi: [{ codiceComune: '058091' }, { codiceComune: '015146' }],
      });
    });

    it("gives gestione only persons in its ente's caseload: anyone else is unknown", async () => {
      const query = `query ($cf: String!) { persona(codiceFiscale: $cf) { id } }`;
      const milano = await ROLE_TOKENS.gestione('F205');
      const notMine = await graphqlRequest<{ persona: unknown }>(sg.url, query, { token: milano, variables: { cf: ROSSI.codiceFiscale } });
      expect(notMine.data).toEqual({ persona: null });
      expect(notMine.errors).toBeUndefined();
      const mine = await graphqlRequest<{ persona: { id: string } }>(sg.url, query, { token: milano, variables: { cf: BIANCHI.codiceFiscale } });
      expect(mine.data?.persona).toEqual({ id: BIANCHI.id });
      // Through _entities too: Roma's person by internal id resolves to nothing for Milano.
      const entities = await graphqlRequest<{ _entities: unknown[] }>(sg.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id codiceFiscale } } }`, {
        token: milano,
        variables: { r: [{ __typename: 'Persona', id: ROSSI.id }] },
      });
      expect(entities.data?._entities).toEqual([null]);
    });

    it('treats an omocode as a different person and recognises temporary codes', async () => {
      const token = await ROLE_TOKENS.controllo('AGE');
      const query = `query ($cf: String!) { persona(codiceFiscale: $cf) { id tipoCodiceFiscale } }`;
      const omocode = await graphqlRequest<{ persona: { id: string; tipoCodiceFiscale: string } }>(sg.url, query, {
        token,
        variables: { cf: ROSSI_OMOCODE.codiceFiscale },
      });
      expect(omocode.data?.persona).toEqual({ id: ROSSI_OMOCODE.id, tipoCodiceFiscale: 'OMOCODICE' });
      const temp = await graphqlRequest<{ persona: { id: string; tipoCodiceFiscale: string } }>(sg.url, query, {
        token,
        variables: { cf: `${TEMPORANEO.codiceFiscale}   ` },
      });
      expect(temp.data?.persona).toEqual({ id: TEMPORANEO.id, tipoCodiceFiscale: 'TEMPORANEO' });
    });

    it('rejects a malformed codice fiscale without echoing it', async () => {
      const bad = 'RSSMRA85T10A562X';
      const r = await graphqlRequest(sg.url, `{ persona(codiceFiscale: "${bad}") { id } }`, { token: await ROLE_TOKENS.gestione() });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/di controllo.*dovrebbe essere "S"/);
      expect(r.raw).not.toContain(bad);
    });

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`refuses persona(codiceFiscale:) to ${ruolo}`, async () => {
        const r = await graphqlRequest(sg.url, `query ($cf: String!) { persona(codiceFiscale: $cf) { id } }`, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { cf: ROSSI.codiceFiscale },
        });
        expect(r.data).toEqual({ persona: null });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      });

      it(`resolves ${ruolo} pseudonyms through _entities with identifying fields null and the rest intact`, async () => {
        const pseudonym = sg.codec.pseudonym(ROSSI.id, ROLE_AUDIENCES[ruolo]());
        const r = await graphqlRequest<{ _entities: Array<Record<string, unknown>> }>(sg.url, ENTITIES, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { representations: [{ __typename: 'Persona', id: pseudonym }] },
        });
        expect(r.data?._entities).toEqual([
          {
            id: pseudonym,
            codiceFiscale: null,
            tipoCodiceFiscale: null,
            anagrafica: { cognome: null, nome: null, annoNascita: null, fasciaEta: '40-44', luogoNascita: null, genere: 'MASCHIO', cittadinanza: '380' },
            residenza: { codiceComune: '058091', codiceRegione: '12', codiceNazione: '380', comune: { nome: 'Roma', siglaProvincia: 'RM' } },
            indirizzi: [{ codiceComune: '058091' }, { codiceComune: '015146' }],
          },
        ]);
        const denied = (r.errors ?? []).map((e) => `${e.extensions?.code}:${e.path?.slice(2).join('.')}`).sort();
        expect(denied).toEqual([
          'FORBIDDEN:anagrafica.annoNascita',
          'FORBIDDEN:anagrafica.cognome',
          'FORBIDDEN:anagrafica.luogoNascita',
          'FORBIDDEN:anagrafica.nome',
          'FORBIDDEN:codiceFiscale',
          'FORBIDDEN:tipoCodiceFiscale',
        ]);
        expect(r.raw).not.toContain(ROSSI.codiceFiscale);
        expect(r.raw).not.toContain('MARIO');
      });
    }

    it('does not resolve an internal id or the other audience’s pseudonym for programmazione', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id } } }`, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: {
          r: [
            { __typename: 'Persona', id: ROSSI.id },
            { __typename: 'Persona', id: sg.codec.pseudonym(ROSSI.id, ROLE_AUDIENCES.monitoraggio()) },
          ],
        },
      });
      expect(r.data?._entities).toEqual([null, null]);
    });

    it('scopes programmazione to persons resident in its territory', async () => {
      const token = await ROLE_TOKENS.programmazione('03');
      const r = await graphqlRequest<{ _entities: Array<{ id: string } | null> }>(
        sg.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id residenza { codiceRegione } } } }`,
        {
          token,
          variables: {
            r: [ROSSI, BIANCHI].map((p) => ({ __typename: 'Persona', id: sg.codec.pseudonym(p.id, ROLE_AUDIENCES.programmazione('03')) })),
          },
        },
      );
      expect(r.data?._entities).toEqual([null, { id: sg.codec.pseudonym(BIANCHI.id, ROLE_AUDIENCES.programmazione('03')), residenza: { codiceRegione: '03' } }]);
    });

    it('resolves Ente and Comune entities for any purpose', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(
        sg.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Ente { codice denominazione codiceRegione } ... on Comune { codiceIstat nome belfiore } } }`,
        {
          token: await ROLE_TOKENS.monitoraggio(),
          variables: { r: [{ __typename: 'Ente', codice: 'F205' }, { __typename: 'Comune', codiceIstat: '058091' }] },
        },
      );
      expect(r.data?._entities).toEqual([
        { codice: 'F205', denominazione: 'Comune di Milano', codiceRegione: '03' },
        { codiceIstat: '058091', nome: 'Roma', belfiore: 'H501' },
      ]);
    });

    it('refuses requests without a valid token before running anything', async () => {
      const none = await graphqlRequest(sg.url, '{ ente(codice: "H501") { codice } }');
      expect(none.status).toBe(401);
      expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const expired = await signDevToken({ sub: 'x', ruolo: 'gestione', ente: 'H501' }, { ttlSeconds: -3600 });
      const r = await graphqlRequest(sg.url, '{ ente(codice: "H501") { codice } }', { token: expired });
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.message).toBe('Token scaduto');
    });
  });
}
