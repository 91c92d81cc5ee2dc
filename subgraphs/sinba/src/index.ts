import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo } from './seed';
import { startSinba } from './server';

export const sinbaSubgraph = {
  name: 'sinba',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4105,
  start: startSinba,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as sinbaTables from './db/schema';
export { ATTRIBUTI_SINBA, casoSinbaRow, type CasoSinbaInput, type SedeEnte } from './db/caso-sinba-row';
export { upsertCasiSinba } from './db/queries';
