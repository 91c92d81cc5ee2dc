export * from './fixture';
export * from './suite';
export * from './controlli-suite';
