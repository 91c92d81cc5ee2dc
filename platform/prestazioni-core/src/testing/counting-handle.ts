import type { Database, DatabaseHandle } from '@casellario/kit';
import type { TestDatabase } from '@casellario/kit/testing';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';

/** A database handle that counts the SQL statements run through it. */
export interface CountingHandle {
  handle: DatabaseHandle;
  /** Statements since the last reset. */
  count(): number;
  reset(): void;
}

/**
 * A second handle on a test database, built like kit's but with a drizzle logger
 * that counts every statement: how batching (DataLoader + `= ANY`) is shown to hold,
 * without pg_stat_statements and on both engines.
 */
export function countingHandle(database: TestDatabase): CountingHandle {
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  let handle: DatabaseHandle;
  if (database.backend === 'pglite') {
    const pglite = database.pglite!;
    const db = drizzlePglite({ client: pglite, casing: 'snake_case', logger }) as unknown as Database;
    handle = {
      db,
      kind: 'pglite',
      rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
      script: async (text) => void (await pglite.exec(text)),
      close: async () => {},
    };
  } else {
    const client = postgres(database.url!, { max: 2, onnotice: () => {} });
    const db = drizzlePostgres({ client, casing: 'snake_case', logger }) as unknown as Database;
    handle = {
      db,
      kind: 'postgres',
      rows: async <T>(query: SQL) => (await db.execute(query)) as unknown as T[],
      script: async (text) => void (await client.unsafe(text)),
      close: () => client.end({ timeout: 5 }),
    };
  }
  return {
    handle,
    count: () => statements,
    reset: () => {
      statements = 0;
    },
  };
}
