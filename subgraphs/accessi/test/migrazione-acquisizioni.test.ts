import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyMigrations } from '@casellario/kit';
import { createTestDatabase, databaseBackends, migrationsBefore } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registraAccessi, verificaCatena } from '../src/index';
import { HASH_INIZIALE, hashAccesso } from '../src/domain/catena';
import { ROSSI, voce } from './voce';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));


describe.each(databaseBackends())('migration 0003 of accessi on %s', (backend) => {
  it('keeps a chain written before it verifying, and extends it with acquisitions', async () => {
    const db = await createTestDatabase(backend);
    const handle = db.open();
    const before = migrationsBefore(MIGRATIONS, '0003_acquisizioni-caseload');
    try {
      await applyMigrations(handle, { subgraph: 'accessi', folder: before });
      // A record as the writer stored it before the new columns existed.
      const r = { ...voce(), seq: 1, istante: new Date('2026-11-26T09:00:00.123Z') };
      const hash = hashAccesso(HASH_INIZIALE, r);
      await handle.db.execute(sql`
        insert into accessi.accesso (seq, istante, subgraph, operatore, ruolo, ente, riferimento, soggetto_tipo, soggetto_id, campi, request_id, hash_precedente, hash)
        values (1, ${r.istante.toISOString()}, ${r.subgraph}, ${r.operatore}, ${r.ruolo}, ${r.ente}, null, ${r.soggettoTipo}, ${r.soggettoId}, ${sql.param(r.campi)}::text[], ${r.requestId}, ${HASH_INIZIALE}, ${hash})`);

      await applyMigrations(handle, { subgraph: 'accessi', folder: MIGRATIONS });

      expect(await verificaCatena(handle)).toEqual({ integra: true, record: 1, hashFinale: hash });
      await registraAccessi(handle, [voce({ subgraph: 'flussi', campi: ['acquisizioneCaseload'], soggettoId: ROSSI, flusso: 'H501.PS.20250310.0000131', record: 1, fuoriTerritorio: true })]);
      expect(await verificaCatena(handle)).toMatchObject({ integra: true, record: 2 });
      // The triggers of 0001 still hold over the new columns.
      const refused = await handle.db.execute(sql`update accessi.accesso set fuori_territorio = false where seq = 2`).then(
        () => null,
        (error: { message: string; cause?: { message: string } }) => error.cause?.message ?? error.message,
      );
      expect(refused).toContain('sola aggiunta');
    } finally {
      rmSync(before, { recursive: true, force: true });
      await handle.close();
      await db.drop();
    }
  });
});
