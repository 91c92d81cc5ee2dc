export * from './server';
export * from './compose';
export * from './subgraph-list';
export type { GatewayContext } from './context';
export * from './hive-gateway';
export * from './concurrency';
