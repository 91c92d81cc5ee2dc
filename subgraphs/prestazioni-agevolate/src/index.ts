import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo } from './seed';
import { startPrestazioniAgevolate } from './server';

export const prestazioniAgevolateSubgraph = {
  name: 'prestazioni-agevolate',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4102,
  start: startPrestazioniAgevolate,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as prestazioniAgevolateTables from './db/schema';
