export * from './databases';
export * from './graphql-client';
export * from './subgraph';
export * from './ports';
export * from './migrations';
