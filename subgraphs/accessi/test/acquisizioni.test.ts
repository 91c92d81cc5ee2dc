import { createHash } from 'node:crypto';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, startTestSubgraph, type TestSubgraph } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessiSubgraph, registraAccessi, verificaCatena } from '../src/index';
import { leggiAccesso } from '../src/db/registra';
import { HASH_INIZIALE, hashAccesso } from '../src/domain/catena';
import { BIANCHI, count, ROSSI, voce } from './voce';

/** A caseload acquisition as the flows component sends it (issue 13, deliverable 6). */
const acquisizione = (over: Parameters<typeof voce>[0] = {}) =>
  voce({
    subgraph: 'flussi',
    requestId: '0d5e3c1a-7b7a-4c1e-9d3a-0a0b0c0d0e77',
    campi: ['acquisizioneCaseload'],
    flusso: 'H501.PS.20250310.0000131',
    record: 1,
    fuoriTerritorio: true,
    ...over,
  });

describe('the hash of a caseload acquisition', () => {
  it('covers flusso, record and fuoriTerritorio, and leaves the text of every other record as it was', () => {
    const base = { ...voce(), seq: 1, istante: new Date('2026-11-26T09:00:00.123Z') };
    // The text before these columns existed, computed by hand: rows already in the chain keep verifying.
    const prima = JSON.stringify([1, '2026-11-26T09:00:00.123Z', 'anagrafe', 'op-gestione-H501', 'gestione', 'H501', null, 'persona', ROSSI, ['Persona.codiceFiscale', 'cartella'], 'req-1']);
    const atteso = createHash('sha256').update(HASH_INIZIALE).update('\n').update(prima).digest('hex');
    expect(hashAccesso(HASH_INIZIALE, base)).toBe(atteso);
    expect(hashAccesso(HASH_INIZIALE, { ...base, flusso: null, record: null, fuoriTerritorio: null })).toBe(atteso);
    const a = { ...base, flusso: 'H501.PS.20250310.0000131', record: 1, fuoriTerritorio: true };
    expect(hashAccesso(HASH_INIZIALE, a)).not.toBe(atteso);
    expect(hashAccesso(HASH_INIZIALE, { ...a, fuoriTerritorio: false })).not.toBe(hashAccesso(HASH_INIZIALE, a));
    expect(hashAccesso(HASH_INIZIALE, { ...a, record: 2 })).not.toBe(hashAccesso(HASH_INIZIALE, a));
  });

  it('refuses a malformed flow name, record or flag', () => {
    expect(() => leggiAccesso(acquisizione({ flusso: 'H501 <script>' }))).toThrow('flusso');
    expect(() => leggiAccesso(acquisizione({ record: 0 }))).toThrow('record');
    expect(() => leggiAccesso({ ...acquisizione(), fuoriTerritorio: 'si' })).toThrow('fuoriTerritorio');
  });
});

for (const backend of databaseBackends()) {
  describe(`caseload acquisitions in the access log on ${backend}`, () => {
    let sg: TestSubgraph;
    beforeAll(async () => {
      sg = await startTestSubgraph(accessiSubgraph, backend);
    });
    afterAll(() => sg?.stop());

    it('keeps one acquisition per ente and person, however often a retried batch sends it', async () => {
      const [first] = await registraAccessi(sg.handle, [acquisizione()]);
      // The flows component logged, then failed before granting: the retry sends the same acquisition, twice in one batch.
      const again = await registraAccessi(sg.handle, [acquisizione({ record: 5 }), voce(), acquisizione({ record: 6 })]);
      expect(again).toEqual([first, first! + 1, first]);
      // Another ente acquiring the same person is its own acquisition.
      await registraAccessi(sg.handle, [acquisizione({ ente: 'F205', fuoriTerritorio: false, soggettoId: ROSSI }), acquisizione({ soggettoId: BIANCHI, fuoriTerritorio: null })]);
      expect(await count(sg.handle)).toBe(4);
      const rows = await sg.handle.rows<{ ente: string; soggetto_id: string; record: number; fuori_territorio: boolean | null }>(
        sql`select ente, soggetto_id, record, fuori_territorio from accessi.accesso where 'acquisizioneCaseload' = any(campi) order by seq`,
      );
      expect(rows).toEqual([
        { ente: 'H501', soggetto_id: ROSSI, record: 1, fuori_territorio: true },
        { ente: 'F205', soggetto_id: ROSSI, record: 1, fuori_territorio: false },
        { ente: 'H501', soggetto_id: BIANCHI, record: 1, fuori_territorio: null },
      ]);
      expect(await verificaCatena(sg.handle)).toMatchObject({ integra: true, record: 4 });
    });

    it('lets audit list acquisitions, and those outside territory by ente', async () => {
      const audit = await ROLE_TOKENS.audit();
      const registro = await graphqlRequest<{ registroAccessi: { elementi: Array<{ ente: string; soggetto: { id: string }; flusso: string | null }> } }>(
        sg.url,
        `{ registroAccessi(filtro: { acquisizioni: true }) { elementi { ente soggetto { id } flusso } } }`,
        { token: audit },
      );
      expect(registro.data!.registroAccessi.elementi.map((e) => [e.ente, e.soggetto.id])).toEqual([
        ['H501', BIANCHI],
        ['F205', ROSSI],
        ['H501', ROSSI],
      ]);
      const altri = await graphqlRequest<{ registroAccessi: { elementi: Array<{ campi: string[] }> } }>(sg.url, `{ registroAccessi(filtro: { acquisizioni: false }) { elementi { campi } } }`, { token: audit });
      expect(altri.data!.registroAccessi.elementi).toEqual([{ campi: ['Persona.codiceFiscale', 'cartella'] }]);

      const fuori = `query ($f: FiltroAcquisizioni) { acquisizioniFuoriTerritorio(filtro: $f) { elementi { ente soggetto { id } flusso record fuoriTerritorio } } }`;
      const tutte = await graphqlRequest<{ acquisizioniFuoriTerritorio: { elementi: unknown[] } }>(sg.url, fuori, { token: audit });
      expect(tutte.data!.acquisizioniFuoriTerritorio.elementi).toEqual([
        { ente: 'H501', soggetto: { id: ROSSI }, flusso: 'H501.PS.20250310.0000131', record: 1, fuoriTerritorio: true },
      ]);
      const milano = await graphqlRequest<{ acquisizioniFuoriTerritorio: { elementi: unknown[] } }>(sg.url, fuori, { token: audit, variables: { f: { ente: 'F205' } } });
      expect(milano.data!.acquisizioniFuoriTerritorio.elementi).toEqual([]);

      for (const token of [await ROLE_TOKENS.gestione('H501'), await ROLE_TOKENS.controllo('GDF'), await ROLE_TOKENS.monitoraggio()]) {
        const r = await graphqlRequest(sg.url, fuori, { token });
        expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
    });
  });
}
