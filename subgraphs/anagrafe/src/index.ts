import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo, seedTerritori } from './seed';
import { startAnagrafe } from './server';

export const anagrafeSubgraph = {
  name: 'anagrafe',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4101,
  start: startAnagrafe,
  seedReference: seedTerritori,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as anagrafeTables from './db/schema';
