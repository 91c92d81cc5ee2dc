import { caseloadPairs, type DemoPersona } from '@casellario/demo-data';
import { databaseBackends, graphqlRequest, ROLE_TOKENS, type GraphQLResult } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/**
 * Object-level authorisation from the attacker's side (OWASP API1): a case worker
 * of ente A (Roma, H501) asks for persons that only ente B (another comune) has in
 * its caseload — by codice fiscale, through many aliases, through `_entities`
 * straight at each subgraph, and through the listings — and gets nothing of
 * them, while the same queries for A's own persons answer (the controls).
 */
const ENTE_A = 'H501';

/** Everything a person-linked subgraph adds to a Persona, as `_entities` asks it. */
const ENTITY_SELECTIONS: Record<string, string> = {
  anagrafe: 'id codiceFiscale anagrafica { cognome nome } residenza { codiceComune }',
  'prestazioni-agevolate': 'prestazioniAgevolate { id protocolloDomanda }',
  'prestazioni-sociali': 'prestazioniSociali { id protocolloDomanda }',
  sina: 'valutazioniSina { id }',
  sip: 'valutazioniSip { ruoloNelNucleo }',
};

/** What each of those subgraphs gives for a person outside the caller's caseload: nothing at all. */
const NOTHING: Record<string, unknown> = {
  anagrafe: null,
  'prestazioni-agevolate': { prestazioniAgevolate: [] },
  'prestazioni-sociali': { prestazioniSociali: [] },
  sina: { valutazioniSina: [] },
  sip: { valutazioniSip: [] },
};

const CARTELLA = `id codiceFiscale anagrafica { cognome nome }
  prestazioniAgevolate { protocolloDomanda } prestazioniSociali { protocolloDomanda }
  valutazioniSina { id } valutazioniSip { ruoloNelNucleo }`;

for (const backend of databaseBackends()) {
  describe(`object-level authorisation, attacker side, on ${backend}`, () => {
    let tp: TestPlatform;
    let tokenA: string;
    /** Persons only other enti hold: A must never see them. */
    let victims: DemoPersona[];
    /** Persons A holds (the controls), with a benefit of A's among their records. */
    let own: DemoPersona[];
    beforeAll(async () => {
      tp = await startTestPlatform(backend);
      tokenA = await ROLE_TOKENS.gestione(ENTE_A);
      const pairs = caseloadPairs(tp.dataset);
      const ofA = new Set(pairs.filter((p) => p.enteCodice === ENTE_A).map((p) => p.personaId));
      const held = new Set(pairs.map((p) => p.personaId));
      victims = tp.dataset.persone.filter((p) => held.has(p.id) && !ofA.has(p.id));
      own = tp.dataset.persone.filter((p) => ofA.has(p.id));
    });
    afterAll(() => tp?.stop());

    it('has persons on both sides to test with', () => {
      expect(victims.length).toBeGreaterThanOrEqual(20);
      expect(own.length).toBeGreaterThanOrEqual(5);
    });

    it("answers ente A's question about ente B's person by codice fiscale with null, through the gateway and at anagrafe", async () => {
      const query = `query ($cf: String!) { persona(codiceFiscale: $cf) { id codiceFiscale } }`;
      const victim = victims[0]!;
      for (const url of [tp.gatewayUrl, tp.subgraphUrl('anagrafe')]) {
        const r = await graphqlRequest(url, query, { token: tokenA, variables: { cf: victim.codiceFiscale } });
        expect({ url, data: r.data, errors: r.errors }).toEqual({ url, data: { persona: null }, errors: undefined });
        expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
      }
      // Control: A's own person answers.
      const mine = await graphqlRequest<{ persona: { id: string } }>(tp.gatewayUrl, query, { token: tokenA, variables: { cf: own[0]!.codiceFiscale } });
      expect(mine.data?.persona).toEqual({ id: own[0]!.id, codiceFiscale: own[0]!.codiceFiscale });
    });

    it('gives nothing of the whole cartella of B’s persons: every part is null, not only the codice fiscale', async () => {
      const r = await graphqlRequest(tp.gatewayUrl, `query ($cf: String!) { persona(codiceFiscale: $cf) { ${CARTELLA} } }`, {
        token: tokenA,
        variables: { cf: victims[1]!.codiceFiscale },
      });
      expect(r.data).toEqual({ persona: null });
      expect(r.errors).toBeUndefined();
    });

    it('answers 15 aliased look-ups of B’s persons (the most the gateway admits) with 15 nulls; 100 aliases are refused outright', async () => {
      const batch = victims.slice(0, 15);
      const aliased = `{ ${batch.map((p, i) => `p${i}: persona(codiceFiscale: "${p.codiceFiscale}") { id codiceFiscale anagrafica { cognome } }`).join(' ')} }`;
      for (const url of [tp.gatewayUrl, tp.subgraphUrl('anagrafe')]) {
        const r = await graphqlRequest<Record<string, unknown>>(url, aliased, { token: tokenA });
        expect(r.errors).toBeUndefined();
        expect(r.data).toEqual(Object.fromEntries(batch.map((_, i) => [`p${i}`, null])));
      }
      const hundred = Array.from({ length: 100 }, (_, i) => victims[i % victims.length]!);
      const many = `{ ${hundred.map((p, i) => `p${i}: persona(codiceFiscale: "${p.codiceFiscale}") { id codiceFiscale }`).join(' ')} }`;
      for (const url of [tp.gatewayUrl, tp.subgraphUrl('anagrafe')]) {
        const r = await graphqlRequest(url, many, { token: tokenA });
        expect({ status: r.status, data: r.data ?? null, motivo: r.errors?.[0]?.extensions?.motivo }).toEqual({
          status: 400,
          data: null,
          motivo: 'RICHIESTA_TROPPI_ALIAS',
        });
        expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
      }
    });

    it('resolves B’s persons to nothing through _entities, straight at every person-linked subgraph', async () => {
      const ids = victims.slice(0, 10).map((p) => p.id);
      for (const [subgraph, selection] of Object.entries(ENTITY_SELECTIONS)) {
        const r = await graphqlRequest<{ _entities: unknown[] }>(
          tp.subgraphUrl(subgraph),
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { ${selection} } } }`,
          { token: tokenA, variables: { r: ids.map((id) => ({ __typename: 'Persona', id })) } },
        );
        expect({ subgraph, errors: r.errors, entities: r.data?._entities }).toEqual({ subgraph, errors: undefined, entities: ids.map(() => NOTHING[subgraph]) });
      }
      // Control: A's own persons resolve at anagrafe, with their codice fiscale.
      const mine = await graphqlRequest<{ _entities: Array<{ codiceFiscale: string }> }>(
        tp.subgraphUrl('anagrafe'),
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Persona { codiceFiscale } } }`,
        { token: tokenA, variables: { r: own.slice(0, 3).map((p) => ({ __typename: 'Persona', id: p.id })) } },
      );
      expect(mine.data?._entities).toEqual(own.slice(0, 3).map((p) => ({ codiceFiscale: p.codiceFiscale })));
    });

    it('lists only A’s own records, and the persons behind them are A’s: no listing leads to B’s persons', async () => {
      const victimIds = new Set(victims.map((p) => p.id));
      const listings: Array<[string, string]> = [
        ['elencoPrestazioniAgevolate', 'enteErogatore { codice } persona { id codiceFiscale }'],
        ['elencoPrestazioniSociali', 'enteErogatore { codice } persona { id codiceFiscale }'],
        ['elencoValutazioniSina', 'enteErogatore { codice } persona { id codiceFiscale }'],
      ];
      for (const [field, selection] of listings) {
        const r = await graphqlRequest<Record<string, { elementi: Array<Record<string, any>> }>>(tp.gatewayUrl, `{ ${field}(primi: 200) { elementi { ${selection} } } }`, {
          token: tokenA,
        });
        expect({ field, errors: r.errors }).toEqual({ field, errors: undefined });
        const rows = r.data![field]!.elementi;
        expect(rows.length).toBeGreaterThan(0);
        const enti = new Set(rows.map((row) => row.enteErogatore.codice));
        expect({ field, enti: [...enti] }).toEqual({ field, enti: [ENTE_A] });
        expect(rows.filter((row) => victimIds.has(row.persona.id))).toEqual([]);
      }
      // SIP cases list the household; every member of A's cases is in A's caseload.
      const sip = await graphqlRequest<{ elencoCasiSip: { elementi: Array<{ enteErogatore: { codice: string }; componenti: Array<{ persona: { id: string } }> }> } }>(
        tp.gatewayUrl,
        `{ elencoCasiSip(primi: 200) { elementi { enteErogatore { codice } componenti { persona { id } } } } }`,
        { token: tokenA },
      );
      expect(sip.errors).toBeUndefined();
      for (const caso of sip.data!.elencoCasiSip.elementi) {
        expect(caso.enteErogatore.codice).toBe(ENTE_A);
        expect(caso.componenti.filter((c) => victimIds.has(c.persona.id))).toEqual([]);
      }
    });

    it('scopes a comune’s control body to its own caseload, while the Guardia di Finanza reads nationally', async () => {
      const query = `query ($cf: String!) { persona(codiceFiscale: $cf) { id } }`;
      const victim = victims[2]!;
      const comune = await graphqlRequest(tp.gatewayUrl, query, { token: await ROLE_TOKENS.controllo(ENTE_A), variables: { cf: victim.codiceFiscale } });
      expect(comune.data).toEqual({ persona: null });
      const gdf = await graphqlRequest(tp.gatewayUrl, query, { token: await ROLE_TOKENS.controllo('GDF'), variables: { cf: victim.codiceFiscale } });
      expect(gdf.data).toEqual({ persona: { id: victim.id } });
    });

    it('refuses a control body without a case reference (x-riferimento), at the gateway and at every subgraph, before reading anything', async () => {
      const token = await ROLE_TOKENS.controllo('GDF');
      const urls = [tp.gatewayUrl, ...Object.values(tp.platform.subgraphs).map((s) => s.url)];
      for (const url of urls) {
        const r = await graphqlRequest(url, '{ ente(codice: "H501") { codice } }', { token, riferimento: null });
        expect({ url, status: r.status, data: r.data ?? null, code: r.errors?.[0]?.extensions?.code, motivo: r.errors?.[0]?.extensions?.motivo }).toEqual({
          url,
          status: 403,
          data: null,
          code: 'FORBIDDEN',
          motivo: 'RIFERIMENTO_RICHIESTO',
        });
        expect(r.errors?.[0]?.message).toMatch(/x-riferimento/);
      }
      // A malformed reference is refused too, never silently dropped; a well-formed one answers.
      const bad: GraphQLResult = await graphqlRequest(tp.gatewayUrl, '{ ente(codice: "H501") { codice } }', { token, riferimento: 'PV 2026 <script>' });
      expect({ status: bad.status, motivo: bad.errors?.[0]?.extensions?.motivo }).toEqual({ status: 403, motivo: 'RIFERIMENTO_RICHIESTO' });
      const good = await graphqlRequest(tp.gatewayUrl, '{ ente(codice: "H501") { codice } }', { token, riferimento: 'PV-2026/0042' });
      expect(good.data).toEqual({ ente: { codice: 'H501' } });
    });
  });
}
