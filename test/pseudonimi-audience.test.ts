import { CURSORE_NON_VALIDO } from '@casellario/kit';
import { databaseBackends, decodedForms, graphqlRequest, ROLE_AUDIENCES, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import type { Audience, PersonaIdCodec, Viewer } from '@casellario/policies';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/**
 * Issue 13, reproductions 3 and 4, through the gateway: four audiences
 * (Regione Lazio, Comune di Roma, Regione Lombardia, the Ministry) see one person
 * under four ids that do not join, stable for each of them; federation still
 * resolves them; cursors show nothing and open only for the search that made them.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Audienza {
  nome: string;
  token: () => Promise<string>;
  audience: Audience;
}
const AUDIENZE: Audienza[] = [
  { nome: 'Regione Lazio', token: () => ROLE_TOKENS.programmazione('12', 'R12'), audience: ROLE_AUDIENCES.programmazione('12', 'R12') },
  { nome: 'Comune di Roma', token: () => ROLE_TOKENS.programmazione('058091', 'H501'), audience: ROLE_AUDIENCES.programmazione('058091', 'H501') },
  { nome: 'Regione Lombardia', token: () => ROLE_TOKENS.programmazione('03', 'R03'), audience: ROLE_AUDIENCES.programmazione('03', 'R03') },
  { nome: 'Ministero', token: () => ROLE_TOKENS.monitoraggio(), audience: ROLE_AUDIENCES.monitoraggio() },
];
const viewerOf = (a: Audience): Viewer => ({ ...a, sub: 'test', riferimento: null });

interface Riga {
  id: string;
  persona: { id: string; anagrafica: { fasciaEta: string | null } | null; valutazioniSina: Array<{ dataValutazione: string }> | null };
}
interface Pagina<T> {
  elementi: T[];
  haAltri: boolean;
  cursoreSuccessivo: string | null;
}

const ELENCO_PS = /* GraphQL */ `
  query ($primi: Int, $dopo: String, $filtro: FiltroPrestazioni) {
    elencoPrestazioniSociali(primi: $primi, dopo: $dopo, filtro: $filtro) {
      elementi { id persona { id anagrafica { fasciaEta } valutazioniSina { dataValutazione } } }
      haAltri cursoreSuccessivo
    }
  }`;

for (const backend of databaseBackends()) {
  describe(`pseudonyms per audience and sealed cursors through the gateway on ${backend}`, () => {
    let tp: TestPlatform;
    let codec: PersonaIdCodec;
    const tokens = new Map<string, string>();
    /** Every benefit of the listing, all pages, per audience. */
    const elenchi = new Map<string, Riga[]>();

    async function pagina(token: string, variables: Record<string, unknown>) {
      return graphqlRequest<{ elencoPrestazioniSociali: Pagina<Riga> }>(tp.gatewayUrl, ELENCO_PS, { token, variables });
    }
    async function tutto(token: string): Promise<Riga[]> {
      const righe: Riga[] = [];
      let dopo: string | null = null;
      do {
        const r = await pagina(token, { primi: 100, dopo });
        expect(r.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN') ?? []).toEqual([]);
        righe.push(...r.data!.elencoPrestazioniSociali.elementi);
        dopo = r.data!.elencoPrestazioniSociali.cursoreSuccessivo;
      } while (dopo);
      return righe;
    }

    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      ({ codec } = await testSecurity());
      for (const a of AUDIENZE) {
        const token = await a.token();
        tokens.set(a.nome, token);
        elenchi.set(a.nome, await tutto(token));
      }
    });
    afterAll(() => tp?.stop());

    const token = (nome: string) => tokens.get(nome)!;
    const righe = (nome: string) => elenchi.get(nome)!;
    const audienceOf = (nome: string) => AUDIENZE.find((a) => a.nome === nome)!.audience;
    /** The internal person ids behind an audience's listing, via the codec an audience cannot use. */
    const internal = (nome: string) => new Set(righe(nome).map((r) => codec.resolve(r.persona.id, viewerOf(audienceOf(nome)))));

    it('gives Lazio, Roma, Lombardia and the Ministry pairwise disjoint ids for the same persons and benefits', () => {
      // The persons are shared: Roma's are Lazio's and the Ministry's too.
      const [lazio, roma, lombardia, ministero] = ['Regione Lazio', 'Comune di Roma', 'Regione Lombardia', 'Ministero'].map(internal) as [
        Set<string | null>,
        Set<string | null>,
        Set<string | null>,
        Set<string | null>,
      ];
      expect(roma.size).toBeGreaterThan(5);
      expect([...roma].every((id) => id !== null && lazio.has(id) && ministero.has(id))).toBe(true);
      expect([...lombardia].every((id) => id !== null && ministero.has(id))).toBe(true);
      expect(lombardia.size).toBeGreaterThan(5);
      // Their ids are not.
      for (const [i, a] of AUDIENZE.entries()) {
        for (const b of AUDIENZE.slice(i + 1)) {
          const idsA = new Set(righe(a.nome).flatMap((r) => [r.id, r.persona.id]));
          const shared = righe(b.nome).flatMap((r) => [r.id, r.persona.id]).filter((id) => idsA.has(id));
          expect({ pair: `${a.nome} / ${b.nome}`, shared }).toEqual({ pair: `${a.nome} / ${b.nome}`, shared: [] });
        }
      }
      // And each id is exactly the audience's pseudonym of the internal id.
      const persona = [...roma][0]!;
      const seen = AUDIENZE.map((a) => righe(a.nome).find((r) => codec.resolve(r.persona.id, viewerOf(a.audience)) === persona)?.persona.id);
      expect(seen).toEqual(AUDIENZE.map((a) => (a.nome === 'Regione Lombardia' ? undefined : codec.pseudonym(persona, a.audience))));
    });

    it('keeps one audience’s ids stable across requests and pages, and resolves them in every subgraph', async () => {
      const lazio = token('Regione Lazio');
      const again = await pagina(lazio, { primi: 10 });
      const byFives: string[] = [];
      let dopo: string | null = null;
      for (let i = 0; i < 2; i++) {
        const r = await pagina(lazio, { primi: 5, dopo });
        byFives.push(...r.data!.elencoPrestazioniSociali.elementi.map((e) => `${e.id} ${e.persona.id}`));
        dopo = r.data!.elencoPrestazioniSociali.cursoreSuccessivo;
      }
      const expected = righe('Regione Lazio').slice(0, 10).map((e) => `${e.id} ${e.persona.id}`);
      expect(again.data!.elencoPrestazioniSociali.elementi.map((e) => `${e.id} ${e.persona.id}`)).toEqual(expected);
      expect(byFives).toEqual(expected);
      // Federation joins on the audience's ids: anagrafe and sina answered for them.
      for (const a of AUDIENZE) {
        expect(righe(a.nome).every((r) => r.persona.anagrafica?.fasciaEta)).toBe(true);
        expect(righe(a.nome).some((r) => (r.persona.valutazioniSina?.length ?? 0) > 0)).toBe(true);
      }
    });

    it('resolves another audience’s pseudonym to nothing in _entities, its own to the person', async () => {
      const persona = [...internal('Comune di Roma')][0]!;
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { id residenza { codiceComune } } } }`;
      const reps = AUDIENZE.map((a) => ({ __typename: 'Persona', id: codec.pseudonym(persona, a.audience) }));
      for (const subgraph of ['anagrafe', 'sina', 'prestazioni-sociali']) {
        const r = await graphqlRequest<{ _entities: Array<{ id: string } | null> }>(tp.subgraphUrl(subgraph), query.replace(' residenza { codiceComune }', subgraph === 'anagrafe' ? ' residenza { codiceComune }' : ''), {
          token: token('Regione Lazio'),
          variables: { r: reps },
        });
        expect(r.errors).toBeUndefined();
        // Only Lazio's own id (the first) is a person for Lazio; Roma's, Lombardia's and the Ministry's are nobody.
        expect(r.data?._entities.map((e) => e?.id ?? null)).toEqual([reps[0]!.id, null, null, null]);
      }
    });

    it('refuses a cursor replayed by another audience, with another filter, on another listing, or tampered', async () => {
      const lazio = token('Regione Lazio');
      const first = await pagina(lazio, { primi: 1, filtro: { anno: 2025 } });
      const cursor = first.data!.elencoPrestazioniSociali.cursoreSuccessivo!;
      expect(cursor).toMatch(/^[a-z0-9]+\.[0-9a-f]+$/);
      for (const text of decodedForms(cursor)) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|20\d\d-\d\d-\d\d/i);
      // Control: the same audience and search page on.
      const next = await pagina(lazio, { primi: 1, filtro: { anno: 2025 }, dopo: cursor });
      expect(next.errors).toBeUndefined();
      expect(next.data!.elencoPrestazioniSociali.elementi).toHaveLength(1);

      const refusal = [['BAD_USER_INPUT', CURSORE_NON_VALIDO]];
      const codes = (r: { errors?: Array<{ message: string; extensions?: { code?: string } }> }) => r.errors?.map((e) => [e.extensions?.code, e.message]);
      for (const other of ['Comune di Roma', 'Regione Lombardia', 'Ministero']) {
        const r = await pagina(token(other), { primi: 1, filtro: { anno: 2025 }, dopo: cursor });
        expect({ other, errors: codes(r) }).toEqual({ other, errors: refusal });
        expect(r.data?.elencoPrestazioniSociali ?? null).toBeNull();
      }
      expect(codes(await pagina(lazio, { primi: 1, filtro: { anno: 2024 }, dopo: cursor }))).toEqual(refusal);
      expect(codes(await pagina(lazio, { primi: 1, dopo: cursor }))).toEqual(refusal);
      const otherListing = await graphqlRequest(
        tp.gatewayUrl,
        `query ($dopo: String) { elencoPrestazioniAgevolate(primi: 1, dopo: $dopo, filtro: { anno: 2025 }) { elementi { id } } }`,
        { token: lazio, variables: { dopo: cursor } },
      );
      expect(codes(otherListing)).toEqual(refusal);
      // The listings of other components, unfiltered so that only the listing differs from a search the cursor could fit.
      const unfiltered = (await pagina(lazio, { primi: 1 })).data!.elencoPrestazioniSociali.cursoreSuccessivo!;
      for (const listing of ['elencoValutazioniSina', 'elencoCasiSinba', 'elencoCasiSip', 'elencoPrestazioniAgevolate']) {
        const r = await graphqlRequest(tp.gatewayUrl, `query ($dopo: String) { ${listing}(primi: 1, dopo: $dopo) { elementi { id } } }`, {
          token: lazio,
          variables: { dopo: unfiltered },
        });
        expect({ listing, errors: codes(r) }).toEqual({ listing, errors: refusal });
      }
      for (const at of [4, Math.floor(cursor.length / 2), cursor.length - 2]) {
        const tampered = `${cursor.slice(0, at)}${cursor[at] === '0' ? '1' : '0'}${cursor.slice(at + 1)}`;
        expect(codes(await pagina(lazio, { primi: 1, filtro: { anno: 2025 }, dopo: tampered }))).toEqual(refusal);
      }
    });

    it('lets no internal id reach a pseudonymous audience, in any listing, nested entity or cursor', async () => {
      const LISTINGS = [
        `{ elencoPrestazioniSociali(primi: 40) { elementi { id persona { id valutazioniSina { id } valutazioniSip { caso { id componenti { persona { id } } } } } } cursoreSuccessivo } }`,
        `{ elencoPrestazioniAgevolate(primi: 40) { elementi { id persona { id } dsu { id dichiarante { id } componenti { id } } } cursoreSuccessivo } }`,
        `{ elencoCasiSinba(primi: 40) { elementi { id } cursoreSuccessivo } }`,
        `{ elencoValutazioniSina(primi: 40) { elementi { id persona { id } } cursoreSuccessivo } }`,
        `{ elencoCasiSip(primi: 40) { elementi { id componenti { persona { id } } } cursoreSuccessivo } }`,
      ];
      const rows = new Map<string, number>();
      for (const a of AUDIENZE) {
        for (const query of LISTINGS) {
          const r = await graphqlRequest(tp.gatewayUrl, query, { token: token(a.nome) });
          expect(r.errors?.filter((e) => e.extensions?.code !== 'FORBIDDEN') ?? []).toEqual([]);
          const root = Object.values(r.data ?? {})[0] as Pagina<unknown> | undefined;
          rows.set(query, (rows.get(query) ?? 0) + (root?.elementi.length ?? 0));
          expect({ audience: a.nome, query, uuid: UUID.exec(r.raw)?.[0] ?? null }).toEqual({ audience: a.nome, query, uuid: null });
          const cursor = root?.cursoreSuccessivo;
          if (cursor) for (const text of decodedForms(cursor)) expect(text).not.toMatch(UUID);
        }
      }
      // Every listing had something to leak (not all four audiences have SINBA or SIP cases in the demo data).
      expect([...rows.values()].every((n) => n > 0)).toBe(true);
    });
  });
}
