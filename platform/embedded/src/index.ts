export * from './platform';
export { SUBGRAPH_MODULES } from './subgraph-modules';
export { consoleRoutes, type ConsoleRoutesOptions } from './console-routes';
export { decideDevToken, type DevTokenDecision, type DevTokenRequest } from './dev-token-request';
