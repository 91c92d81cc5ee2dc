import type { Viewer } from '@casellario/policies';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * The territorial row scope of a viewer as a SQL condition on a row's comune and
 * region columns, or `undefined` when the viewer is national. Row scope is always
 * applied in the query that reads the rows, never by filtering afterwards.
 */
export function territorySql(viewer: Viewer, columns: { codiceComune: SQLWrapper; codiceRegione: SQLWrapper }): SQL | undefined {
  switch (viewer.territorio.livello) {
    case 'nazionale':
      return undefined;
    case 'regione':
      return sql`${columns.codiceRegione} = ${viewer.territorio.codiceRegione}`;
    case 'comune':
      return sql`${columns.codiceComune} = ${viewer.territorio.codiceComune}`;
  }
}

/** Territory scope applies to programmazione; monitoraggio is national by definition. */
export function scopesByTerritory(viewer: Viewer): boolean {
  return viewer.ruolo === 'programmazione';
}
