import { char, pgSchema, uuid, varchar } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bulkInsertRows } from '../src/bulk';
import { createTestDatabase, databaseBackends } from '../src/testing';

const prova = pgSchema('prova_bulk');
const voce = prova.table('voce', { id: uuid().primaryKey(), ente: varchar({ length: 6 }).notNull(), sigla: char({ length: 2 }) });

describe.each(databaseBackends())('bulkInsertRows on %s', (backend) => {
  it('refuses a value longer than its column instead of storing it cut, and stores nothing of the batch', async () => {
    const db = await createTestDatabase(backend);
    const handle = db.open();
    try {
      await handle.db.execute(sql`create schema prova_bulk`);
      await handle.db.execute(sql`create table prova_bulk.voce (id uuid primary key, ente varchar(6) not null, sigla char(2))`);
      const ok = { id: '00000000-0000-4000-8000-000000000001', ente: 'H501', sigla: 'RM' };
      await bulkInsertRows(handle, voce, [ok]);

      const tooLong = { id: '00000000-0000-4000-8000-000000000002', ente: 'H501-ROMA', sigla: 'RM' };
      await expect(bulkInsertRows(handle, voce, [{ ...ok, id: '00000000-0000-4000-8000-000000000003' }, tooLong])).rejects.toThrow();
      await expect(bulkInsertRows(handle, voce, [{ ...ok, id: '00000000-0000-4000-8000-000000000004', sigla: 'ROM' }])).rejects.toThrow();

      const rows = await handle.rows<{ id: string; ente: string; sigla: string }>(sql`select id, ente, sigla from prova_bulk.voce order by id`);
      expect(rows).toEqual([ok]);
    } finally {
      await handle.close();
      await db.drop();
    }
  });
});
