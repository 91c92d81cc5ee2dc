import { PGlite } from '@electric-sql/pglite';
import { type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

/** A drizzle database on either driver; subgraph code is written against this. */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/**
 * A subgraph's connection: the drizzle handle, which engine is behind it, and how to
 * close it. Raw SQL goes through `rows()` because the two drivers shape results
 * differently.
 */
export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  rows<T>(query: SQL): Promise<T[]>;
  /** Runs a multi-statement script (DDL, grants) as written. */
  script(text: string): Promise<void>;
  /** Whether the database answers (readiness probes). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Called with each SQL statement drizzle sends (tests count them to prove batching). */
export type QueryListener = (sql: string) => void;

function queryLogger(onQuery: QueryListener | undefined) {
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : false;
}

/** Opens a pool on a PostgreSQL URL (server mode, tests, benchmarks). */
export function openPostgres(url: string, options: { max?: number; applicationName?: string; onQuery?: QueryListener } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? 'casellario' },
  });
  const db = drizzlePostgres({ client, casing: 'snake_case', logger: queryLogger(options.onQuery) }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    rows: async <T>(query: SQL) => (await db.execute(query)) as unknown as T[],
    script: async (text) => {
      await client.unsafe(text);
    },
    ping: async () => {
      await client`select 1`;
      return true;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Wraps one shared PGlite instance (embedded mode). Closing a handle does not
 * close the instance: the process that created it owns it.
 */
export function usePglite(pglite: PGlite, options: { onQuery?: QueryListener } = {}): DatabaseHandle {
  const db = drizzlePglite({ client: pglite, casing: 'snake_case', logger: queryLogger(options.onQuery) }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    script: async (text) => {
      await pglite.exec(text);
    },
    ping: async () => {
      await pglite.query('select 1');
      return true;
    },
    close: async () => {},
  };
}

/** Creates an in-memory or on-disk PGlite instance. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  return PGlite.create(dataDir ? { dataDir } : {});
}
