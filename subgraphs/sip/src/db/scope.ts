import { cartellaScopeSql, elencoScopeSql } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import type { SQL } from 'drizzle-orm';
import { casoSip } from './schema';

/** A case is scoped by the ente that sent it and the household's comune and region. */
const COLUMNS = { enteCodice: casoSip.enteCodice, codiceComune: casoSip.codiceComune, codiceRegione: casoSip.codiceRegione };

/** Row scope for a person's cases and for a case reached by id (kit `cartellaScopeSql`). */
export function scopeCartella(viewer: Viewer): SQL | undefined {
  return cartellaScopeSql(viewer, COLUMNS);
}

/** Row scope of the listing (kit `elencoScopeSql`). */
export function scopeElenco(viewer: Viewer): SQL | undefined {
  return elencoScopeSql(viewer, COLUMNS);
}
