import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo, seedCatalogo } from './seed';
import { startSip } from './server';

export const sipSubgraph = {
  name: 'sip',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4106,
  start: startSip,
  seedReference: seedCatalogo,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as sipTables from './db/schema';
export type { CasoSipDemo } from './seed';
