import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCodiceFiscale } from '@casellario/domain';
import { applyMigrations } from '@casellario/kit';
import { createTestDatabase, databaseBackends, migrationsBefore } from '@casellario/kit/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consegnaPersone, type PersonaConsegnata } from '../src/db/delivery';

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));


// A woman born in 1985 in Milano.
const CF = buildCodiceFiscale({ cognome: 'Bianchi', nome: 'Anna', annoNascita: 1985, mese: 3, giorno: 10, genere: '2', belfiore: 'F205' });

function record(ente: string, versione: number, over: Partial<PersonaConsegnata['anagrafica']> = {}, comune = '015146', regione = '03'): PersonaConsegnata {
  return {
    codiceFiscale: CF,
    anagrafica: { cognome: 'BIANCHI', nome: 'ANNA', annoNascita: '1985', luogoNascita: 'F205', genere: '2', codiceCittadinanza: '380', ...over },
    indirizzi: [{ codiceComune: comune, codiceRegione: regione, codiceNazione: '380' }],
    versione,
    ente,
    flusso: `${ente}.PS.20250101.000000${versione}`,
    record: versione,
    ricevutoIl: '2025-01-01T10:00:00.000Z',
  };
}

describe.each(databaseBackends())('claims about a person on %s', (backend) => {
  it('migration 0003 gives every existing person one claim of unknown provenance carrying what it shows', async () => {
    const db = await createTestDatabase(backend);
    const handle = db.open();
    const before = migrationsBefore(MIGRATIONS, '0003_provenienza-anagrafica');
    try {
      await applyMigrations(handle, { subgraph: 'anagrafe', folder: before });
      const id = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e01';
      await handle.db.execute(sql`
        insert into anagrafe.persona (id, codice_fiscale, tipo_codice_fiscale, cognome, nome, anno_nascita, luogo_nascita, genere, codice_cittadinanza, versione)
        values (${id}, ${CF}, 'ORDINARIO', 'BIANCHI', 'ANNA', 1985, 'F205', '2', '380', 7)`);
      await handle.db.execute(sql`
        insert into anagrafe.indirizzo (persona_id, ordine, codice_regione, codice_comune, codice_nazione)
        values (${id}, 1, '03', '015146', '380'), (${id}, 2, null, null, '804')`);

      await applyMigrations(handle, { subgraph: 'anagrafe', folder: MIGRATIONS });

      const claims = await handle.rows<Record<string, unknown>>(
        sql`select persona_id, ente, flusso, record, ricevuto_il, versione::int, cognome, nome, anno_nascita, luogo_nascita, genere, indirizzi from anagrafe.dichiarazione`,
      );
      expect(claims).toEqual([
        {
          persona_id: id,
          ente: null,
          flusso: null,
          record: null,
          ricevuto_il: null,
          versione: 7,
          cognome: 'BIANCHI',
          nome: 'ANNA',
          anno_nascita: 1985,
          luogo_nascita: 'F205',
          genere: '2',
          indirizzi: [
            { codiceRegione: '03', codiceComune: '015146', codiceNazione: '380' },
            { codiceRegione: null, codiceComune: null, codiceNazione: '804' },
          ],
        },
      ]);
      const [p] = await handle.rows<{ ente_titolare: string | null }>(sql`select ente_titolare from anagrafe.persona`);
      expect(p!.ente_titolare).toBeNull();

      // A migrated person stays as shown when an ente first sends a record of its own.
      await consegnaPersone(handle, [record('H501', 9, { cognome: 'PLUTO' })]);
      const [dopo] = await handle.rows<{ cognome: string }>(sql`select cognome from anagrafe.persona`);
      expect(dopo!.cognome).toBe('BIANCHI');
    } finally {
      rmSync(before, { recursive: true, force: true });
      await handle.close();
      await db.drop();
    }
  });

  it("keeps the first ente's values, updated only by its own newer records, and every other ente's claim beside them", async () => {
    const db = await createTestDatabase(backend);
    const handle = db.open();
    try {
      await applyMigrations(handle, { subgraph: 'anagrafe', folder: MIGRATIONS });
      const shown = async () =>
        (
          await handle.rows<Record<string, unknown>>(
            sql`select p.ente_titolare, p.cognome, p.nome, p.anno_nascita, p.genere, p.luogo_nascita, i.codice_comune
                from anagrafe.persona p left join anagrafe.indirizzo i on i.persona_id = p.id and i.ordine = 1`,
          )
        )[0];

      const [{ personaId }] = (await consegnaPersone(handle, [record('F205', 1)])) as [{ personaId: string }];
      // Roma's rewrite, newer: kept as Roma's claim, not shown.
      const [roma] = await consegnaPersone(handle, [record('H501', 2, { cognome: 'PLUTO', nome: 'PIPPO', annoNascita: '1990', genere: '1', luogoNascita: 'H501' }, '058091', '12')]);
      expect((roma as { personaId: string }).personaId).toBe(personaId);
      expect(await shown()).toEqual({ ente_titolare: 'F205', cognome: 'BIANCHI', nome: 'ANNA', anno_nascita: 1985, genere: '2', luogo_nascita: 'F205', codice_comune: '015146' });

      // Milano's own newer record moves her; an older one of Milano changes nothing.
      await consegnaPersone(handle, [record('F205', 3, { cognome: 'BIANCHI ROSSI' }, '015146')]);
      await consegnaPersone(handle, [record('F205', 2, { cognome: 'VECCHIO' }, '058091', '12')]);
      expect(await shown()).toMatchObject({ cognome: 'BIANCHI ROSSI', codice_comune: '015146' });

      // Even Milano cannot set what the code contradicts.
      await consegnaPersone(handle, [record('F205', 4, { annoNascita: '1995', genere: '1' })]);
      expect(await shown()).toMatchObject({ anno_nascita: 1985, genere: '2' });

      const claims = await handle.rows<{ ente: string; cognome: string; anno_nascita: number; versione: number }>(
        sql`select ente, cognome, anno_nascita, versione::int from anagrafe.dichiarazione order by ente`,
      );
      expect(claims).toEqual([
        { ente: 'F205', cognome: 'BIANCHI', anno_nascita: 1995, versione: 4 },
        { ente: 'H501', cognome: 'PLUTO', anno_nascita: 1990, versione: 2 },
      ]);

      // The same records again change nothing.
      await consegnaPersone(handle, [record('F205', 4, { annoNascita: '1995', genere: '1' }), record('H501', 2, { cognome: 'PLUTO' })]);
      expect(await handle.rows(sql`select ente, cognome from anagrafe.dichiarazione order by ente`)).toEqual([
        { ente: 'F205', cognome: 'BIANCHI' },
        { ente: 'H501', cognome: 'PLUTO' },
      ]);
    } finally {
      await handle.close();
      await db.drop();
    }
  });
});
