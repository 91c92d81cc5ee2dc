import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
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
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: gql(s.sdl) })));
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
