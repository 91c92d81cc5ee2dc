import { cartellaScopeSql, inCaseload, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { caseload, comune, dichiarazione, ente, indirizzo, persona } from './schema';

export type PersonaRow = typeof persona.$inferSelect;
export type IndirizzoRow = typeof indirizzo.$inferSelect;
export type EnteRow = typeof ente.$inferSelect;
export type ComuneRow = typeof comune.$inferSelect;
export type DichiarazioneRow = typeof dichiarazione.$inferSelect;

/**
 * The person with exactly this codice fiscale (omocodes are other persons: no
 * normalisation), within the viewer's row scope: gestione only finds persons in
 * its ente's caseload — anyone else is "unknown", so the answer reveals nothing.
 */
export async function findPersonaByCodiceFiscale(handle: DatabaseHandle, viewer: Viewer, codiceFiscale: string): Promise<PersonaRow | undefined> {
  const [row] = await personeInScope(handle, viewer, eq(persona.codiceFiscale, codiceFiscale));
  return row;
}

/** Persons by internal id, within the viewer's row scope (kit `cartellaScopeSql`, in the query). */
export async function findPersoneByIds(handle: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<PersonaRow[]> {
  if (ids.length === 0) return [];
  return personeInScope(handle, viewer, inArray(persona.id, [...ids]));
}

/** Territory is the residence (first address); the caseload is this component's copy. */
async function personeInScope({ db }: DatabaseHandle, viewer: Viewer, condition: SQL): Promise<PersonaRow[]> {
  const scope = cartellaScopeSql(viewer, { codiceComune: indirizzo.codiceComune, codiceRegione: indirizzo.codiceRegione }, (ente) =>
    inCaseload(caseload, persona.id, ente),
  );
  if (!scope) return db.select().from(persona).where(condition);
  const rows = await db
    .select({ persona })
    .from(persona)
    .leftJoin(indirizzo, and(eq(indirizzo.personaId, persona.id), eq(indirizzo.ordine, 1)))
    .where(and(condition, scope));
  return rows.map((r) => r.persona);
}

/** Addresses of several persons, in flow order. */
export async function findIndirizziByPersonaIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<IndirizzoRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(indirizzo)
    .where(inArray(indirizzo.personaId, [...ids]))
    .orderBy(indirizzo.personaId, indirizzo.ordine);
}

/** Enti by code. */
export async function findEntiByCodici({ db }: DatabaseHandle, codici: readonly string[]): Promise<EnteRow[]> {
  if (codici.length === 0) return [];
  return db.select().from(ente).where(inArray(ente.codice, [...codici]));
}

/** Comuni by ISTAT code. */
export async function findComuniByCodici({ db }: DatabaseHandle, codici: readonly string[]): Promise<ComuneRow[]> {
  if (codici.length === 0) return [];
  return db.select().from(comune).where(inArray(comune.codiceIstat, [...codici]));
}


/** Every ente's claim about several persons (their provenance and discrepancies). */
export async function findDichiarazioniByPersonaIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<DichiarazioneRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(dichiarazione).where(inArray(dichiarazione.personaId, [...ids])).orderBy(dichiarazione.personaId, dichiarazione.versione);
}
