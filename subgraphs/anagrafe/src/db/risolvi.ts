import { validateCodiceFiscale } from '@casellario/domain';
import type { DatabaseHandle } from '@casellario/kit';
import { inArray } from 'drizzle-orm';
import { persona } from './schema';

/**
 * Internal endpoint `risolvi` (service tokens only): codici fiscali → internal
 * person ids, null for an unknown or malformed one, in order. The access log
 * uses it so that the data-protection officer can search by codice fiscale while
 * the log itself keeps only ids. Exact match, like `persona(codiceFiscale:)`: an
 * omocode is another person. No row scope: no client token is involved, and the
 * answer is an opaque id.
 */
export async function risolviCodiciFiscali({ db }: DatabaseHandle, items: readonly unknown[]): Promise<Array<string | null>> {
  const codici = items.map((item) => {
    if (typeof item !== 'string') return null;
    const check = validateCodiceFiscale(item);
    return check.valid ? check.normalized : null;
  });
  const wanted = [...new Set(codici.filter((c): c is string => c !== null))];
  if (wanted.length === 0) return codici.map(() => null);
  const rows = await db.select({ id: persona.id, codiceFiscale: persona.codiceFiscale }).from(persona).where(inArray(persona.codiceFiscale, wanted));
  const ids = new Map(rows.map((r) => [r.codiceFiscale, r.id]));
  return codici.map((c) => (c ? (ids.get(c) ?? null) : null));
}
