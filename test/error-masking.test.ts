import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeSupergraph, startGateway, type RunningGateway } from '@casellario/gateway';
import { badUserInput, isAuthenticated } from '@casellario/policies';
import { startSubgraphServer, type RunningServer } from '@casellario/kit';
import { graphqlRequest, ROLE_TOKENS, testSecurity } from '@casellario/kit/testing';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A subgraph error that carries a codice fiscale (a database error quoting the
 * row, a message written carelessly) must reach the client masked: by the
 * subgraph's own formatter, and again by the gateway when a subgraph does not
 * mask (a faulty or foreign one).
 */
const CF = 'RSSMRA85T10A562S';
const OMOCODE = 'RSSMRA85T10A56NH';

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    "An unexpected failure whose text quotes a row."
    guastoInterno: String
    "An expected refusal whose message was written with the codice fiscale in it."
    guastoPrevisto: String
  }
`;

const SQL_TEXT = `duplicate key value violates unique constraint "persona_cf" DETAIL: Key (codice_fiscale)=(${CF}) already exists. select * from anagrafe.persona where codice_fiscale = '${OMOCODE}'`;

function expectClean(raw: string): void {
  expect(raw).not.toContain(CF);
  expect(raw).not.toContain(OMOCODE);
  expect(raw).not.toMatch(/select|constraint|codice_fiscale|anagrafe\.persona|stack/i);
}

describe('errors carrying a codice fiscale reach the client masked', () => {
  let subgraph: RunningServer;
  let unmasked: Server;
  let gateway: RunningGateway;
  let foreignGateway: RunningGateway;

  beforeAll(async () => {
    const { verify } = await testSecurity();
    // A real subgraph, served like every other one, whose resolvers fail with identifying text.
    subgraph = await startSubgraphServer({
      definition: {
        name: 'guasto',
        typeDefs: gql(SDL),
        resolvers: {
          Query: {
            guastoInterno: () => {
              throw new Error(SQL_TEXT);
            },
            guastoPrevisto: () => {
              throw badUserInput(`Il codice fiscale ${CF} (omocodice ${OMOCODE}) non è nel tuo carico`);
            },
          },
        },
        permissions: { Query: { guastoInterno: isAuthenticated, guastoPrevisto: isAuthenticated } },
      },
      verify,
      createContext: (viewer) => ({ viewer }),
      ready: async () => true,
      port: 0,
    });
    // A "subgraph" that masks nothing: it answers every request with the raw errors.
    unmasked = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            data: { guastoInterno: null, guastoPrevisto: null },
            errors: [
              { message: SQL_TEXT, path: ['guastoInterno'], extensions: { code: 'INTERNAL_SERVER_ERROR', exception: { stacktrace: [`Error: ${CF}`] } } },
              { message: `Persona ${CF} non trovata`, path: ['guastoPrevisto'], extensions: { code: 'BAD_USER_INPUT', codiceFiscale: CF } },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => unmasked.listen(0, '127.0.0.1', () => resolve()));
    const supergraphSdl = composeSupergraph([{ name: 'guasto', sdl: SDL, url: 'http://127.0.0.1:1/graphql' }]);
    gateway = await startGateway({ supergraphSdl, subgraphUrls: { guasto: subgraph.url }, verify, port: 0 });
    foreignGateway = await startGateway({
      supergraphSdl,
      subgraphUrls: { guasto: `http://127.0.0.1:${(unmasked.address() as AddressInfo).port}/graphql` },
      verify,
      port: 0,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await foreignGateway?.close();
    await subgraph?.close();
    unmasked?.closeAllConnections();
    unmasked?.close();
  });

  it('masks an unexpected failure as a bare internal error, directly at the subgraph and through the gateway', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const url of [subgraph.url, gateway.url]) {
      const r = await graphqlRequest(url, '{ guastoInterno }', { token });
      expect({ url, data: r.data, errors: r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) }).toEqual({
        url,
        data: { guastoInterno: null },
        errors: [{ message: 'Errore interno del servizio', code: 'INTERNAL_SERVER_ERROR' }],
      });
      expectClean(r.raw);
    }
  });

  it('keeps an expected refusal’s message but replaces the codice fiscale in it, omocodes included', async () => {
    const token = await ROLE_TOKENS.gestione('H501');
    for (const url of [subgraph.url, gateway.url]) {
      const r = await graphqlRequest(url, '{ guastoPrevisto }', { token });
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toBe('Il codice fiscale [codice fiscale] (omocodice [codice fiscale]) non è nel tuo carico');
      expectClean(r.raw);
    }
  });

  it('masks at the gateway what a subgraph that masks nothing sends back', async () => {
    const r = await graphqlRequest(foreignGateway.url, '{ guastoInterno guastoPrevisto }', { token: await ROLE_TOKENS.gestione('H501') });
    expect(r.data).toEqual({ guastoInterno: null, guastoPrevisto: null });
    expect(r.errors).toHaveLength(2);
    expectClean(r.raw);
  });
});
