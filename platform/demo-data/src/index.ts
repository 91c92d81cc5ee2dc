export { generateDataset, streamDataset } from './stream';
export type { DemoDatasetChunk, GenerateOptions, StreamOptions } from './stream';
export { SHOWCASE_CODICE_FISCALE, SHOWCASE_ENTE } from './showcase';
export { scalaEquivalenza } from './benefits';
export { REGIONI_ENTI, REGIONI_EROGATRICI } from './enti';
export type * from './types';
export * from './caseload';
