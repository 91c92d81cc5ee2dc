import { buildSecuredSchema, CURSORE_NON_VALIDO, securedPermissions } from '@casellario/kit';
import { databaseBackends, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { fieldsWithoutRule, type Audience, type PseudonymAudience } from '@casellario/policies';
import { GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SINA_ENUMS } from '../src/domain/codici-sina';
import { sinaSubgraph } from '../src/index';
import { definition } from '../src/schema';
import { fixture, P1, P1_VALUTAZIONI, P2, P3, P5, V1, V2, V3, V4, V5, V6 } from './fixture';

const VALUTAZIONE_FIELDS = /* GraphQL */ `
  id dataValutazione mobilita attivitaVitaQuotidiana disturbiAreaCognitiva disturbiComportamentali
  necessitaCureSanitarie areaReddituale areaSupporto fonteDerivazioneValutazione strumentoValutazione
  fonteDerivazioneInvalidita necessitaInterventiSociali invaliditaCivile codicePrestazione protocolloDomanda
  codiceComuneResidenza codiceRegioneResidenza enteErogatore { codice } persona { id }
`;

const PERSONA_ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id valutazioniSina { ${VALUTAZIONE_FIELDS} } } } }
`;

const VALUTAZIONE_ENTITIES = /* GraphQL */ `
  query ($r: [_Any!]!) { _entities(representations: $r) { ... on ValutazioneSina { id mobilita invaliditaCivile protocolloDomanda persona { id } } } }
`;

const ELENCO = /* GraphQL */ `
  query ($filtro: FiltroValutazioniSina, $primi: Int, $dopo: String) {
    elencoValutazioniSina(filtro: $filtro, primi: $primi, dopo: $dopo) {
      elementi { id codiceRegioneResidenza }
      haAltri
      cursoreSuccessivo
    }
  }
`;

interface Pagina {
  elementi: Array<{ id: string; codiceRegioneResidenza: string }>;
  haAltri: boolean;
  cursoreSuccessivo: string | null;
}

/** `CODE:path-below-the-entity` for every error, sorted, to assert exactly what was denied. */
function denied(errors: Array<{ path?: Array<string | number>; extensions?: { code?: string } }> | undefined, from = 2): string[] {
  return (errors ?? []).map((e) => `${e.extensions?.code}:${(e.path ?? []).slice(from).join('.')}`).sort();
}

describe('sina shield and contract', () => {
  it('has a rule on every field of every type', () => {
    expect(fieldsWithoutRule(buildSecuredSchema(definition), securedPermissions(definition))).toEqual([]);
  });

  it('maps every GraphQL enum value to the code the specification writes, and nothing else', () => {
    const schema = buildSecuredSchema(definition);
    for (const [name, codes] of Object.entries(SINA_ENUMS)) {
      const type = schema.getType(name);
      expect(type).toBeInstanceOf(GraphQLEnumType);
      expect(Object.fromEntries((type as GraphQLEnumType).getValues().map((v) => [v.name, v.value]))).toEqual(codes);
    }
    expect(Object.values(SINA_ENUMS.StrumentoValutazione)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(Object.values(SINA_ENUMS.InvaliditaCivile)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
});

for (const backend of databaseBackends()) {
  describe(`sina on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(sinaSubgraph, backend, (h) => sinaSubgraph.loadDemo(h, fixture));
    });
    afterAll(() => sg?.stop());

    /** The ids a purpose sees: internal for gestione/controllo, pseudonyms for the others. */
    const seen = (ruolo: 'gestione' | 'controllo' | PseudonymAudience | Audience, ...ids: string[]) =>
      ids.map((id) =>
        ruolo === 'gestione' || ruolo === 'controllo' ? id : sg.codec.pseudonym(id, typeof ruolo === 'string' ? ROLE_AUDIENCES[ruolo]() : ruolo),
      );

    async function elenco(token: string, variables: Record<string, unknown> = {}) {
      return graphqlRequest<{ elencoValutazioniSina: Pagina }>(sg.url, ELENCO, { token, variables });
    }

    for (const ruolo of ['gestione', 'controllo'] as const) {
      it(`gives ${ruolo} a person's assessments with every attribute, identifying ones included`, async () => {
        const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { r: [{ __typename: 'Persona', id: P1 }] },
        });
        expect(r.errors).toBeUndefined();
        expect(r.data?._entities).toEqual([
          {
            id: P1,
            valutazioniSina: [
              { id: V2, persona: { id: P1 }, ...P1_VALUTAZIONI[0] },
              { id: V1, persona: { id: P1 }, ...P1_VALUTAZIONI[1] },
            ],
          },
        ]);
      });
    }

    it('gives null for the optional attributes and empty lists when the flow sent none', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.gestione(),
        variables: { r: [{ __typename: 'Persona', id: P2 }] },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([
        {
          id: P2,
          valutazioniSina: [
            {
              id: V3,
              dataValutazione: '2025-05-20',
              mobilita: 'SI_SPOSTA_DA_SOLO',
              attivitaVitaQuotidiana: 'AUTONOMO',
              disturbiAreaCognitiva: null,
              disturbiComportamentali: 'ASSENTI',
              necessitaCureSanitarie: null,
              areaReddituale: 'AUTONOMO_IN_EQUILIBRIO_FINANZIARIO',
              areaSupporto: 'RETE_PRESENTE',
              fonteDerivazioneValutazione: 'RACCOLTA_DIRETTA',
              strumentoValutazione: 'ALTRO',
              fonteDerivazioneInvalidita: null,
              necessitaInterventiSociali: [],
              invaliditaCivile: [],
              codicePrestazione: 'A1.15',
              protocolloDomanda: 'RM-2025-0042',
              codiceComuneResidenza: '058091',
              codiceRegioneResidenza: '12',
              enteErogatore: { codice: 'H501' },
              persona: { id: P2 },
            },
          ],
        },
      ]);
    });

    for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
      it(`gives ${ruolo} pseudonymous assessments with the protocol null + FORBIDDEN and the rest intact`, async () => {
        const pseudonym = sg.codec.pseudonym(P1, ROLE_AUDIENCES[ruolo]());
        const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
          token: await ROLE_TOKENS[ruolo](),
          variables: { r: [{ __typename: 'Persona', id: pseudonym }] },
        });
        expect(r.data?._entities).toEqual([
          {
            id: pseudonym,
            valutazioniSina: [
              { ...P1_VALUTAZIONI[0], id: sg.codec.pseudonym(V2, ROLE_AUDIENCES[ruolo]()), persona: { id: pseudonym }, protocolloDomanda: null },
              { ...P1_VALUTAZIONI[1], id: sg.codec.pseudonym(V1, ROLE_AUDIENCES[ruolo]()), persona: { id: pseudonym }, protocolloDomanda: null },
            ],
          },
        ]);
        expect(denied(r.errors)).toEqual(['FORBIDDEN:valutazioniSina.0.protocolloDomanda', 'FORBIDDEN:valutazioniSina.1.protocolloDomanda']);
        expect(r.raw).not.toContain('RM-2024-0001');
        expect(r.raw).not.toContain(V1);
        expect(r.raw).not.toContain(P1);
      });
    }

    it('resolves neither an internal id nor the other audience’s pseudonym for programmazione', async () => {
      const r = await graphqlRequest<{ _entities: unknown[] }>(sg.url, PERSONA_ENTITIES, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: {
          r: [
            { __typename: 'Persona', id: P1 },
            { __typename: 'Persona', id: sg.codec.pseudonym(P1, ROLE_AUDIENCES.monitoraggio()) },
          ],
        },
      });
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities[0]).toBeNull();
      // A cross-audience pseudonym decrypts to noise. Most noise fails the v4 layout check (null); the
      // rest (1 in 16) names no row, so it can only come back as an empty cartella, never as P1's.
      const other = r.data?._entities[1] as { id: string; valutazioniSina: unknown[] } | null;
      expect(other === null || (other.valutazioniSina.length === 0 && other.id !== sg.codec.pseudonym(P1, ROLE_AUDIENCES.programmazione()))).toBe(true);
    });

    it('limits a person’s assessments to the territory for programmazione, and hides cancelled ones', async () => {
      const token = await ROLE_TOKENS.programmazione('03');
      const r = await graphqlRequest<{ _entities: unknown[] }>(
        sg.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { valutazioniSina { id codiceRegioneResidenza } } } }`,
        { token, variables: { r: [P1, P5, P3].map((id) => ({ __typename: 'Persona', id: sg.codec.pseudonym(id, ROLE_AUDIENCES.programmazione('03')) })) } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toEqual([
        { valutazioniSina: [] },
        { valutazioniSina: [{ id: sg.codec.pseudonym(V6, ROLE_AUDIENCES.programmazione('03')), codiceRegioneResidenza: '03' }] },
        { valutazioniSina: [{ id: sg.codec.pseudonym(V4, ROLE_AUDIENCES.programmazione('03')), codiceRegioneResidenza: '03' }] },
      ]);
      const cancelled = await graphqlRequest<{ _entities: unknown[] }>(
        sg.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id valutazioniSina { id } } } }`,
        { token: await ROLE_TOKENS.gestione(), variables: { r: [{ __typename: 'Persona', id: '5e1a0000-0000-4000-8000-000000000004' }] } },
      );
      expect(cancelled.data?._entities).toEqual([{ id: '5e1a0000-0000-4000-8000-000000000004', valutazioniSina: [] }]);
    });

    it('resolves ValutazioneSina entities per purpose and scope', async () => {
      const gestione = await graphqlRequest<{ _entities: unknown[] }>(sg.url, VALUTAZIONE_ENTITIES, {
        token: await ROLE_TOKENS.gestione(),
        variables: { r: [V4, V5, V1].map((id) => ({ __typename: 'ValutazioneSina', id })) },
      });
      expect(gestione.errors).toBeUndefined();
      expect(gestione.data?._entities).toEqual([
        null, // P3 is in Milano's caseload, not Roma's
        null, // cancelled
        { id: V1, mobilita: 'SI_SPOSTA_ASSISTITO', invaliditaCivile: ['PARZIALE_ALMENO_75', 'L104_ART3_COMMA3'], protocolloDomanda: 'RM-2024-0001', persona: { id: P1 } },
      ]);
      const milanoGestione = await graphqlRequest<{ _entities: unknown[] }>(sg.url, VALUTAZIONE_ENTITIES, {
        token: await ROLE_TOKENS.gestione('F205'),
        variables: { r: [V4, V1].map((id) => ({ __typename: 'ValutazioneSina', id })) },
      });
      expect(milanoGestione.data?._entities).toEqual([
        { id: V4, mobilita: 'SI_SPOSTA_ASSISTITO', invaliditaCivile: ['CERTIFICAZIONE_NPI', 'L104_ART12'], protocolloDomanda: 'MI-2025-0007', persona: { id: P3 } },
        null, // P1 is in Roma's caseload only
      ]);

      const token = await ROLE_TOKENS.programmazione('12');
      const p = (id: string) => sg.codec.pseudonym(id, ROLE_AUDIENCES.programmazione());
      const programmazione = await graphqlRequest<{ _entities: unknown[] }>(sg.url, VALUTAZIONE_ENTITIES, {
        token,
        variables: { r: [p(V1), V1, p(V4)].map((id) => ({ __typename: 'ValutazioneSina', id })) },
      });
      expect(programmazione.data?._entities).toEqual([
        { id: p(V1), mobilita: 'SI_SPOSTA_ASSISTITO', invaliditaCivile: ['PARZIALE_ALMENO_75', 'L104_ART3_COMMA3'], protocolloDomanda: null, persona: { id: p(P1) } },
        null, // an internal id sent with a programmazione token
        null, // outside Lazio
      ]);
      expect(denied(programmazione.errors)).toEqual(['FORBIDDEN:protocolloDomanda']);
    });

    it('scopes the listing of programmazione to its own territory', async () => {
      const lazio = await elenco(await ROLE_TOKENS.programmazione('12'));
      expect(lazio.errors).toBeUndefined();
      expect(lazio.data?.elencoValutazioniSina).toEqual({
        elementi: seen('programmazione', V3, V2, V1).map((id) => ({ id, codiceRegioneResidenza: '12' })),
        haAltri: false,
        cursoreSuccessivo: null,
      });
      const lombardia = await elenco(await ROLE_TOKENS.programmazione('03'));
      expect(lombardia.data?.elencoValutazioniSina.elementi).toEqual(
        seen(ROLE_AUDIENCES.programmazione('03'), V4, V6).map((id) => ({ id, codiceRegioneResidenza: '03' })),
      );
      const milano = await elenco(await ROLE_TOKENS.programmazione('015146', 'F205'));
      expect(milano.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual(seen(ROLE_AUDIENCES.programmazione('015146', 'F205'), V4, V6));
      // One person, three audiences: Lombardia's and Milano's ids for the same assessments do not join.
      const lombardiaIds = new Set(lombardia.data?.elencoValutazioniSina.elementi.map((e) => e.id));
      expect(milano.data?.elencoValutazioniSina.elementi.filter((e) => lombardiaIds.has(e.id))).toEqual([]);
      // A filter narrows the scope, never widens it.
      const widened = await elenco(await ROLE_TOKENS.programmazione('12'), { filtro: { codiceRegione: '03' } });
      expect(widened.data?.elencoValutazioniSina.elementi).toEqual([]);
    });

    it('lists nationally for monitoraggio, with the protocol denied and the rest intact', async () => {
      const r = await graphqlRequest<{ elencoValutazioniSina: { elementi: unknown[] } }>(
        sg.url,
        `{ elencoValutazioniSina { elementi { id dataValutazione protocolloDomanda enteErogatore { codice } } } }`,
        { token: await ROLE_TOKENS.monitoraggio() },
      );
      const ids = seen('monitoraggio', V3, V2, V4, V6, V1);
      const dates = ['2025-05-20', '2025-02-10', '2025-01-15', '2024-11-30', '2024-03-01'];
      const enti = ['H501', 'H501', 'F205', 'H501', 'H501'];
      expect(r.data?.elencoValutazioniSina.elementi).toEqual(
        ids.map((id, i) => ({ id, dataValutazione: dates[i], protocolloDomanda: null, enteErogatore: { codice: enti[i] } })),
      );
      expect(denied(r.errors, 0)).toEqual([0, 1, 2, 3, 4].map((i) => `FORBIDDEN:elencoValutazioniSina.elementi.${i}.protocolloDomanda`));
    });

    it('scopes the listing of gestione to its ente and of controllo to its ente unless AGE or GDF', async () => {
      const roma = await elenco(await ROLE_TOKENS.gestione('H501'));
      expect(roma.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V3, V2, V6, V1]);
      const milano = await elenco(await ROLE_TOKENS.gestione('F205'));
      expect(milano.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V4]);
      const gdf = await elenco(await ROLE_TOKENS.controllo('GDF'));
      expect(gdf.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V3, V2, V4, V6, V1]);
      const age = await elenco(await ROLE_TOKENS.controllo('AGE'));
      expect(age.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V3, V2, V4, V6, V1]);
      const comune = await elenco(await ROLE_TOKENS.controllo('F205'));
      expect(comune.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V4]);
    });

    it('gives identifying fields in the listing to gestione and controllo', async () => {
      const query = `{ elencoValutazioniSina(filtro: { enteCodice: "F205" }) { elementi { id protocolloDomanda codicePrestazione } } }`;
      for (const token of [await ROLE_TOKENS.gestione('F205'), await ROLE_TOKENS.controllo('GDF')]) {
        const r = await graphqlRequest<{ elencoValutazioniSina: { elementi: unknown[] } }>(sg.url, query, { token });
        expect(r.errors).toBeUndefined();
        expect(r.data?.elencoValutazioniSina.elementi).toEqual([{ id: V4, protocolloDomanda: 'MI-2025-0007', codicePrestazione: 'A1.12' }]);
      }
    });

    it('refuses the listing to audit', async () => {
      const r = await elenco(await ROLE_TOKENS.audit());
      expect(r.data).toBeNull();
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('pages with a cursor: the next page, no overlap, no gaps', async () => {
      const token = await ROLE_TOKENS.gestione('H501');
      const first = await elenco(token, { primi: 2 });
      expect(first.data?.elencoValutazioniSina.elementi.map((e) => e.id)).toEqual([V3, V2]);
      expect(first.data?.elencoValutazioniSina.haAltri).toBe(true);
      const second = await elenco(token, { primi: 2, dopo: first.data?.elencoValutazioniSina.cursoreSuccessivo });
      expect(second.data?.elencoValutazioniSina).toEqual({
        elementi: [V6, V1].map((id) => ({ id, codiceRegioneResidenza: id === V6 ? '03' : '12' })),
        haAltri: false,
        cursoreSuccessivo: null,
      });

      // Pseudonymous cursors too: monitoraggio walks all five, two at a time.
      const mToken = await ROLE_TOKENS.monitoraggio();
      const walked: string[] = [];
      let dopo: string | null | undefined = null;
      for (let pages = 0; pages < 5; pages++) {
        const page: Pagina | undefined = (await elenco(mToken, { primi: 2, dopo })).data?.elencoValutazioniSina;
        walked.push(...(page?.elementi.map((e) => e.id) ?? []));
        dopo = page?.cursoreSuccessivo;
        if (!page?.haAltri) break;
      }
      expect(walked).toEqual(seen('monitoraggio', V3, V2, V4, V6, V1));
    });

    it('rejects a cursor that is not the caller’s, and malformed filters', async () => {
      const first = await elenco(await ROLE_TOKENS.gestione('H501'), { primi: 1 });
      // A gestione cursor is sealed to gestione of H501: programmazione cannot open it.
      const foreign = await elenco(await ROLE_TOKENS.programmazione('12'), { primi: 1, dopo: first.data?.elencoValutazioniSina.cursoreSuccessivo });
      expect(foreign.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', CURSORE_NON_VALIDO]]);
      const bad = await elenco(await ROLE_TOKENS.monitoraggio(), { filtro: { codiceRegione: 'Lazio' } });
      expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });

    it('filters by year, region, comune, ente, mobility and daily-living activities', async () => {
      const token = await ROLE_TOKENS.monitoraggio();
      const ids = async (filtro: Record<string, unknown>) => (await elenco(token, { filtro })).data?.elencoValutazioniSina.elementi.map((e) => e.id);
      expect(await ids({ anno: 2025 })).toEqual(seen('monitoraggio', V3, V2, V4));
      expect(await ids({ anno: 2024, codiceRegione: '03' })).toEqual(seen('monitoraggio', V6));
      expect(await ids({ codiceComune: '058091' })).toEqual(seen('monitoraggio', V3, V2, V1));
      expect(await ids({ enteCodice: 'F205' })).toEqual(seen('monitoraggio', V4));
      expect(await ids({ mobilita: 'NON_SI_SPOSTA' })).toEqual(seen('monitoraggio', V2));
      expect(await ids({ mobilita: 'SI_SPOSTA_ASSISTITO', attivitaVitaQuotidiana: 'AUTONOMO' })).toEqual(seen('monitoraggio', V4));
      expect(await ids({ attivitaVitaQuotidiana: 'PARZIALMENTE_DIPENDENTE' })).toEqual(seen('monitoraggio', V6, V1));
    });

    it('refuses requests without a token before running anything', async () => {
      const r = await graphqlRequest(sg.url, ELENCO);
      expect(r.status).toBe(401);
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(r.data).toBeUndefined();
    });
  });
}
