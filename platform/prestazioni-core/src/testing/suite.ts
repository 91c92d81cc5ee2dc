import type { DemoDataset, DemoPrestazione } from '@casellario/demo-data';
import { buildSecuredSchema, CURSORE_NON_VALIDO, securedPermissions, type RunningServer, type SubgraphDefinition, type SubgraphModule } from '@casellario/kit';
import { databaseBackends, decodedForms, graphqlRequest, openCountingHandle, ROLE_AUDIENCES, ROLE_TOKENS, startTestSubgraph, testSecurity, type CountingHandle, type GraphQLResult, type TestSubgraph } from '@casellario/kit/testing';
import { fieldsWithoutRule, type Audience, type Permissions, type PseudonymAudience } from '@casellario/policies';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePrestazioni } from '../db/queries';
import type { PrestazioneTable } from '../db/tables';
import { toPrestazioneRow } from '../demo';
import { BATCH_PERSONE, BIANCHI, expectedRowCount, FIXTURE_DATASET, ROSSI, type ComponentFixture } from './fixture';

type Json = Record<string, unknown>;

/** Every field of a benefit entity that both subgraphs share. */
export const PRESTAZIONE_FIELDS = /* GraphQL */ `
  id persona { id } enteErogatore { codice }
  presenzaProvaMezzi caratterePrestazione codicePrestazione denominazionePrestazione protocolloDomanda
  dataEvento dataInizio dataFine dataErogazione
  importoPrestazione periodoErogazione importoMensile
  importoQuotaEnte importoQuotaUtente importoQuotaSsn importoQuotaRichiesta importoSogliaIsee
  oreServizioMensile presaInCarico areaUtenza
  numeroProtocolloDsu annoProtocolloDsu dataDsu
  codiceComuneResidenza codiceRegioneResidenza annullata
`;

/** What the shared suite needs to know about one benefit subgraph. */
export interface PrestazioniSuiteConfig<C> {
  module: SubgraphModule<DemoDataset>;
  definition: SubgraphDefinition<C>;
  permissions: Permissions;
  table: PrestazioneTable;
  /** The subgraph's own names (its SDL). */
  names: { entity: string; cartella: string; elenco: string };
  /** This component's records in the fixture, and the other component's (which must not land here). */
  fixture: ComponentFixture;
  other: ComponentFixture;
  /** Extra selection on every benefit of the 50-person batch, and the SQL statements the batch may cost. */
  batch: { fields: string; statements: number };
  /** Component-specific tests, run against the same running subgraph. */
  extend?: (subgraph: () => TestSubgraph) => void;
}

/** Error codes and paths (from `from` on), sorted, to compare denied fields exactly. */
export function deniedPaths(r: GraphQLResult<unknown>, from: number): string[] {
  return (r.errors ?? []).map((e) => `${e.extensions?.code}:${(e.path ?? []).slice(from).join('.')}`).sort();
}

/** The entities query for one type and selection. */
export function entitiesQuery(type: string, selection: string): string {
  return `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;
}

/**
 * The tests both benefit subgraphs must pass, on both engines, against a real HTTP
 * server started on the shared fixture: shield coverage, the cartella with exact
 * values, identifying fields per purpose, `_entities` for every entity, listing scope,
 * filters and pagination, authentication, batching (statements counted) and the
 * idempotent demo loader. Each subgraph's test file calls it with its own names and
 * adds what is its own through `extend`.
 */
export function describePrestazioniSubgraph<C>(config: PrestazioniSuiteConfig<C>): void {
  const { names, fixture: F } = config;
  const name = config.module.name;
  // Newest first by (data_riferimento, id): the fixture dates put both components in this order.
  const ORDER: DemoPrestazione[] = [F.verdi[1], F.verdi[0], F.bianchi, F.rossiPeriodica, F.rossiOccasionale, F.verdi[2]];
  const BATCH_ORDER = [...F.batch].reverse();
  const NATIONAL = [...ORDER, ...BATCH_ORDER].map((p) => p.id);
  const REGION_12 = ORDER.filter((p) => p.codiceRegioneResidenza === '12').map((p) => p.id);
  const { atteso } = F;

  describe(`${name} shield`, () => {
    it('has a rule on every field of every type', () => {
      expect(fieldsWithoutRule(buildSecuredSchema(config.definition), securedPermissions(config.definition as never))).toEqual([]);
    });
  });

  for (const backend of databaseBackends()) {
    describe(`${name} on ${backend}`, () => {
      let sg: TestSubgraph;
      let counting: CountingHandle;
      let countingServer: RunningServer;

      beforeAll(async () => {
        sg = await startTestSubgraph(config.module, backend, (h) => config.module.loadDemo!(h, FIXTURE_DATASET));
        // A second server on the same database whose handle counts SQL statements.
        counting = openCountingHandle(sg.database);
        countingServer = await config.module.start({ handle: counting, ...(await testSecurity()), port: 0 });
      });
      afterAll(async () => {
        await countingServer?.close();
        await counting?.close();
        await sg?.stop();
      });

      /** An id as an audience sees it: a purpose means its ROLE_TOKENS default audience (Lazio, the Ministry). */
      const pseudo = (id: string, audience: PseudonymAudience | Audience) =>
        sg.codec.pseudonym(id, typeof audience === 'string' ? ROLE_AUDIENCES[audience]() : audience);
      const LOMBARDIA = ROLE_AUDIENCES.programmazione('03');
      /** What a pseudonymous purpose must see of a record gestione sees as `expected`. */
      const pseudonymous = (expected: Json, audience: PseudonymAudience): Json => ({
        ...expected,
        id: pseudo(expected.id as string, audience),
        persona: { id: pseudo((expected.persona as { id: string }).id, audience) },
        protocolloDomanda: null,
        numeroProtocolloDsu: null,
      });
      const cartellaOf = (selection: string, args = '') =>
        entitiesQuery('Persona', `id ${names.cartella}${args} { ${selection} }`);
      const elenco = async (token: string, variables: Json = {}) => {
        const r = await graphqlRequest<Record<string, { elementi: Array<{ id: string; persona: { id: string } }>; haAltri: boolean; cursoreSuccessivo: string | null }>>(
          sg.url,
          `query ($f: FiltroPrestazioni, $primi: Int, $dopo: String) {
            ${names.elenco}(filtro: $f, primi: $primi, dopo: $dopo) { elementi { id persona { id } } haAltri cursoreSuccessivo }
          }`,
          { token, variables: { primi: 200, ...variables } },
        );
        return { r, page: r.data?.[names.elenco] };
      };

      it('gives gestione the cartella of a person with exact amounts, dates and enumerations, cancelled records hidden', async () => {
        const r = await graphqlRequest<{ _entities: Json[] }>(sg.url, cartellaOf(PRESTAZIONE_FIELDS), {
          token: await ROLE_TOKENS.gestione('H501'),
          variables: { r: [{ __typename: 'Persona', id: ROSSI }] },
        });
        expect(r.errors).toBeUndefined();
        expect(r.data?._entities).toEqual([{ id: ROSSI, [names.cartella]: [atteso.rossiPeriodica, atteso.rossiOccasionale] }]);
      });

      it('filters the cartella by year and shows cancelled records only when asked', async () => {
        const token = await ROLE_TOKENS.gestione('H501');
        const ask = async (args: string) => {
          const r = await graphqlRequest<{ _entities: Array<Record<string, Json[]>> }>(sg.url, cartellaOf('id annullata', args), {
            token,
            variables: { r: [{ __typename: 'Persona', id: ROSSI }] },
          });
          expect(r.errors).toBeUndefined();
          return r.data?._entities[0]?.[names.cartella];
        };
        expect(await ask('(anno: 2023)')).toEqual([{ id: F.rossiOccasionale.id, annullata: false }]);
        expect(await ask('(anno: 2024)')).toEqual([{ id: F.rossiPeriodica.id, annullata: false }]);
        expect(await ask('(includiAnnullate: true)')).toEqual([
          { id: F.rossiAnnullata.id, annullata: true },
          { id: F.rossiPeriodica.id, annullata: false },
          { id: F.rossiOccasionale.id, annullata: false },
        ]);
      });

      for (const [ruolo, token] of [
        ['gestione', () => ROLE_TOKENS.gestione('H501')],
        ['controllo', () => ROLE_TOKENS.controllo('GDF')],
      ] as const) {
        it(`gives ${ruolo} the identifying fields`, async () => {
          const r = await graphqlRequest<{ _entities: Json[] }>(sg.url, entitiesQuery(names.entity, PRESTAZIONE_FIELDS), {
            token: await token(),
            headers: { 'x-riferimento': 'PG-2024-0042' },
            variables: { r: [F.rossiPeriodica, F.rossiOccasionale].map((p) => ({ __typename: names.entity, id: p.id })) },
          });
          expect(r.errors).toBeUndefined();
          expect(r.data?._entities).toEqual([atteso.rossiPeriodica, atteso.rossiOccasionale]);
        });
      }

      for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
        it(`gives ${ruolo} null + FORBIDDEN on protocolloDomanda and numeroProtocolloDsu, every other field intact`, async () => {
          const r = await graphqlRequest<{ _entities: Json[] }>(sg.url, cartellaOf(PRESTAZIONE_FIELDS), {
            token: await ROLE_TOKENS[ruolo](),
            variables: { r: [{ __typename: 'Persona', id: pseudo(ROSSI, ruolo) }] },
          });
          expect(r.data?._entities).toEqual([
            {
              id: pseudo(ROSSI, ruolo),
              [names.cartella]: [pseudonymous(atteso.rossiPeriodica, ruolo), pseudonymous(atteso.rossiOccasionale, ruolo)],
            },
          ]);
          expect(deniedPaths(r, 3)).toEqual([
            'FORBIDDEN:0.numeroProtocolloDsu',
            'FORBIDDEN:0.protocolloDomanda',
            'FORBIDDEN:1.numeroProtocolloDsu',
            'FORBIDDEN:1.protocolloDomanda',
          ]);
          expect(r.raw).not.toContain(F.rossiPeriodica.protocolloDomanda);
          expect(r.raw).not.toContain(ROSSI);
        });
      }

      it(`resolves ${names.entity} entities: internal ids for gestione, cancelled ones flagged, others null`, async () => {
        const r = await graphqlRequest<{ _entities: Array<Json | null> }>(sg.url, entitiesQuery(names.entity, 'id codicePrestazione annullata'), {
          token: await ROLE_TOKENS.gestione('H501'),
          variables: {
            r: [F.rossiPeriodica.id, F.rossiAnnullata.id, config.other.rossiPeriodica.id, '00000000-0000-4000-8000-000000000000'].map((id) => ({
              __typename: names.entity,
              id,
            })),
          },
        });
        expect(r.errors).toBeUndefined();
        expect(r.data?._entities).toEqual([
          { id: F.rossiPeriodica.id, codicePrestazione: F.rossiPeriodica.codicePrestazione, annullata: false },
          { id: F.rossiAnnullata.id, codicePrestazione: F.rossiAnnullata.codicePrestazione, annullata: true },
          null,
          null,
        ]);
      });

      it(`resolves ${names.entity} pseudonyms within the territory of programmazione and nationally for monitoraggio`, async () => {
        const query = entitiesQuery(names.entity, 'id protocolloDomanda codiceRegioneResidenza');
        const as = async (token: string, ids: string[]) =>
          graphqlRequest<{ _entities: Array<Json | null> }>(sg.url, query, { token, variables: { r: ids.map((id) => ({ __typename: names.entity, id })) } });

        const lazio = await as(await ROLE_TOKENS.programmazione('12'), [
          pseudo(F.rossiPeriodica.id, 'programmazione'),
          F.rossiPeriodica.id,
          pseudo(F.rossiPeriodica.id, 'monitoraggio'),
        ]);
        expect(lazio.data?._entities).toEqual([
          { id: pseudo(F.rossiPeriodica.id, 'programmazione'), protocolloDomanda: null, codiceRegioneResidenza: '12' },
          null,
          null,
        ]);
        expect(deniedPaths(lazio, 2)).toEqual(['FORBIDDEN:protocolloDomanda']);

        const lombardia = await as(await ROLE_TOKENS.programmazione('03'), [
          pseudo(F.rossiPeriodica.id, LOMBARDIA),
          pseudo(F.bianchi.id, LOMBARDIA),
          // Lazio's id for a record Lombardia may read is not Lombardia's id.
          pseudo(F.bianchi.id, 'programmazione'),
        ]);
        expect(lombardia.data?._entities).toEqual([null, { id: pseudo(F.bianchi.id, LOMBARDIA), protocolloDomanda: null, codiceRegioneResidenza: '03' }, null]);

        const ministero = await as(await ROLE_TOKENS.monitoraggio(), [pseudo(F.rossiPeriodica.id, 'monitoraggio')]);
        expect(ministero.data?._entities).toEqual([{ id: pseudo(F.rossiPeriodica.id, 'monitoraggio'), protocolloDomanda: null, codiceRegioneResidenza: '12' }]);
      });

      it('resolves Persona pseudonyms for programmazione and monitoraggio, never an internal id or the other audience’s', async () => {
        const query = cartellaOf('id');
        const prog = await graphqlRequest<{ _entities: Array<Json | null> }>(sg.url, query, {
          token: await ROLE_TOKENS.programmazione('12'),
          variables: {
            r: [pseudo(ROSSI, 'programmazione'), ROSSI, pseudo(ROSSI, 'monitoraggio')].map((id) => ({ __typename: 'Persona', id })),
          },
        });
        expect(prog.errors).toBeUndefined();
        expect(prog.data?._entities).toEqual([
          {
            id: pseudo(ROSSI, 'programmazione'),
            [names.cartella]: [{ id: pseudo(F.rossiPeriodica.id, 'programmazione') }, { id: pseudo(F.rossiOccasionale.id, 'programmazione') }],
          },
          null,
          null,
        ]);

        // The cartella of programmazione holds only the records of its territory.
        const lombardia = await graphqlRequest<{ _entities: Array<Json | null> }>(sg.url, query, {
          token: await ROLE_TOKENS.programmazione('03'),
          variables: { r: [ROSSI, BIANCHI].map((id) => ({ __typename: 'Persona', id: pseudo(id, LOMBARDIA) })) },
        });
        expect(lombardia.data?._entities).toEqual([
          { id: pseudo(ROSSI, LOMBARDIA), [names.cartella]: [] },
          { id: pseudo(BIANCHI, LOMBARDIA), [names.cartella]: [{ id: pseudo(F.bianchi.id, LOMBARDIA) }] },
        ]);

        const mon = await graphqlRequest<{ _entities: Array<Json | null> }>(sg.url, query, {
          token: await ROLE_TOKENS.monitoraggio(),
          variables: { r: [{ __typename: 'Persona', id: pseudo(ROSSI, 'monitoraggio') }] },
        });
        expect(mon.data?._entities).toEqual([
          {
            id: pseudo(ROSSI, 'monitoraggio'),
            [names.cartella]: [{ id: pseudo(F.rossiPeriodica.id, 'monitoraggio') }, { id: pseudo(F.rossiOccasionale.id, 'monitoraggio') }],
          },
        ]);
      });

      it('scopes the listing of programmazione to its territory, persons as pseudonyms', async () => {
        const lazio = await elenco(await ROLE_TOKENS.programmazione('12'));
        expect(lazio.r.errors).toBeUndefined();
        expect(lazio.page?.elementi).toEqual(
          ORDER.filter((p) => p.codiceRegioneResidenza === '12').map((p) => ({
            id: pseudo(p.id, 'programmazione'),
            persona: { id: pseudo(p.personaId, 'programmazione') },
          })),
        );
        const lombardia = await elenco(await ROLE_TOKENS.programmazione('03'));
        expect(lombardia.page?.elementi.map((e) => e.id)).toEqual([pseudo(F.bianchi.id, LOMBARDIA)]);
        const roma = await elenco(await ROLE_TOKENS.programmazione('058091', 'H501'));
        const romaAudience = ROLE_AUDIENCES.programmazione('058091', 'H501');
        expect(roma.page?.elementi).toEqual(
          [F.rossiPeriodica, F.rossiOccasionale].map((p) => ({ id: pseudo(p.id, romaAudience), persona: { id: pseudo(p.personaId, romaAudience) } })),
        );
        // Rossi lives in Roma, so Lazio, Roma and the Ministry all list him: three ids that do not join.
        const mon = await elenco(await ROLE_TOKENS.monitoraggio());
        const personIds = (page: typeof lazio.page) => new Set(page?.elementi.map((e) => e.persona.id));
        const [l, r, m] = [personIds(lazio.page), personIds(roma.page), personIds(mon.page)];
        expect(r.size).toBe(1);
        expect([...r].filter((id) => l.has(id) || m.has(id))).toEqual([]);
        expect([...l].filter((id) => m.has(id))).toEqual([]);
        // Asking for another region through the filter does not widen the scope.
        const elsewhere = await elenco(await ROLE_TOKENS.programmazione('12'), { f: { codiceRegione: '03' } });
        expect(elsewhere.page?.elementi).toEqual([]);
      });

      it('lists nationally for monitoraggio and for the national control bodies', async () => {
        const mon = await elenco(await ROLE_TOKENS.monitoraggio());
        expect(mon.page?.elementi.map((e) => e.id)).toEqual(NATIONAL.map((id) => pseudo(id, 'monitoraggio')));
        expect(mon.page?.haAltri).toBe(false);
        const age = await elenco(await ROLE_TOKENS.controllo('AGE'));
        expect(age.page?.elementi.map((e) => e.id)).toEqual(NATIONAL);
        expect(age.page?.elementi[0]?.persona.id).toBe(F.verdi[1].personaId);
      });

      it('scopes the listing of gestione, and of controllo by an ente, to the records that ente sent', async () => {
        const roma = await elenco(await ROLE_TOKENS.gestione('H501'));
        expect(roma.page?.elementi.map((e) => e.id)).toEqual(ORDER.filter((p) => p.enteCodice === 'H501').map((p) => p.id));
        const milano = await elenco(await ROLE_TOKENS.gestione('F205'));
        expect(milano.page?.elementi.map((e) => e.id)).toEqual([F.bianchi.id]);
        const latina = await elenco(await ROLE_TOKENS.controllo('E472'));
        expect(latina.page?.elementi.map((e) => e.id)).toEqual([F.verdi[1].id, F.verdi[0].id, F.verdi[2].id]);
        const withCancelled = await elenco(await ROLE_TOKENS.gestione('H501'), { f: { includiAnnullate: true, anno: 2024 } });
        expect(withCancelled.page?.elementi.map((e) => e.id)).toEqual(
          [F.rossiAnnullata, F.rossiPeriodica].map((p) => p.id),
        );
      });

      it('filters the listing by code and year, area, comune and ente', async () => {
        const token = await ROLE_TOKENS.controllo('AGE');
        const byCode = await elenco(token, { f: { codicePrestazione: F.filtro.codicePrestazione, anno: F.filtro.anno } });
        expect(byCode.page?.elementi.map((e) => e.id)).toEqual(F.filtro.ids);
        const lazio = await elenco(await ROLE_TOKENS.programmazione('12'), { f: { codicePrestazione: F.filtro.codicePrestazione, anno: F.filtro.anno } });
        expect(lazio.page?.elementi.map((e) => e.id)).toEqual(
          F.filtro.ids.filter((id) => REGION_12.includes(id)).map((id) => pseudo(id, 'programmazione')),
        );
        const area = F.bianchi.areaUtenza === '2' ? 'DISABILITA_NON_AUTOSUFFICIENZA' : 'POVERTA_ESCLUSIONE';
        const byArea = await elenco(token, { f: { areaUtenza: area, codiceRegione: '03' } });
        expect(byArea.page?.elementi.map((e) => e.id)).toEqual([F.bianchi.id]);
        const otherArea = await elenco(token, { f: { areaUtenza: 'FAMIGLIA_MINORI', codiceRegione: '03' } });
        expect(otherArea.page?.elementi).toEqual([]);
        const byComune = await elenco(token, { f: { codiceComune: '059011' } });
        expect(byComune.page?.elementi.map((e) => e.id)).toEqual([F.verdi[1].id, F.verdi[0].id, F.verdi[2].id]);
        const byEnte = await elenco(token, { f: { enteCodice: 'D612', anno: 2022 } });
        expect(byEnte.page?.elementi.map((e) => e.id)).toEqual(BATCH_ORDER.map((p) => p.id));
      });

      it('pages with the cursor without overlap or gaps', async () => {
        const token = await ROLE_TOKENS.programmazione('12');
        const first = await elenco(token, { primi: 2 });
        expect(first.page?.elementi.map((e) => e.id)).toEqual(REGION_12.slice(0, 2).map((id) => pseudo(id, 'programmazione')));
        expect(first.page?.haAltri).toBe(true);
        const second = await elenco(token, { primi: 2, dopo: first.page?.cursoreSuccessivo });
        expect(second.page?.elementi.map((e) => e.id)).toEqual(REGION_12.slice(2, 4).map((id) => pseudo(id, 'programmazione')));
        const third = await elenco(token, { primi: 2, dopo: second.page?.cursoreSuccessivo });
        expect(third.page?.elementi.map((e) => e.id)).toEqual(REGION_12.slice(4).map((id) => pseudo(id, 'programmazione')));
        expect(third.page?.haAltri).toBe(false);
        expect(third.page?.cursoreSuccessivo).toBeNull();

        // Through the whole national listing, seven at a time (the batch rows share one date: ties broken by id).
        const seen: string[] = [];
        let dopo: string | null | undefined = null;
        const ministero = await ROLE_TOKENS.monitoraggio();
        do {
          const { page } = await elenco(ministero, { primi: 7, dopo });
          seen.push(...(page?.elementi.map((e) => e.id) ?? []));
          dopo = page?.cursoreSuccessivo;
        } while (dopo);
        expect(seen).toEqual(NATIONAL.map((id) => pseudo(id, 'monitoraggio')));
      });

      it('seals cursors to their audience and search: another audience, another filter or tampering is BAD_USER_INPUT', async () => {
        const lazio = await ROLE_TOKENS.programmazione('12');
        const first = await elenco(lazio, { primi: 1 });
        const cursor = first.page!.cursoreSuccessivo!;
        // Opaque: no internal id, no date, nothing in the clear.
        for (const text of decodedForms(cursor)) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|\d{4}-\d{2}-\d{2}/i);
        expect(cursor).not.toContain(REGION_12[0]!.slice(0, 8));
        // The same audience pages on with it (another operator of Regione Lazio included).
        const next = await elenco(await ROLE_TOKENS.programmazione('12'), { primi: 1, dopo: cursor });
        expect(next.page?.elementi.map((e) => e.id)).toEqual([pseudo(REGION_12[1]!, 'programmazione')]);
        const refused = async (token: string, variables: Json) => {
          const { r } = await elenco(token, variables);
          expect(r.data?.[names.elenco] ?? null).toBeNull();
          return r.errors?.map((e) => [e.extensions?.code, e.message]);
        };
        const expected = [['BAD_USER_INPUT', CURSORE_NON_VALIDO]];
        expect(await refused(await ROLE_TOKENS.programmazione('058091', 'H501'), { primi: 1, dopo: cursor })).toEqual(expected);
        expect(await refused(await ROLE_TOKENS.programmazione('03'), { primi: 1, dopo: cursor })).toEqual(expected);
        expect(await refused(await ROLE_TOKENS.monitoraggio(), { primi: 1, dopo: cursor })).toEqual(expected);
        expect(await refused(await ROLE_TOKENS.controllo('AGE'), { primi: 1, dopo: cursor })).toEqual(expected);
        expect(await refused(lazio, { primi: 1, dopo: cursor, f: { anno: 2024 } })).toEqual(expected);
        const flipped = `${cursor.slice(0, -3)}${cursor.at(-3) === '0' ? '1' : '0'}${cursor.slice(-2)}`;
        expect(await refused(lazio, { primi: 1, dopo: flipped })).toEqual(expected);
        // The old clear-text form of a cursor, made up by hand, opens nothing either.
        const forged = Buffer.from(JSON.stringify(['2025-12-30', REGION_12[0]])).toString('base64url');
        expect(await refused(lazio, { primi: 1, dopo: forged })).toEqual(expected);
        // A filter spelt differently but meaning the same is the same search.
        const filtered = await elenco(lazio, { primi: 1, f: { anno: null, codiceRegione: '12' } });
        const same = await elenco(lazio, { primi: 1, f: { codiceRegione: '12' }, dopo: filtered.page!.cursoreSuccessivo });
        expect(same.r.errors).toBeUndefined();
        expect(same.page?.elementi.map((e) => e.id)).toEqual([pseudo(REGION_12[1]!, 'programmazione')]);
      });

      it('rejects malformed listing arguments with BAD_USER_INPUT', async () => {
        const token = await ROLE_TOKENS.monitoraggio();
        for (const variables of [{ primi: 0 }, { dopo: 'non-un-cursore' }, { f: { anno: 1800 } }, { f: { codiceRegione: 'Lazio' } }, { f: { codiceComune: '58091' } }]) {
          const { r } = await elenco(token, variables);
          expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        }
      });

      it('gives audit none of the benefit data', async () => {
        const { r } = await elenco(await ROLE_TOKENS.audit());
        expect(r.data).toBeNull();
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        const entities = await graphqlRequest<{ _entities: unknown[] }>(sg.url, cartellaOf('id'), {
          token: await ROLE_TOKENS.audit(),
          variables: { r: [{ __typename: 'Persona', id: ROSSI }] },
        });
        expect(entities.data?._entities).toEqual([null]);
      });

      it('refuses a request without a token with HTTP 401 UNAUTHENTICATED', async () => {
        const r = await graphqlRequest(sg.url, `{ ${names.elenco} { haAltri } }`);
        expect(r.status).toBe(401);
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });

      it(`resolves 50 persons through _entities with ${config.batch.statements} SQL statement(s), as for 5 (no N+1)`, async () => {
        const query = cartellaOf(`id importoMensile ${config.batch.fields}`);
        const token = await ROLE_TOKENS.gestione('D612');
        const run = async (ids: string[]) => {
          counting.queries.length = 0;
          const r = await graphqlRequest<{ _entities: Array<Record<string, Json[]>> }>(countingServer.url, query, {
            token,
            variables: { r: ids.map((id) => ({ __typename: 'Persona', id })) },
          });
          expect(r.errors).toBeUndefined();
          return { entities: r.data?._entities ?? [], statements: counting.queries.length };
        };
        const fifty = await run(BATCH_PERSONE);
        expect(fifty.entities).toHaveLength(50);
        expect(fifty.entities.map((e) => e[names.cartella]?.[0]?.id)).toEqual(F.batch.map((p) => p.id));
        expect(fifty.statements).toBe(config.batch.statements);
        const five = await run(BATCH_PERSONE.slice(0, 5));
        expect(five.statements).toBe(config.batch.statements);
      });

      it('keeps only its own benefits from the demo data set, and loading twice changes nothing', async () => {
        const rows = async () => (await sg.handle.db.select({ n: count() }).from(config.table))[0]?.n;
        expect(await rows()).toBe(expectedRowCount(F));
        await config.module.loadDemo!(sg.handle, FIXTURE_DATASET);
        expect(await rows()).toBe(expectedRowCount(F));
        const [cancelled] = await sg.handle.db.select().from(config.table).where(eq(config.table.id, F.rossiAnnullata.id));
        expect({ tipoOperazione: cancelled?.tipoOperazione, annullata: cancelled?.annullata }).toEqual({ tipoOperazione: 'C', annullata: true });
        const [foreign] = await sg.handle.db.select({ n: count() }).from(config.table).where(eq(config.table.id, config.other.rossiPeriodica.id));
        expect(foreign?.n).toBe(0);
      });

      it('applies operations in order per natural key: a correction rewrites, a cancellation hides, a re-insertion revives', async () => {
        const base: DemoPrestazione = { ...F.rossiPeriodica, id: '0e000000-0000-4000-8000-00000000e001', protocolloDomanda: 'ORDINE/1', tipoOperazione: 'I', importoMensile: '250.00' };
        const state = async () =>
          sg.handle.db
            .select({ id: config.table.id, annullata: config.table.annullata, importoMensile: config.table.importoMensile })
            .from(config.table)
            .where(eq(config.table.protocolloDomanda, 'ORDINE/1'));
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow(base)]);
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow({ ...base, id: '0e000000-0000-4000-8000-00000000e002', importoMensile: '321.00' })]);
        expect(await state()).toEqual([{ id: base.id, annullata: false, importoMensile: '321.00' }]);
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow({ ...base, tipoOperazione: 'C', importoMensile: '1.00' })]);
        expect(await state()).toEqual([{ id: base.id, annullata: true, importoMensile: '321.00' }]);
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow({ ...base, tipoOperazione: 'C' })]);
        expect(await state()).toEqual([{ id: base.id, annullata: true, importoMensile: '321.00' }]);
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow(base), toPrestazioneRow({ ...base, tipoOperazione: 'C' })]);
        expect(await state()).toEqual([{ id: base.id, annullata: true, importoMensile: '250.00' }]);
        await storePrestazioni(sg.handle, config.table, [toPrestazioneRow(base)]);
        expect(await state()).toEqual([{ id: base.id, annullata: false, importoMensile: '250.00' }]);
        // Leave the shared fixture as the other tests expect it.
        await sg.handle.db.delete(config.table).where(eq(config.table.protocolloDomanda, 'ORDINE/1'));
      });

      config.extend?.(() => sg);
    });
  }
}
