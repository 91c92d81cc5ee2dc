import { GATEWAY_QUERY_LIMITS, queryLimitsFromEnv, SUBGRAPH_QUERY_LIMITS } from '@casellario/kit';
import { graphqlRequest, ROLE_TOKENS, type GraphQLResult } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

const CF = 'BNCGLI58E43H501T';

/** 12 levels of fields, through the SIP household cycle (case → member → person → membership → case …). */
const DODICI_LIVELLI = `{ elencoCasiSip(primi: 1) { elementi { componenti { persona { valutazioniSip { caso {
  componenti { persona { valutazioniSip { caso { componenti { ruolo } } } } } } } } } } } }`;

/** The same path cut at 10 levels: the deepest the gateway admits by default. */
const DIECI_LIVELLI = `{ elencoCasiSip(primi: 1) { elementi { componenti { persona { valutazioniSip { caso {
  componenti { persona { valutazioniSip { ruoloNelNucleo } } } } } } } } } }`;

/** 100 aliases of one root field: a batch of 100 look-ups in one request. */
const CENTO_ALIAS = `{ ${Array.from({ length: 100 }, (_, i) => `p${i}: persona(codiceFiscale: "${CF}") { id }`).join(' ')} }`;

/** Exactly 10,000 tokens: 8 to open, 9,990 copies of one field, 2 to close. */
const DIECIMILA_TOKEN = `{ ente(codice: "H501") { ${'codice '.repeat(9990)}} }`;

/** 60 directives on one operation. */
const SESSANTA_DIRETTIVE = `{ ente(codice: "H501") { ${'codice @skip(if: false) '.repeat(60)}} }`;

/**
 * Every scalar of a PSA record, plus its ente's code and its DSU: what a "give me
 * everything" client asks at each level, valid both at the gateway and directly at
 * prestazioni-agevolate (which knows an ente by its code only).
 */
const PSA_TUTTO = `id presenzaProvaMezzi caratterePrestazione codicePrestazione denominazionePrestazione protocolloDomanda
  dataEvento dataInizio dataFine dataErogazione importoPrestazione periodoErogazione importoMensile importoQuotaEnte
  importoQuotaUtente importoQuotaSsn importoQuotaRichiesta importoSogliaIsee oreServizioMensile presaInCarico areaUtenza
  numeroProtocolloDsu annoProtocolloDsu dataDsu codiceComuneResidenza codiceRegioneResidenza annullata
  enteErogatore { codice } dsu { isee tipoIsee dataScadenza }`;

/**
 * Expensive listings: 200 records per page nested in 200 esiti per flow (40,000
 * rows), and 200 PSA records each walked back to the person's benefits three
 * times over — both within the depth, alias and token limits, so that only the
 * cost can refuse them.
 */
const FLUSSI_PER_ESITI = `{ flussi(primi: 200) { elementi { nome esiti(primi: 200) { elementi {
  numero riferimento segnalazioni { codice messaggio } } } } } }`;
const PSA_ANNIDATE = `{ elencoPrestazioniAgevolate(primi: 200) { elementi { ${PSA_TUTTO} persona { prestazioniAgevolate { ${PSA_TUTTO}
  persona { prestazioniAgevolate { ${PSA_TUTTO} persona { prestazioniAgevolate { ${PSA_TUTTO} } } } } } } } } }`;

/** The pseudonymous cartella of every person on a full page: the heaviest legitimate read (test/cartella.test.ts). */
const CARTELLA = `id codiceFiscale
  anagrafica { cognome nome annoNascita fasciaEta genere cittadinanza }
  residenza { codiceComune codiceRegione }
  prestazioniAgevolate { codicePrestazione protocolloDomanda importoMensile importoPrestazione areaUtenza enteErogatore { codice denominazione } dsu { isee tipoIsee } }
  prestazioniSociali { codicePrestazione protocolloDomanda importoMensile importoPrestazione caratterePrestazione }
  valutazioniSina { dataValutazione mobilita attivitaVitaQuotidiana invaliditaCivile necessitaInterventiSociali }
  valutazioniSip { ruoloNelNucleo caso { misura stato componenti { ruolo persona { id } } } }`;

/** Asserts a refusal by a query limit: HTTP 400, no data, one error with the reason and not a digit in it. */
function expectRefused(r: GraphQLResult, motivo: string, where: string): void {
  expect({ where, status: r.status, data: r.data ?? null }).toEqual({ where, status: 400, data: null });
  expect(r.errors, JSON.stringify(r.errors)).toHaveLength(1);
  const [error] = r.errors!;
  expect({ where, code: error!.extensions?.code, motivo: error!.extensions?.motivo }).toEqual({ where, code: 'GRAPHQL_VALIDATION_FAILED', motivo });
  // The message says what is wrong in Italian and never which number was crossed.
  expect(error!.message).toMatch(/^La richiesta /);
  expect(error!.message).not.toMatch(/\d/);
  expect(r.raw).not.toMatch(/limit|exceeded|found \d/i);
}

describe('query limits at the gateway and in every subgraph (attacker side)', () => {
  let tp: TestPlatform;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
  });
  afterAll(() => tp?.stop());

  const targets = (subgraph: string) => [
    ['gateway', () => tp.gatewayUrl],
    [subgraph, () => tp.subgraphUrl(subgraph)],
  ] as const;

  it('refuses a 12-deep query at the gateway and directly at the subgraph', async () => {
    const token = await ROLE_TOKENS.monitoraggio();
    for (const [where, url] of targets('sip')) expectRefused(await graphqlRequest(url(), DODICI_LIVELLI, { token }), 'RICHIESTA_TROPPO_PROFONDA', where);
  });

  it('admits the same path 10 levels deep (control)', async () => {
    const r = await graphqlRequest(tp.gatewayUrl, DIECI_LIVELLI, { token: await ROLE_TOKENS.monitoraggio() });
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect((r.data as { elencoCasiSip: { elementi: unknown[] } }).elencoCasiSip.elementi).toHaveLength(1);
  });

  it('refuses 100 aliases of persona(codiceFiscale:) with a gestione token, at the gateway and at anagrafe', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const [where, url] of targets('anagrafe')) expectRefused(await graphqlRequest(url(), CENTO_ALIAS, { token }), 'RICHIESTA_TROPPI_ALIAS', where);
  });

  it('refuses a query of 10,000 tokens before parsing it, at the gateway and at anagrafe', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const [where, url] of targets('anagrafe')) expectRefused(await graphqlRequest(url(), DIECIMILA_TOKEN, { token }), 'RICHIESTA_TROPPO_LUNGA', where);
  });

  it('refuses 60 directives, at the gateway and at anagrafe', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const [where, url] of targets('anagrafe')) expectRefused(await graphqlRequest(url(), SESSANTA_DIRETTIVE, { token }), 'RICHIESTA_TROPPE_DIRETTIVE', where);
  });

  it('refuses 200 esiti of each of 200 flows, at the gateway and at flussi', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const [where, url] of targets('flussi')) expectRefused(await graphqlRequest(url(), FLUSSI_PER_ESITI, { token }), 'RICHIESTA_TROPPO_ONEROSA', where);
  });

  it('refuses a 200-record page walked back to every benefit three times over, at the gateway and at prestazioni-agevolate', async () => {
    const token = await ROLE_TOKENS.monitoraggio();
    for (const [where, url] of targets('prestazioni-agevolate')) {
      expectRefused(await graphqlRequest(url(), PSA_ANNIDATE, { token }), 'RICHIESTA_TROPPO_ONEROSA', where);
    }
  });

  it('counts a page size given as a variable, not only a literal one', async () => {
    const query = `query ($n: Int) { flussi(primi: $n) { elementi { esiti(primi: $n) { elementi { numero riferimento segnalazioni { codice messaggio } } } } } }`;
    const token = await ROLE_TOKENS.gestione('H501');
    expectRefused(await graphqlRequest(tp.gatewayUrl, query, { token, variables: { n: 200 } }), 'RICHIESTA_TROPPO_ONEROSA', 'gateway');
    const small = await graphqlRequest(tp.gatewayUrl, query, { token, variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect(small.errors).toBeUndefined();
  });

  it('counts __typename aliases against the alias limit: 16 at the gateway, 31 at anagrafe', async () => {
    const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} ente(codice: "H501") { codice } }`;
    const token = await ROLE_TOKENS.gestione('H501');
    expectRefused(await graphqlRequest(tp.gatewayUrl, typenames(16), { token }), 'RICHIESTA_TROPPI_ALIAS', 'gateway');
    expectRefused(await graphqlRequest(tp.subgraphUrl('anagrafe'), typenames(31), { token }), 'RICHIESTA_TROPPI_ALIAS', 'anagrafe');
    // The same trick inside a fragment, and the 999 of the report (refused by one limit or another).
    const inFragment = `{ ...F } fragment F on Query { ${Array.from({ length: 16 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expectRefused(await graphqlRequest(tp.gatewayUrl, inFragment, { token }), 'RICHIESTA_TROPPI_ALIAS', 'gateway, fragment');
    const mille = await graphqlRequest(tp.gatewayUrl, typenames(999), { token });
    expect({ status: mille.status, data: mille.data ?? null }).toEqual({ status: 400, data: null });
    // Control: 15 pass at the gateway, and answer.
    const ok = await graphqlRequest<Record<string, unknown>>(tp.gatewayUrl, typenames(15), { token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.t14).toBe('Query');
  });

  it('refuses a subscription with HTTP 400 and a plain message, at the gateway and at every subgraph', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    const targets = { gateway: tp.gatewayUrl, ...Object.fromEntries(Object.keys(tp.platform.subgraphs).map((n) => [n, tp.subgraphUrl(n)])) };
    for (const [where, url] of Object.entries(targets)) {
      for (const query of ['subscription { __typename }', 'subscription S { a: __typename }']) {
        const r = await graphqlRequest(url, query, { token });
        expect({ where, status: r.status, data: r.data ?? null, errors: r.errors }).toEqual({
          where,
          status: 400,
          data: null,
          errors: [
            {
              message: 'Le sottoscrizioni (subscription) non sono disponibili: usare una query o una mutation.',
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', motivo: 'SOTTOSCRIZIONE_NON_AMMESSA' },
            },
          ],
        });
      }
    }
  });

  it('still serves the legitimate cartella, and the pseudonymous cartella of a full 200-record page', async () => {
    const gestione = await graphqlRequest<{ persona: { codiceFiscale: string; prestazioniAgevolate: unknown[] } }>(
      tp.gatewayUrl,
      `query ($cf: String!) { persona(codiceFiscale: $cf) { ${CARTELLA} } }`,
      { token: await ROLE_TOKENS.gestione('H501'), variables: { cf: CF } },
    );
    expect(gestione.errors).toBeUndefined();
    expect(gestione.data?.persona.codiceFiscale).toBe(CF);
    expect(gestione.data?.persona.prestazioniAgevolate.length).toBeGreaterThan(0);

    const pagina = await graphqlRequest<{ elencoPrestazioniAgevolate: { elementi: Array<{ persona: { id: string } }> } }>(
      tp.gatewayUrl,
      `{ elencoPrestazioniAgevolate(primi: 200) { haAltri cursoreSuccessivo elementi { codicePrestazione protocolloDomanda persona { ${CARTELLA} } } } }`,
      { token: await ROLE_TOKENS.monitoraggio() },
    );
    expect(pagina.status).toBe(200);
    // Only the identifying fields are refused (FORBIDDEN, per field); no limit refuses the operation.
    expect(new Set(pagina.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(pagina.data?.elencoPrestazioniAgevolate.elementi).toHaveLength(200);
  });

  describe('no field suggestions ("Did you mean …?") give the schema away', () => {
    // Each with the name only a suggestion would have revealed.
    const cases: Array<[string, string, string, string, Record<string, unknown>?]> = [
      ['a misspelled field', 'anagrafe', `{ persona(codiceFiscale: "${CF}") { codiceFiscal } }`, '"codiceFiscale"'],
      ['a misspelled argument', 'anagrafe', `{ ente(codic: "H501") { codice } }`, 'Did you mean'],
      ['a misspelled type in a fragment', 'anagrafe', `{ persona(codiceFiscale: "${CF}") { ... on Person { id } } }`, '"Persona"'],
      ['a misspelled enum value', 'prestazioni-agevolate', `{ elencoPrestazioniAgevolate(filtro: { areaUtenza: POVERTA }) { haAltri } }`, 'POVERTA_ESCLUSIONE'],
      [
        'a misspelled input field in variables',
        'prestazioni-agevolate',
        `query ($f: FiltroPrestazioni) { elencoPrestazioniAgevolate(filtro: $f) { haAltri } }`,
        '"codicePrestazione"',
        { f: { codicePrestazion: 'A1.04' } },
      ],
    ];
    for (const [label, subgraph, query, hidden, variables] of cases) {
      it(`answers ${label} without a suggestion, at the gateway and at ${subgraph}`, async () => {
        const token = await ROLE_TOKENS.monitoraggio();
        for (const [where, url] of targets(subgraph)) {
          const r = await graphqlRequest(url(), query, { token, variables });
          expect({ where, status: r.status }).toEqual({ where, status: 400 });
          expect(r.errors?.length).toBeGreaterThan(0);
          expect(r.errors!.every((e) => ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'].includes(e.extensions?.code ?? ''))).toBe(true);
          expect(r.raw).not.toMatch(/did you mean/i);
          expect(r.raw).not.toContain(hidden.replaceAll('"', '\\"'));
        }
      });
    }
  });
});

describe('query limits from the environment', () => {
  it('defaults to the documented limits, the subgraphs looser than the gateway', () => {
    expect(queryLimitsFromEnv('gateway', {})).toEqual({ profondita: 10, alias: 15, token: 3000, direttive: 20, costo: 50_000 });
    expect(queryLimitsFromEnv('subgraph', {})).toEqual(SUBGRAPH_QUERY_LIMITS);
    for (const key of Object.keys(GATEWAY_QUERY_LIMITS) as Array<keyof typeof GATEWAY_QUERY_LIMITS>) {
      expect(SUBGRAPH_QUERY_LIMITS[key]).toBeGreaterThan(GATEWAY_QUERY_LIMITS[key]);
    }
    // A 12-deep and a 10,000-token query must be refused by a subgraph reached directly, too.
    expect(SUBGRAPH_QUERY_LIMITS.profondita).toBeLessThan(12);
    expect(SUBGRAPH_QUERY_LIMITS.token).toBeLessThan(10_000);
  });

  it('reads LIMITE_* for the gateway and LIMITE_*_SOTTOGRAFI for subgraphs', () => {
    const env = { LIMITE_PROFONDITA: '8', LIMITE_COSTO: '20000', LIMITE_ALIAS_SOTTOGRAFI: '40', LIMITE_TOKEN_SOTTOGRAFI: '9000' };
    expect(queryLimitsFromEnv('gateway', env)).toEqual({ ...GATEWAY_QUERY_LIMITS, profondita: 8, costo: 20_000 });
    expect(queryLimitsFromEnv('subgraph', env)).toEqual({ ...SUBGRAPH_QUERY_LIMITS, alias: 40, token: 9000 });
  });

  it('refuses to start on a value that is not a positive integer', () => {
    expect(() => queryLimitsFromEnv('gateway', { LIMITE_PROFONDITA: 'dieci' })).toThrow('LIMITE_PROFONDITA must be a positive integer');
    expect(() => queryLimitsFromEnv('subgraph', { LIMITE_COSTO_SOTTOGRAFI: '0' })).toThrow('LIMITE_COSTO_SOTTOGRAFI must be a positive integer');
  });
});
