export * from './platform';
export { SUBGRAPH_MODULES } from './subgraph-modules';
