import { randomUUID } from 'node:crypto';
import { validateCodiceFiscale } from '@casellario/domain';
import { bulkInsertRows, type DatabaseHandle } from '@casellario/kit';
import { inArray, sql } from 'drizzle-orm';
import { indirizzo, persona } from './schema';

/** A beneficiary as a flow delivers it: the codice fiscale with `Anagrafica` and `Indirizzo`. */
export interface PersonaConsegnata {
  codiceFiscale: string;
  anagrafica: {
    cognome: string;
    nome: string;
    annoNascita: string;
    luogoNascita: string;
    genere: string;
    codiceCittadinanza: string;
    codiceSecondaCittadinanza?: string;
  };
  indirizzi: Array<{ codiceRegione?: string; codiceComune?: string; codiceNazione: string }>;
  /** Order of the record that carried this anagrafica (see `persona.versione`); 0 when unknown. */
  versione?: number;
}

/**
 * Pseudonymisation at the border: turns codici fiscali into the opaque person ids
 * every other component stores, creating persons never seen before and updating
 * the anagrafica and addresses of known ones with what the latest flow says.
 * Idempotent: delivering the same beneficiaries again returns the same ids.
 * Returns one `{ personaId }` per item, in order; an item whose codice fiscale is
 * not valid gets `{ ok: false, errore }` (kit `EsitoItemConsegna`) and the others
 * are stored: one bad person never fails the batch.
 */
export async function consegnaPersone(
  handle: DatabaseHandle,
  items: readonly PersonaConsegnata[],
): Promise<Array<{ personaId: string } | { ok: false; errore: string }>> {
  const { db } = handle;
  // One statement may not upsert the same row twice: the newest record of a CF wins.
  const latest = new Map<string, PersonaConsegnata>();
  const invalidi = new Set<string>();
  for (const item of items) {
    const cf = item.codiceFiscale.trim().toUpperCase();
    const check = validateCodiceFiscale(cf);
    if (!check.valid || !check.kind) {
      invalidi.add(cf);
      continue;
    }
    const seen = latest.get(cf);
    if (!seen || (item.versione ?? 0) >= (seen.versione ?? 0)) latest.set(cf, item);
  }
  const rows = [...latest.entries()].map(([cf, item]) => {
    const check = validateCodiceFiscale(cf);
    if (!check.valid || !check.kind) throw new Error('codice fiscale non valido in consegna');
    return {
      id: randomUUID(),
      codiceFiscale: check.normalized,
      tipoCodiceFiscale: check.kind,
      cognome: item.anagrafica.cognome,
      nome: item.anagrafica.nome,
      annoNascita: Number(item.anagrafica.annoNascita),
      luogoNascita: item.anagrafica.luogoNascita,
      genere: item.anagrafica.genere,
      codiceCittadinanza: item.anagrafica.codiceCittadinanza,
      codiceSecondaCittadinanza: item.anagrafica.codiceSecondaCittadinanza ?? null,
      versione: item.versione ?? 0,
    };
  });
  const risposta = (ids: Map<string, string>) =>
    items.map((item) => {
      const cf = item.codiceFiscale.trim().toUpperCase();
      return invalidi.has(cf) ? { ok: false as const, errore: 'codice fiscale non valido in consegna' } : { personaId: ids.get(cf)! };
    });
  if (rows.length === 0) return risposta(new Map());
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    const t = { ...handle, db: tx as unknown as DatabaseHandle['db'] };
    // One statement for the whole batch (arrays as parameters); an older record only gets the id back.
    const stored = await bulkInsertRows<typeof persona, { id: string; codice_fiscale: string }>(
      t,
      persona,
      rows,
      sql`on conflict (codice_fiscale) do update set
        cognome = excluded.cognome, nome = excluded.nome, anno_nascita = excluded.anno_nascita,
        luogo_nascita = excluded.luogo_nascita, genere = excluded.genere,
        codice_cittadinanza = excluded.codice_cittadinanza, codice_seconda_cittadinanza = excluded.codice_seconda_cittadinanza,
        versione = excluded.versione, updated_at = now()
        where excluded.versione > ${persona.versione}
        returning id, codice_fiscale`,
    );
    // Only rows written now get their addresses replaced; older records leave them be.
    const written = new Set(stored.map((s) => s.codice_fiscale));
    const all = await tx
      .select({ id: persona.id, codiceFiscale: persona.codiceFiscale })
      .from(persona)
      .where(inArray(persona.codiceFiscale, rows.map((r) => r.codiceFiscale)));
    for (const s of all) ids.set(s.codiceFiscale, s.id);
    if (stored.length === 0) return;
    await tx.delete(indirizzo).where(inArray(indirizzo.personaId, stored.map((s) => s.id)));
    await bulkInsertRows(
      t,
      indirizzo,
      [...latest.entries()]
        .filter(([cf]) => written.has(cf))
        .flatMap(([cf, item]) =>
          item.indirizzi.map((a, n) => ({
            personaId: ids.get(cf)!,
            ordine: n + 1,
            codiceRegione: a.codiceRegione ?? null,
            codiceComune: a.codiceComune ?? null,
            codiceNazione: a.codiceNazione,
          })),
        ),
    );
  });
  return risposta(ids);
}
