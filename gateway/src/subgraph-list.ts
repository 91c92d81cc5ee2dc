import { fileURLToPath } from 'node:url';

/**
 * The subgraphs the supergraph is composed from: name (as in the supergraph),
 * SDL file, and the URL used in server mode when no override is set.
 */
export const SUBGRAPHS = [
  { name: 'anagrafe', port: 4101 },
  { name: 'prestazioni-agevolate', port: 4102 },
  { name: 'prestazioni-sociali', port: 4103 },
  { name: 'sina', port: 4104 },
  { name: 'sinba', port: 4105 },
  { name: 'sip', port: 4106 },
  { name: 'flussi', port: 4107 },
  { name: 'accessi', port: 4108 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** The SDL file of a subgraph in this repository. */
export function sdlPath(name: string): string {
  return fileURLToPath(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url));
}

/** Default server-mode URL of a subgraph. */
export function defaultUrl(name: string): string {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  return `http://127.0.0.1:${entry?.port ?? 0}/graphql`;
}

/** `SUBGRAPH_URL_PRESTAZIONI_AGEVOLATE` for `prestazioni-agevolate`. */
export function urlEnvName(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase().replaceAll('-', '_')}`;
}

export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
