import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { caseloadPairs, type DemoPersona } from '@casellario/demo-data';
import { SUPERGRAPH_PATH, startHiveGateway, type RunningHiveGateway } from '@casellario/gateway';
import { graphqlRequest, ROLE_TOKENS, type GraphQLResult } from '@casellario/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifyingValuesIn } from './identifying-values';
import { startTestPlatform, type TestPlatform } from './platform-fixture';

/**
 * Hive Gateway (@graphql-hive/gateway) serving the committed supergraph in front of
 * the same subgraphs as our Apollo gateway: the authorisation holds because it lives
 * in the subgraphs (token verified again, shield rules, row scope in SQL), not in
 * whichever gateway plans the query. Hive verifies no token and applies none of our
 * gateway's limits; what it must do is forward the caller's identity and sign each
 * hop with the gateway proof, without which the subgraphs admit nothing.
 *
 * Where Hive differs from our gateway, the cases say so: a refusal by the subgraphs
 * (bad token, missing case reference) reaches the client as a field error with
 * `data: { <root>: null }` and HTTP 200, where our gateway refuses the request up
 * front with 401/403 and no `data` at all. Subgraph error codes pass through unmasked
 * (Yoga masks only unexpected errors, and the subgraphs have masked those already).
 */
const ENTE_A = 'H501';

const CARTELLA = `codiceFiscale
  anagrafica { cognome nome annoNascita fasciaEta genere }
  prestazioniAgevolate { codicePrestazione protocolloDomanda dataInizio importoMensile enteErogatore { codice } }
  valutazioniSina { dataValutazione mobilita attivitaVitaQuotidiana invaliditaCivile }`;
const PERSONA = `query ($cf: String!) { persona(codiceFiscale: $cf) { ${CARTELLA} } }`;

describe('Hive Gateway in front of the same subgraphs', () => {
  let tp: TestPlatform;
  let hive: RunningHiveGateway;
  let gestione: string;
  beforeAll(async () => {
    tp = await startTestPlatform('pglite');
    hive = await startHiveGateway({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), subgraphUrls: subgraphUrls(tp), port: 0 });
    gestione = await ROLE_TOKENS.gestione(ENTE_A);
  });
  afterAll(async () => {
    await hive?.close();
    await tp?.stop();
  });

  const showcase = () => tp.dataset.showcase.codiceFiscale;
  /** What a client sends to a gateway: its token, never a proof of its own. */
  const ask = <T = Record<string, any>>(url: string, query: string, options: Parameters<typeof graphqlRequest>[2] = {}) =>
    graphqlRequest<T>(url, query, { gatewayProof: false, ...options });

  it('gives gestione the showcase cartella across anagrafe, PSA and SINA, the same as the Apollo gateway does', async () => {
    const viaHive = await ask<{ persona: Record<string, any> }>(hive.url, PERSONA, { token: gestione, variables: { cf: showcase() } });
    const viaApollo = await ask(tp.gatewayUrl, PERSONA, { token: gestione, variables: { cf: showcase() } });
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data?.persona).toMatchObject({ codiceFiscale: showcase(), anagrafica: { cognome: 'BIANCHI', nome: 'GIULIA' } });
    expect(viaHive.data!.persona.prestazioniAgevolate.length).toBeGreaterThan(0);
    expect(viaHive.data!.persona.valutazioniSina.length).toBeGreaterThan(0);
    expect({ status: viaHive.status, data: viaHive.data }).toEqual({ status: viaApollo.status, data: viaApollo.data });
  });

  it('gives programmazione no codice fiscale or name: null with FORBIDDEN, from the subgraphs, the rest as through Apollo', async () => {
    const query = `{ elencoPrestazioniAgevolate(primi: 20) { elementi { persona { id codiceFiscale anagrafica { cognome nome fasciaEta } } } } }`;
    const token = await ROLE_TOKENS.programmazione('12');
    const r = await ask<{ elencoPrestazioniAgevolate: { elementi: Array<{ persona: any }> } }>(hive.url, query, { token });
    const rows = r.data!.elencoPrestazioniAgevolate.elementi;
    expect(rows.length).toBeGreaterThan(0);
    for (const { persona } of rows) {
      expect(persona).toMatchObject({ codiceFiscale: null, anagrafica: { cognome: null, nome: null } });
      expect(persona.id).toEqual(expect.any(String));
      expect(persona.anagrafica.fasciaEta).toEqual(expect.any(String));
    }
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(new Set(r.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
    // Same rows and pseudonyms as through our gateway (per-audience keys live with the subgraphs).
    const viaApollo = await ask(tp.gatewayUrl, query, { token });
    expect(r.data).toEqual(viaApollo.data);
    // One error per refused field, as through Apollo. Their paths, though, are not
    // trustworthy through Hive 2.15: errors of the batched `_entities` fetch all come
    // back at `elementi.0` (Apollo gives each row's index). Only the field names are asserted.
    expect(r.errors!.length).toBe(viaApollo.errors!.length);
    expect(new Set(r.errors!.map((e) => e.path?.at(-1)))).toEqual(new Set(['codiceFiscale', 'cognome', 'nome']));
  });

  it('answers ente A about a person only another ente holds with null, whole cartella included', async () => {
    const pairs = caseloadPairs(tp.dataset);
    const ofA = new Set(pairs.filter((p) => p.enteCodice === ENTE_A).map((p) => p.personaId));
    const held = new Set(pairs.map((p) => p.personaId));
    const victim: DemoPersona = tp.dataset.persone.find((p) => held.has(p.id) && !ofA.has(p.id))!;
    const own: DemoPersona = tp.dataset.persone.find((p) => ofA.has(p.id))!;
    const r = await ask(hive.url, PERSONA, { token: gestione, variables: { cf: victim.codiceFiscale } });
    expect({ data: r.data, errors: r.errors }).toEqual({ data: { persona: null }, errors: undefined });
    expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
    // Control: A's own person answers through Hive.
    const mine = await ask<{ persona: { codiceFiscale: string } }>(hive.url, PERSONA, { token: gestione, variables: { cf: own.codiceFiscale } });
    expect(mine.data?.persona.codiceFiscale).toBe(own.codiceFiscale);
  });

  it('gives a missing, malformed or forged token nothing: the subgraphs refuse it (UNAUTHENTICATED), Hive passes the refusal on', async () => {
    const forged = `${gestione.slice(0, -4)}AAAA`;
    for (const token of [undefined, 'non-un-token', forged]) {
      const r = await ask(hive.url, PERSONA, { token, variables: { cf: showcase() } });
      // Hive: HTTP 200, the root field null with the subgraph's error (our gateway: 401, no data).
      expect({ token, status: r.status, data: r.data, codes: r.errors?.map((e) => e.extensions?.code) }).toEqual({
        token,
        status: 200,
        data: { persona: null },
        codes: ['UNAUTHENTICATED'],
      });
      expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
    }
  });

  it('refuses a control body without x-riferimento and answers it with one', async () => {
    const token = await ROLE_TOKENS.controllo('GDF');
    const without = await ask(hive.url, PERSONA, { token, riferimento: null, variables: { cf: showcase() } });
    // Refused by the subgraph (403 RIFERIMENTO_RICHIESTO there); Hive: HTTP 200, root null, the code and motivo intact.
    expect({ status: without.status, data: without.data, errors: without.errors?.map((e) => e.extensions) }).toEqual({
      status: 200,
      data: { persona: null },
      errors: [{ code: 'FORBIDDEN', motivo: 'RIFERIMENTO_RICHIESTO' }],
    });
    expect(identifyingValuesIn(JSON.parse(without.raw), tp.dataset)).toEqual([]);
    const withRef = await ask<{ persona: { codiceFiscale: string } }>(hive.url, PERSONA, { token, riferimento: 'PV-2026/0042', variables: { cf: showcase() } });
    expect(withRef.errors).toBeUndefined();
    expect(withRef.data?.persona.codiceFiscale).toBe(showcase());
  });

  it('gets nothing from the subgraphs when its proof is made with another secret, even if the client brings a valid one', async () => {
    const secret = randomBytes(32).toString('base64url');
    const impostor = await startHiveGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: subgraphUrls(tp),
      port: 0,
      gatewaySecrets: { current: secret, accepted: [secret] },
    });
    try {
      // gatewayProof: true — the client sends a valid proof and x-request-id; Hive must not pass them on.
      const r: GraphQLResult = await graphqlRequest(impostor.url, PERSONA, { token: gestione, gatewayProof: true, variables: { cf: showcase() } });
      // The subgraph's refusal (403, "only through the gateway"), as a field error through Hive.
      expect({ status: r.status, data: r.data, codes: r.errors?.map((e) => e.extensions?.code) }).toEqual({
        status: 200,
        data: { persona: null },
        codes: ['FORBIDDEN'],
      });
      expect(identifyingValuesIn(JSON.parse(r.raw), tp.dataset)).toEqual([]);
    } finally {
      await impostor.close();
    }
  });

  it('keeps the schema to itself: no introspection, no "Did you mean …?"', async () => {
    const introspection = await ask(hive.url, '{ __schema { types { name } } }', { token: gestione });
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const guess = await ask(hive.url, '{ persone { id } }', { token: gestione });
    expect(guess.data ?? null).toBeNull();
    expect(guess.errors?.[0]?.message).toBe('Cannot query field "persone" on type "Query".');
  });
});

function subgraphUrls(tp: TestPlatform): Record<string, string> {
  return Object.fromEntries(Object.entries(tp.platform.subgraphs).map(([name, s]) => [name, s.url]));
}
