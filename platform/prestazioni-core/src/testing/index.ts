export * from './fixture';
export * from './suite';
