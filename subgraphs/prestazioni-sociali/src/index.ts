import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo } from './seed';
import { startPrestazioniSociali } from './server';

export const prestazioniSocialiSubgraph = {
  name: 'prestazioni-sociali',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4103,
  start: startPrestazioniSociali,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as prestazioniSocialiTables from './db/schema';
