import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createPglite, openPostgres, usePglite, type DatabaseHandle, type QueryListener } from '../database';

export type Backend = 'pglite' | 'postgres';

/**
 * The engines every database suite runs on: both by default, or those listed in
 * TEST_DATABASES (e.g. `pglite`) for a quick local loop.
 */
export function databaseBackends(): Backend[] {
  const wanted = (process.env.TEST_DATABASES ?? 'pglite,postgres').split(',').map((s) => s.trim());
  return (['pglite', 'postgres'] as const).filter((b) => wanted.includes(b));
}

export const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A throwaway database: a fresh PGlite, or a new database on the server, dropped at the end. */
export interface TestDatabase {
  backend: Backend;
  /** Connection URL (postgres only). */
  url?: string;
  /** The shared instance (pglite only). */
  pglite?: PGlite;
  /** A new handle on the database (a pool for postgres, the shared instance for pglite). */
  open(options?: { onQuery?: QueryListener }): DatabaseHandle;
  drop(): Promise<void>;
}

/** Creates a throwaway database on the given engine. */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const pglite = await createPglite();
    return { backend, pglite, open: (options) => usePglite(pglite, options), drop: () => pglite.close() };
  }
  const name = `casellario_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const handles: DatabaseHandle[] = [];
  return {
    backend,
    url: url.toString(),
    open: (options) => {
      const handle = openPostgres(url.toString(), { max: 4, ...options });
      handles.push(handle);
      return handle;
    },
    drop: async () => {
      await Promise.all(handles.map((h) => h.close()));
      const admin2 = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await admin2.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin2.end();
    },
  };
}

/** A handle that records every SQL statement it sends: how tests show that reads are batched. */
export interface CountingHandle extends DatabaseHandle {
  queries: string[];
}

/** Opens a counting handle on a test database. */
export function openCountingHandle(database: TestDatabase): CountingHandle {
  const queries: string[] = [];
  return Object.assign(database.open({ onQuery: (q) => void queries.push(q) }), { queries });
}
