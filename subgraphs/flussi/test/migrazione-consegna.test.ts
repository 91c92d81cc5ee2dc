import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@casellario/kit';
import { createTestDatabase, databaseBackends, migrationsBefore } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));


describe.each(databaseBackends())('migration 0003 on %s: the queue per record becomes a queue per part', (backend) => {
  it('carries every record still on its way, with its destinations, in arrival order; delivered ones stay delivered', async () => {
    const db = await createTestDatabase(backend);
    const handle = db.open();
    const before = migrationsBefore(MIGRATIONS, '0003_consegna-per-parte');
    try {
      await applyMigrations(handle, { subgraph: 'flussi', folder: before });
      const part = (id: string, parte: number) => sql`
        insert into flussi.flusso (id, nome, parte, parti, tipo, ente_codice, mittente, origine, impronta, record, accettati, con_avvisi, rifiutati)
        values (${id}, 'H501.PS.20250310.0000001', ${parte}, 2, 'PS_PSA_SINA', 'H501', 'test', 'API', repeat('0', 64), 3, 2, 1, 0)`;
      const a = '00000000-0000-4000-8000-00000000000a';
      const b = '00000000-0000-4000-8000-00000000000b';
      await handle.db.execute(part(a, 1));
      await handle.db.execute(part(b, 2));
      // Part a: record 1 delivered everywhere, 2 still due to PS, 3 due to the caseload and PSA.
      // Part b (arrived later): record 4 due to PS and SINA.
      await handle.db.execute(sql`
        insert into flussi.consegna (flusso_id, numero, destinazioni, consegnato_il) values
          (${a}, 1, '{}', now()),
          (${a}, 2, '{prestazioni-sociali}', null),
          (${a}, 3, '{caseload,prestazioni-agevolate}', null),
          (${b}, 4, '{prestazioni-sociali,sina}', null)`);

      await applyMigrations(handle, { subgraph: 'flussi', folder: MIGRATIONS });

      const rows = await handle.rows<{ flusso_id: string; destinazione: string; numeri: number[]; consegnati: number; consegnato_il: Date | null }>(
        sql`select flusso_id, destinazione, numeri, consegnati, consegnato_il from flussi.consegna_parte order by id`,
      );
      const shape = rows.map((r) => [r.flusso_id, r.destinazione, r.numeri, r.consegnati, r.consegnato_il]);
      // Part a's rows come before part b's; within a part the order does not matter.
      expect(shape.slice(0, 3)).toEqual(
        expect.arrayContaining([
          [a, 'prestazioni-sociali', [2], 0, null],
          [a, 'caseload', [3], 0, null],
          [a, 'prestazioni-agevolate', [3], 0, null],
        ]),
      );
      expect(shape.slice(3)).toEqual(expect.arrayContaining([[b, 'prestazioni-sociali', [4], 0, null], [b, 'sina', [4], 0, null]]));
      expect(shape).toHaveLength(5);
      const [old] = await handle.rows<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_schema = 'flussi' and table_name = 'consegna'`);
      expect(old!.n).toBe(0);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await handle.close();
      await db.drop();
    }
  });
});
