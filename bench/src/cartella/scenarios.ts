import { randomUUID } from 'node:crypto';
import { gatewayProofHeaders, ROLE_TOKENS } from '@casellario/kit/testing';
import type { HttpScenario } from './measure';
import type { Campione } from './sample';

/** The cartella of the issue: one person by codice fiscale, every component. */
export const CARTELLA_QUERY = `query($cf:String!){ persona(codiceFiscale:$cf){ id codiceFiscale anagrafica{cognome nome annoNascita genere cittadinanza} residenza{codiceComune codiceRegione} prestazioniAgevolate{codicePrestazione importoMensile dataInizio} prestazioniSociali{codicePrestazione importoPrestazione} valutazioniSina{dataValutazione} valutazioniSip{ruoloNelNucleo} } }`;

export const ELENCO_QUERY = `{ elencoPrestazioniAgevolate(primi: 50) { elementi { codicePrestazione importoMensile persona { id } } } }`;

/** Each subgraph's share of the cartella, as the gateway asks for it (anagrafe by codice fiscale, the others by `_entities`). */
export const SUBGRAPH_QUERIES: Record<string, { query: string; byEntities: boolean; field: string }> = {
  anagrafe: {
    query: `query($cf:String!){ persona(codiceFiscale:$cf){ id codiceFiscale anagrafica{cognome nome annoNascita genere cittadinanza} residenza{codiceComune codiceRegione} } }`,
    byEntities: false,
    field: 'persona',
  },
  'prestazioni-agevolate': {
    query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Persona { prestazioniAgevolate{codicePrestazione importoMensile dataInizio} } } }`,
    byEntities: true,
    field: 'prestazioniAgevolate',
  },
  'prestazioni-sociali': {
    query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Persona { prestazioniSociali{codicePrestazione importoPrestazione} } } }`,
    byEntities: true,
    field: 'prestazioniSociali',
  },
  sina: {
    query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Persona { valutazioniSina{dataValutazione} } } }`,
    byEntities: true,
    field: 'valutazioniSina',
  },
  sip: {
    query: `query($r:[_Any!]!){ _entities(representations:$r){ ... on Persona { valutazioniSip{ruoloNelNucleo} } } }`,
    byEntities: true,
    field: 'valutazioniSip',
  },
};

/** `Bearer …` of a gestione operator of each ente in the sample, signed once. */
export async function gestioneTokens(persone: readonly Campione[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  for (const ente of new Set(persone.map((p) => p.ente))) tokens.set(ente, `Bearer ${await ROLE_TOKENS.gestione(ente)}`);
  return tokens;
}

/** A round-robin over the sample, shared by every connection of a run. */
function rotation(persone: readonly Campione[]): () => Campione {
  let i = 0;
  return () => persone[i++ % persone.length]!;
}

const ok = (field: string) => (body: string) => !body.includes('"errors"') && body.includes(`"${field}":`) && !body.includes(`"${field}":null`);

/** (a) and (e): the cartella through the gateway, each person with a token of their ente. */
export function gatewayCartella(scenario: string, gateway: string, persone: readonly Campione[], tokens: Map<string, string>): HttpScenario {
  const next = rotation(persone);
  return {
    scenario,
    url: gateway,
    next: () => {
      const p = next();
      return {
        headers: { 'content-type': 'application/json', authorization: tokens.get(p.ente)! },
        body: JSON.stringify({ query: CARTELLA_QUERY, variables: { cf: p.codiceFiscale } }),
      };
    },
    ok: ok('persona'),
  };
}

/**
 * (b): one subgraph's share of the cartella, straight to the subgraph. The
 * subgraph admits only requests that carry the gateway's proof, bound to the
 * request id and the Authorization header and valid 60 s: made here for every
 * request, as the gateway does.
 */
export function subgraphDirect(subgraph: string, url: string, persone: readonly Campione[], tokens: Map<string, string>): HttpScenario {
  const spec = SUBGRAPH_QUERIES[subgraph]!;
  const next = rotation(persone);
  return {
    scenario: `${subgraph} direct`,
    url,
    next: () => {
      const p = next();
      const authorization = tokens.get(p.ente)!;
      const variables = spec.byEntities ? { r: [{ __typename: 'Persona', id: p.id }] } : { cf: p.codiceFiscale };
      return {
        headers: { 'content-type': 'application/json', authorization, ...gatewayProofHeaders(authorization, randomUUID()) },
        body: JSON.stringify({ query: spec.query, variables }),
      };
    },
    ok: ok(spec.field),
  };
}

/** (d): the first page of the PSA listing for programmazione of region 12. */
export async function elenco(gateway: string): Promise<HttpScenario> {
  const authorization = `Bearer ${await ROLE_TOKENS.programmazione('12')}`;
  const body = JSON.stringify({ query: ELENCO_QUERY });
  return {
    scenario: 'elenco PSA, 1 page (programmazione R12)',
    url: gateway,
    next: () => ({ headers: { 'content-type': 'application/json', authorization }, body }),
    ok: ok('elencoPrestazioniAgevolate'),
  };
}
