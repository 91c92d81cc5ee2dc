import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './database';

/**
 * Applies a subgraph's committed migrations. Each subgraph keeps its own journal
 * table (`drizzle.__migrations_<subgraph>`), so subgraphs sharing one database
 * (embedded mode, tests) never see each other's history.
 */
export async function applyMigrations(handle: DatabaseHandle, options: { subgraph: string; folder: string }): Promise<void> {
  const config = {
    migrationsFolder: options.folder,
    migrationsTable: `__migrations_${options.subgraph.replaceAll('-', '_')}`,
    migrationsSchema: 'drizzle',
  };
  if (handle.kind === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, config);
  else await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
}
