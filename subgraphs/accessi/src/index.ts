import { fileURLToPath } from 'node:url';
import type { SubgraphModule } from '@casellario/kit';
import { definition, sdl } from './schema';
import { startAccessi } from './server';

export const accessiSubgraph = {
  name: 'accessi',
  sdl,
  definition,
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  defaultPort: 4108,
  start: startAccessi,
} satisfies SubgraphModule;

export * as accessiTables from './db/schema';
export { registraAccessi } from './db/registra';
export { verificaCatena, descriviEsito, type EsitoVerifica, type AnelloRotto, type Ancora } from './verifica';
export { hashAccesso, serializzaAccesso, HASH_INIZIALE } from './domain/catena';
