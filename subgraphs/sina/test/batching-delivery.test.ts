import { prepareDatabase, type DatabaseHandle, type RunningServer, type SubgraphModule } from '@casellario/kit';
import { createTestDatabase, databaseBackends, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, testSecurity, type TestDatabase } from '@casellario/kit/testing';
import type { PersonaIdCodec } from '@casellario/policies';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { annullaValutazioneSina, deliverValutazioniSina, type NuovaValutazioneSina } from '../src/db/delivery';
import { valutazioneSina } from '../src/db/schema';
import { sinaSubgraph } from '../src/index';
import { openCountingHandle, type CountingHandle } from '@casellario/kit/testing';

const PERSONS = 50;
const hex = (n: number) => n.toString(16).padStart(12, '0');
const personaId = (i: number) => `5e1d0000-0000-4000-8000-${hex(i)}`;
const valutazioneId = (i: number, k: number) => `5e1e0000-0000-4000-800${k}-${hex(i)}`;

/** Two assessments (2024 and 2025) for each of 50 persons; even ones live in Lazio, odd ones in Lombardia. */
function manyValutazioni(): NuovaValutazioneSina[] {
  return Array.from({ length: PERSONS }, (_, i) =>
    [0, 1].map((k) => ({
      id: valutazioneId(i, k),
      personaId: personaId(i),
      enteCodice: i % 2 === 0 ? 'H501' : 'F205',
      prestazioneId: `5e1f0000-0000-4000-800${k}-${hex(i)}`,
      codicePrestazione: 'A1.11',
      protocolloDomanda: `P-${i}`,
      dataValutazione: k === 0 ? '2024-04-01' : '2025-04-01',
      mobilita: String(1 + ((i + k) % 3)),
      attivitaVitaQuotidiana: '2',
      disturbiComportamentali: '1',
      areaReddituale: '1',
      areaSupporto: '2',
      fonteDerivazioneValutazione: '1',
      strumentoValutazione: '1',
      necessitaInterventiSociali: ['A1.11'],
      invaliditaCivile: k === 0 ? ['1'] : ['2', '6'],
      codiceComuneResidenza: i % 2 === 0 ? '058091' : '015146',
      codiceRegioneResidenza: i % 2 === 0 ? '12' : '03',
    })),
  ).flat();
}

const PERSONE = /* GraphQL */ `
  query ($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on Persona { id valutazioniSina { id dataValutazione mobilita invaliditaCivile enteErogatore { codice } persona { id } } }
    }
  }
`;

function sqlError(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
}

for (const backend of databaseBackends()) {
  describe(`sina batching and delivery on ${backend}`, () => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let counting: CountingHandle;
    let server: RunningServer;
    let codec: PersonaIdCodec;

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      handle = database.open();
      await prepareDatabase(sinaSubgraph as SubgraphModule<never>, handle);
      await deliverValutazioniSina(handle, manyValutazioni());
      // A second server on the same database, through a handle that records each SQL statement.
      counting = openCountingHandle(database);
      const security = await testSecurity();
      codec = security.codec;
      server = await sinaSubgraph.start({ ...security, handle: counting, port: 0 });
    });
    afterAll(async () => {
      await server?.close();
      await counting?.close();
      await database?.drop();
    });
    beforeEach(() => {
      counting.queries.length = 0;
    });

    it(`resolves ${PERSONS} persons in one _entities call with one SQL query`, async () => {
      const r = await graphqlRequest<{ _entities: Array<{ id: string; valutazioniSina: Array<{ id: string; persona: { id: string } }> }> }>(
        server.url,
        PERSONE,
        { token: await ROLE_TOKENS.controllo('GDF'), variables: { r: Array.from({ length: PERSONS }, (_, i) => ({ __typename: 'Persona', id: personaId(i) })) } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities).toHaveLength(PERSONS);
      expect(r.data?._entities[7]).toEqual({
        id: personaId(7),
        valutazioniSina: [
          { id: valutazioneId(7, 1), dataValutazione: '2025-04-01', mobilita: 'NON_SI_SPOSTA', invaliditaCivile: ['TOTALE_CON_ACCOMPAGNAMENTO', 'L104_ART3_COMMA3'], enteErogatore: { codice: 'F205' }, persona: { id: personaId(7) } },
          { id: valutazioneId(7, 0), dataValutazione: '2024-04-01', mobilita: 'SI_SPOSTA_ASSISTITO', invaliditaCivile: ['PARZIALE_ALMENO_75'], enteErogatore: { codice: 'F205' }, persona: { id: personaId(7) } },
        ],
      });
      expect(r.data?._entities.every((p, i) => p.id === personaId(i) && p.valutazioniSina.length === 2)).toBe(true);
      expect(counting.queries).toHaveLength(1);
      expect(counting.queries[0]).toMatch(/"persona_id" in \(/);
    });

    it('batches pseudonymous persons of programmazione in one scoped query too', async () => {
      const r = await graphqlRequest<{ _entities: Array<{ valutazioniSina: Array<{ id: string }> }> }>(server.url, PERSONE, {
        token: await ROLE_TOKENS.programmazione('12'),
        variables: { r: Array.from({ length: PERSONS }, (_, i) => ({ __typename: 'Persona', id: codec.pseudonym(personaId(i), ROLE_AUDIENCES.programmazione()) })) },
      });
      expect(r.errors).toBeUndefined();
      // Only the persons living in Lazio (even ones) show assessments.
      expect(r.data?._entities.map((p) => p.valutazioniSina.length)).toEqual(Array.from({ length: PERSONS }, (_, i) => (i % 2 === 0 ? 2 : 0)));
      expect(counting.queries).toHaveLength(1);
      expect(counting.queries[0]).toMatch(/"codice_regione_residenza" = \$/);
    });

    it(`resolves ${PERSONS * 2} ValutazioneSina entities with one SQL query`, async () => {
      const representations = Array.from({ length: PERSONS }, (_, i) => [0, 1].map((k) => ({ __typename: 'ValutazioneSina', id: valutazioneId(i, k) }))).flat();
      const r = await graphqlRequest<{ _entities: Array<{ id: string }> }>(
        server.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ValutazioneSina { id persona { id } } } }`,
        { token: await ROLE_TOKENS.controllo('GDF'), variables: { r: representations } },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?._entities.map((v) => v.id)).toEqual(representations.map((x) => x.id));
      expect(counting.queries).toHaveLength(1);
    });

    it('serves a listing page with one SQL query', async () => {
      const r = await graphqlRequest<{ elencoValutazioniSina: { elementi: unknown[]; haAltri: boolean } }>(
        server.url,
        `{ elencoValutazioniSina(primi: 30, filtro: { anno: 2025 }) { elementi { id persona { id } enteErogatore { codice } } haAltri } }`,
        { token: await ROLE_TOKENS.monitoraggio() },
      );
      expect(r.data?.elencoValutazioniSina.elementi).toHaveLength(30);
      expect(r.data?.elencoValutazioniSina.haAltri).toBe(true);
      expect(counting.queries).toHaveLength(1);
    });

    it('delivers idempotently on the natural key: same row, same id, attributes replaced', async () => {
      const [original] = manyValutazioni();
      const again = { ...original!, id: '5e1e0000-0000-4000-8fff-000000000000', mobilita: '3', invaliditaCivile: ['2', '2', '6'] };
      await deliverValutazioniSina(handle, [again]);
      await deliverValutazioniSina(handle, [again]);
      const rows = await handle.db.select().from(valutazioneSina).where(eq(valutazioneSina.personaId, original!.personaId));
      expect(rows.map((r) => [r.id, r.dataValutazione, r.mobilita, r.invaliditaCivile]).sort()).toEqual([
        [valutazioneId(0, 0), '2024-04-01', '3', ['2', '6']],
        [valutazioneId(0, 1), '2025-04-01', '2', ['2', '6']],
      ]);
    });

    it('hides a cancelled assessment from every read, and a new delivery brings it back', async () => {
      const [, latest] = manyValutazioni();
      const token = await ROLE_TOKENS.controllo('GDF');
      const ids = async () =>
        (
          await graphqlRequest<{ _entities: Array<{ valutazioniSina: Array<{ id: string }> }> }>(server.url, PERSONE, {
            token,
            variables: { r: [{ __typename: 'Persona', id: personaId(0) }] },
          })
        ).data?._entities[0]?.valutazioniSina.map((v) => v.id);

      expect(await annullaValutazioneSina(handle, latest!)).toBe(1);
      expect(await ids()).toEqual([valutazioneId(0, 0)]);
      const entity = await graphqlRequest<{ _entities: unknown[] }>(
        server.url,
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ValutazioneSina { id } } }`,
        { token, variables: { r: [{ __typename: 'ValutazioneSina', id: valutazioneId(0, 1) }] } },
      );
      expect(entity.data?._entities).toEqual([null]);
      expect(await annullaValutazioneSina(handle, { ...latest!, protocolloDomanda: 'P-unknown' })).toBe(0);

      await deliverValutazioniSina(handle, [latest!]);
      expect(await ids()).toEqual([valutazioneId(0, 1), valutazioneId(0, 0)]);
    });

    it('refuses codes outside the specification, in the delivery and in the table', async () => {
      const [base] = manyValutazioni();
      const fresh = { ...base!, id: '5e1e0000-0000-4000-8eee-000000000000', dataValutazione: '2023-01-01' };
      await expect(deliverValutazioniSina(handle, [{ ...fresh, necessitaInterventiSociali: ['A1.1'] }])).rejects.toThrow(
        'Codice di NecessitaInterventiSociali non ben formato: "A1.1" (atteso Xn.nn)',
      );
      const rejectedBy = async (row: NuovaValutazioneSina) => {
        try {
          await handle.db.insert(valutazioneSina).values(row);
          return 'accepted';
        } catch (error) {
          return /check constraint "([a-z_]+)"/.exec(sqlError(error))?.[1];
        }
      };
      expect(await rejectedBy({ ...fresh, mobilita: '4' })).toBe('valutazione_sina_mobilita');
      expect(await rejectedBy({ ...fresh, strumentoValutazione: '8' })).toBe('valutazione_sina_strumento');
      expect(await rejectedBy({ ...fresh, disturbiComportamentali: '3' })).toBe('valutazione_sina_comportamentali');
      expect(await rejectedBy({ ...fresh, invaliditaCivile: ['1', '9'] })).toBe('valutazione_sina_invalidita');
      expect(await rejectedBy({ ...fresh, necessitaInterventiSociali: ['A1.11', 'xx'] })).toBe('valutazione_sina_necessita');
      expect(await rejectedBy({ ...fresh, codiceRegioneResidenza: 'LZ' })).toBe('valutazione_sina_regione');
      const count = await handle.db.select().from(valutazioneSina).where(eq(valutazioneSina.dataValutazione, '2023-01-01'));
      expect(count).toEqual([]);
    });
  });
}
