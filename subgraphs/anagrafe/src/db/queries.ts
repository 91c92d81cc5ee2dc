import { scopesByTerritory, territorySql, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { comune, ente, indirizzo, persona } from './schema';

export type PersonaRow = typeof persona.$inferSelect;
export type IndirizzoRow = typeof indirizzo.$inferSelect;
export type EnteRow = typeof ente.$inferSelect;
export type ComuneRow = typeof comune.$inferSelect;

/** The person with exactly this codice fiscale (omocodes are other persons: no normalisation). */
export async function findPersonaByCodiceFiscale({ db }: DatabaseHandle, codiceFiscale: string): Promise<PersonaRow | undefined> {
  const [row] = await db.select().from(persona).where(eq(persona.codiceFiscale, codiceFiscale)).limit(1);
  return row;
}

/**
 * Persons by internal id, within the viewer's row scope: programmazione only sees
 * persons whose residence lies in its territory (the condition is in the query).
 */
export async function findPersoneByIds({ db }: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<PersonaRow[]> {
  if (ids.length === 0) return [];
  const scope = scopesByTerritory(viewer)
    ? territorySql(viewer, { codiceComune: indirizzo.codiceComune, codiceRegione: indirizzo.codiceRegione })
    : undefined;
  if (!scope) return db.select().from(persona).where(inArray(persona.id, [...ids]));
  const rows = await db
    .select({ persona })
    .from(persona)
    .innerJoin(indirizzo, and(eq(indirizzo.personaId, persona.id), eq(indirizzo.ordine, 1)))
    .where(and(inArray(persona.id, [...ids]), scope));
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

