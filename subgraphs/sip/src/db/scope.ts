import { cartellaScopeSql, elencoScopeSql, inCaseload } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { caseload, casoSip, componenteNucleo } from './schema';

/** A case is scoped by the ente that sent it and the household's comune and region. */
const COLUMNS = { enteCodice: casoSip.enteCodice, codiceComune: casoSip.codiceComune, codiceRegione: casoSip.codiceRegione };

/** Row scope for a person's cases and for a case reached by id (kit `cartellaScopeSql`). */
export function scopeCartella(viewer: Viewer): SQL | undefined {
  // A case is in an ente's scope when one of its household members is in the ente's caseload.
  return cartellaScopeSql(
    viewer,
    COLUMNS,
    (ente) =>
      sql`exists (select 1 from ${componenteNucleo} where ${componenteNucleo.casoId} = ${casoSip.id} and ${inCaseload(caseload, componenteNucleo.personaId, ente)})`,
  );
}

/** Row scope of the listing (kit `elencoScopeSql`). */
export function scopeElenco(viewer: Viewer): SQL | undefined {
  return elencoScopeSql(viewer, COLUMNS);
}
