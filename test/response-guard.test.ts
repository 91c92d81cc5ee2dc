import { randomUUID } from 'node:crypto';
import { allComuni, buildCodiceFiscale, omocodeVariant } from '@casellario/domain';
import { composeSupergraph, startGateway, type RunningGateway } from '@casellario/gateway';
import { containsCodiceFiscale, logger, startSubgraphServer, valoriTrattenuti, type RunningServer } from '@casellario/kit';
import { graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import { isAuthenticated, sameRule } from '@casellario/policies';
import fc from 'fast-check';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The response guard (issue 13, deliverable 2, last line of defence): a subgraph
 * built through kit whose resolvers deliberately return codici fiscali, as a bug
 * would. For programmazione and monitoraggio every such value is withheld (null and
 * a FORBIDDEN error at its path that does not repeat it), logged without the value
 * and counted; gestione gets the data as it is. Pseudonyms, dates and ISTAT codes
 * never trigger it.
 */
const CF = buildCodiceFiscale({ cognome: 'BRUNO', nome: 'ELENA', annoNascita: 1951, mese: 9, giorno: 5, genere: '2', belfiore: 'D383' });
const OMOCODE = omocodeVariant(CF, 2);
const TEMPORANEO = '12345678903';
const SBAGLIATO = CF.slice(0, 15) + (CF.endsWith('A') ? 'B' : 'A');

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    scheda: Scheda
  }
  type Scheda {
    codice: String
    nota: String
    elenco: [String]
    omocodice: String
    controlloErrato: String
    data: String
    istat: String
  }
`;

const SCHEDA = {
  codice: CF,
  nota: `Contributo a BRUNO ELENA ${CF} via Roma 1`,
  elenco: ['nulla da segnalare', `provvisorio:${TEMPORANEO}`],
  omocodice: OMOCODE.toLowerCase(),
  controlloErrato: SBAGLIATO,
  data: '2024-06-30T10:00:00.000Z',
  istat: '058091',
};
const QUERY = '{ scheda { codice nota elenco omocodice controlloErrato data istat } }';

describe('the response guard withholds codici fiscali from the pseudonymous purposes', () => {
  let subgraph: RunningServer;
  let gateway: RunningGateway;
  const warnings: Array<Record<string, unknown>> = [];
  const warn = logger.warn;

  beforeAll(async () => {
    // The logger's warnings are read back, and still written as usual.
    logger.warn = ((obj: unknown, ...rest: unknown[]) => {
      if (obj && typeof obj === 'object') warnings.push(obj as Record<string, unknown>);
      return (warn as (...a: unknown[]) => void).call(logger, obj, ...rest);
    }) as typeof logger.warn;
    const { verify } = await testSecurity();
    subgraph = await startSubgraphServer({
      definition: {
        name: 'sonda',
        typeDefs: gql(SDL),
        resolvers: { Query: { scheda: () => ({ ...SCHEDA, elenco: [...SCHEDA.elenco] }) } },
        permissions: { Query: { scheda: isAuthenticated }, Scheda: sameRule(isAuthenticated, Object.keys(SCHEDA)) },
      },
      verify,
      createContext: (viewer) => ({ viewer }),
      ready: async () => true,
      port: 0,
    });
    const supergraphSdl = composeSupergraph([{ name: 'sonda', sdl: SDL, url: subgraph.url }]);
    gateway = await startGateway({ supergraphSdl, subgraphUrls: { sonda: subgraph.url }, verify, port: 0 });
  });
  afterAll(async () => {
    logger.warn = warn;
    await gateway?.close();
    await subgraph?.close();
  });

  for (const ruolo of ['programmazione', 'monitoraggio'] as const) {
    for (const where of ['at the subgraph', 'through the gateway'] as const) {
      it(`${ruolo}, ${where}: withheld, logged without the value, counted`, async () => {
        const before = valoriTrattenuti('sonda');
        warnings.length = 0;
        const requestId = `guardia-${ruolo}-${randomUUID()}`;
        const r = await graphqlRequest<{ scheda: Record<string, unknown> }>(where === 'at the subgraph' ? subgraph.url : gateway.url, QUERY, {
          token: await ROLE_TOKENS[ruolo](),
          headers: { 'x-request-id': requestId },
        });
        expect(r.data?.scheda).toEqual({
          codice: null,
          nota: null,
          elenco: ['nulla da segnalare', null],
          omocodice: null,
          // Not a codice fiscale (wrong check character), and not someone's: let through.
          controlloErrato: SBAGLIATO,
          data: SCHEDA.data,
          istat: '058091',
        });
        expect(r.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
          ['scheda.codice', 'FORBIDDEN'],
          ['scheda.elenco.1', 'FORBIDDEN'],
          ['scheda.nota', 'FORBIDDEN'],
          ['scheda.omocodice', 'FORBIDDEN'],
        ]);
        expect(r.errors?.every((e) => e.message.startsWith('Valore trattenuto:'))).toBe(true);
        for (const value of [CF, OMOCODE, OMOCODE.toLowerCase(), TEMPORANEO, 'BRUNO']) expect(r.raw).not.toContain(value);
        expect(valoriTrattenuti('sonda') - before).toBe(4);
        const logged = warnings.filter((w) => w.subgraph === 'sonda');
        expect(logged.map((w) => w.path).sort()).toEqual(['scheda.codice', 'scheda.elenco.1', 'scheda.nota', 'scheda.omocodice']);
        // The request id the subgraph received: the client's at the subgraph (with a valid proof);
        // through the gateway, the one the gateway gave the request.
        const ids = new Set(logged.map((w) => w.requestId));
        expect(ids.size).toBe(1);
        if (where === 'at the subgraph') expect([...ids]).toEqual([requestId]);
        else expect(typeof [...ids][0]).toBe('string');
        expect(logged.every((w) => w.ruolo === ruolo)).toBe(true);
        expect(JSON.stringify(logged)).not.toMatch(new RegExp(`${CF}|${OMOCODE}|${TEMPORANEO}`, 'i'));
      });
    }
  }

  it('lets gestione and controllo read the same answer untouched, counting nothing', async () => {
    const before = valoriTrattenuti('sonda');
    for (const token of [await ROLE_TOKENS.gestione('H501'), await ROLE_TOKENS.controllo('GDF')]) {
      const r = await graphqlRequest<{ scheda: unknown }>(subgraph.url, QUERY, { token });
      expect(r.errors).toBeUndefined();
      expect(r.data?.scheda).toEqual(SCHEDA);
    }
    expect(valoriTrattenuti('sonda')).toBe(before);
  });
});

describe('what never triggers the guard', () => {
  it('pseudonyms and cursors (hex) of any length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 48 }), fc.constantFrom('k1', 'm1', 'p2'), (bytes, kid) => {
        expect(containsCodiceFiscale(`${kid}.${Buffer.from(bytes).toString('hex')}`)).toBe(false);
      }),
      { numRuns: 20_000 },
    );
  });

  it('ISO dates and instants, uuids, ISTAT and Belfiore codes of every comune', () => {
    for (const c of allComuni()) {
      expect(containsCodiceFiscale(c.istat)).toBe(false);
      expect(containsCodiceFiscale(c.belfiore)).toBe(false);
    }
    for (let i = 0; i < 2_000; i++) expect(containsCodiceFiscale(randomUUID())).toBe(false);
    expect(containsCodiceFiscale('2024-06-30T10:00:00.000Z')).toBe(false);
    expect(containsCodiceFiscale('20240630')).toBe(false);
  });

  it('but every word-bounded codice fiscale does, omocodes and temporary codes included', () => {
    for (const text of [CF, `a ${CF}.`, `(${OMOCODE})`, OMOCODE.toLowerCase(), `cf:${TEMPORANEO}`]) expect(containsCodiceFiscale(text)).toBe(true);
    // Inside a longer word it is no codice fiscale of its own.
    expect(containsCodiceFiscale(`X${CF}`)).toBe(false);
  });
});
