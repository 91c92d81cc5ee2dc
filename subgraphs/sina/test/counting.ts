import type { DatabaseHandle, Database } from '@casellario/kit';
import type { TestDatabase } from '@casellario/kit/testing';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

/** A database handle that records every SQL statement drizzle sends, to prove batching. */
export interface CountingHandle extends DatabaseHandle {
  queries: string[];
}

/**
 * Opens a second handle on a test database, built like the kit's (same driver,
 * same casing) but with a drizzle logger that records each statement.
 */
export function openCountingHandle(database: TestDatabase): CountingHandle {
  const queries: string[] = [];
  const logger = { logQuery: (query: string) => void queries.push(query) };
  if (database.backend === 'pglite') {
    const pglite = database.pglite!;
    const db = drizzlePglite({ client: pglite, casing: 'snake_case', logger }) as unknown as Database;
    return {
      queries,
      db,
      kind: 'pglite',
      rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
      script: async (text) => void (await pglite.exec(text)),
      close: async () => {},
    };
  }
  const client = postgres(database.url!, { max: 2, onnotice: () => {} });
  const db = drizzlePostgres({ client, casing: 'snake_case', logger }) as unknown as Database;
  return {
    queries,
    db,
    kind: 'postgres',
    rows: async <T>(query: SQL) => (await db.execute(query)) as unknown as T[],
    script: async (text) => void (await client.unsafe(text)),
    close: () => client.end({ timeout: 5 }),
  };
}
