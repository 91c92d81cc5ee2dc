import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { defaultUrl, sdlPath, SUBGRAPHS } from './subgraph-list';

export interface SubgraphSdl {
  name: string;
  sdl: string;
  url: string;
}

/** The SDL files of this repository's subgraphs, with their server-mode URLs. */
export function readSubgraphSdls(): SubgraphSdl[] {
  return SUBGRAPHS.map(({ name }) => ({ name, sdl: readFileSync(sdlPath(name), 'utf8'), url: defaultUrl(name) }));
}

/**
 * Composes the supergraph with Apollo's composition library. Any composition
 * error is thrown with every message, so that CI fails on it.
 */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  return compose(subgraphs).supergraphSdl;
}

/**
 * The schema clients see through the gateway (the supergraph without its join
 * directives and internal fields such as `_entities`), as a graphql-js schema:
 * what tests generate client queries from.
 */
export function composeApiSchema(subgraphs: SubgraphSdl[]): GraphQLSchema {
  return compose(subgraphs).schema.toAPISchema().toGraphQLJSSchema();
}

function compose(subgraphs: SubgraphSdl[]) {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: gql(s.sdl) })));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result;
}
