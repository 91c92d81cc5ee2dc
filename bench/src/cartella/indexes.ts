import postgres from 'postgres';

/**
 * Bulk-load practice: the secondary (non-unique) indexes of every subgraph schema
 * are dropped before the load and built again after it, from their own
 * definitions (`pg_get_indexdef`), so the loaded database ends with exactly the
 * indexes the migrations made. Unique indexes and primary keys stay: the loaders'
 * upserts (`ON CONFLICT` on natural keys) need them.
 *
 * Why: maintaining the ten indexes of a benefit table row by row, with PostgreSQL's
 * default 128 MB of shared buffers, makes each chunk slower than the last (measured:
 * the PSA loader went from 7 s to 21 s per 10,000 persons by 300,000 persons);
 * building an index once from sorted data is far cheaper.
 */
export interface DeferredIndex {
  schema: string;
  name: string;
  definition: string;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

export async function dropSecondaryIndexes(url: string): Promise<DeferredIndex[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const indexes = await sql<DeferredIndex[]>`
      select n.nspname as schema, c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_namespace n on n.oid = c.relnamespace
      where not i.indisunique and not i.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
        and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle', 'bench') and n.nspname not like 'pg\\_%'
      order by n.nspname, c.relname`;
    for (const index of indexes) await sql.unsafe(`drop index ${quote(index.schema)}.${quote(index.name)}`);
    return [...indexes];
  } finally {
    await sql.end();
  }
}

/** Builds the dropped indexes again, two at a time (one per core). */
export async function rebuildIndexes(url: string, indexes: readonly DeferredIndex[]): Promise<void> {
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { maintenance_work_mem: '512MB' } });
  try {
    let next = 0;
    await Promise.all(
      [0, 1].map(async () => {
        while (next < indexes.length) await sql.unsafe(indexes[next++]!.definition);
      }),
    );
  } finally {
    await sql.end();
  }
}
