import type { DatabaseHandle } from '@casellario/kit';
import { sql } from 'drizzle-orm';
import { caseload } from './schema';

/**
 * Internal endpoint `caseloadAssenti` (service tokens only): for each (person, ente)
 * pair, whether it is *not* yet in the caseload. The flows component asks before
 * granting a flow's pairs, so that the access log records each caseload
 * acquisition (docs/security.md) before the pair lets the ente read the person.
 * Read only: granting is the `caseload` delivery, after the log is written.
 */
export async function caseloadAssenti({ db }: DatabaseHandle, items: readonly unknown[]): Promise<boolean[]> {
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
  return pairs.map((p) => !known.has(`${p.personaId}|${p.enteCodice}`));
}
