import { fileURLToPath } from 'node:url';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { loadDemo } from './seed';
import { startSina } from './server';

export const sinaSubgraph = {
  name: 'sina',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4104,
  start: startSina,
  loadDemo,
} satisfies SubgraphModule<DemoDataset>;

export * as sinaTables from './db/schema';
export { annullaValutazioneSina, deliverValutazioniSina, type ChiaveValutazioneSina, type NuovaValutazioneSina } from './db/delivery';
