export * from './fixture';
export * from './counting-handle';
export * from './suite';
