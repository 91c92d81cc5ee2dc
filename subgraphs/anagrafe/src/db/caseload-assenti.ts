import type { DatabaseHandle } from '@casellario/kit';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { caseload, indirizzo } from './schema';

/**
 * Internal endpoint `caseloadAssenti` (service tokens only): for each (person, ente)
 * pair, whether it is *not* yet in the caseload, and the residence the registry
 * shows for the person (so that a record cannot hide an acquisition outside the
 * ente's territory by claiming a residence inside it). The flows component asks before
 * granting a flow's pairs, so that the access log records each caseload
 * acquisition (docs/security.md) before the pair lets the ente read the person.
 * Read only: granting is the `caseload` delivery, after the log is written.
 */
export interface CoppiaAssente {
  assente: boolean;
  residenza: { codiceComune: string | null; codiceRegione: string | null; codiceNazione: string } | null;
}

export async function caseloadAssenti({ db }: DatabaseHandle, items: readonly unknown[]): Promise<CoppiaAssente[]> {
  const pairs = items.map((item) => {
    const p = (item ?? {}) as { personaId?: unknown; enteCodice?: unknown };
    if (typeof p.personaId !== 'string' || typeof p.enteCodice !== 'string') throw new Error('coppia del caseload non valida');
    return { personaId: p.personaId, enteCodice: p.enteCodice };
  });
  if (pairs.length === 0) return [];
  const present = await db
    .select({ personaId: caseload.personaId, enteCodice: caseload.enteCodice })
    .from(caseload)
    .where(
      sql`(${caseload.personaId}, ${caseload.enteCodice}) in (select * from unnest(${sql.param(pairs.map((p) => p.personaId))}::uuid[], ${sql.param(pairs.map((p) => p.enteCodice))}::text[]))`,
    );
  const known = new Set(present.map((p) => `${p.personaId}|${p.enteCodice}`));
  const residenze = await db
    .select({ personaId: indirizzo.personaId, codiceComune: indirizzo.codiceComune, codiceRegione: indirizzo.codiceRegione, codiceNazione: indirizzo.codiceNazione })
    .from(indirizzo)
    .where(and(inArray(indirizzo.personaId, [...new Set(pairs.map((p) => p.personaId))]), eq(indirizzo.ordine, 1)));
  const residenzaDi = new Map(residenze.map(({ personaId, ...r }) => [personaId, r]));
  return pairs.map((p) => ({ assente: !known.has(`${p.personaId}|${p.enteCodice}`), residenza: residenzaDi.get(p.personaId) ?? null }));
}
