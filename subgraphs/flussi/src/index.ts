import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { flussiKeysFromEnv } from './keys';
import { definition, sdl } from './schema';
import { loadDemoNote } from './seed';
import { startFlussi } from './server';

export const flussiSubgraph = {
  name: 'flussi',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4107,
  start: (runtime) => startFlussi(runtime),
  loadDemo: (handle, dataset) => loadDemoNote(handle, flussiKeysFromEnv(), dataset),
} satisfies SubgraphModule<DemoDataset>;

export { startFlussi } from './server';
export { riceviFlusso } from './ingest/ricevi-flusso';
export * as flussiTables from './db/schema';
export { createPullCollector } from './pull/collettore';
export { pullCollectorFromEnv } from './pull/env';
