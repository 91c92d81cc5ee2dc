import type { Viewer } from '@casellario/policies';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** Control bodies whose `controllo` reaches every ente's records (DESIGN.md §2). */
export const ENTI_CONTROLLO_NAZIONALE: ReadonlySet<string> = new Set(['AGE', 'GDF']);

/** The columns a component row is scoped by: who sent it, and the territory it belongs to. */
export interface ScopeColumns {
  enteCodice: SQLWrapper;
  codiceComune: SQLWrapper;
  codiceRegione: SQLWrapper;
}

/** Nothing: the purpose reads no component data (audit), whatever a rule upstream says. */
const NONE = sql`false`;

/**
 * The territorial row scope of a viewer as a SQL condition on a row's comune and
 * region columns, or `undefined` when the viewer is national. Row scope is always
 * applied in the query that reads the rows, never by filtering afterwards.
 */
export function territorySql(viewer: Viewer, columns: Pick<ScopeColumns, 'codiceComune' | 'codiceRegione'>): SQL | undefined {
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

/**
 * Row scope of a listing (`elenco…`), `undefined` meaning national: programmazione
 * its territory, monitoraggio national, gestione the records its own ente sent,
 * controllo the same except the national control bodies, audit nothing.
 */
export function elencoScopeSql(viewer: Viewer, columns: ScopeColumns): SQL | undefined {
  switch (viewer.ruolo) {
    case 'programmazione':
      return territorySql(viewer, columns);
    case 'monitoraggio':
      return undefined;
    case 'gestione':
      return sql`${columns.enteCodice} = ${viewer.ente}`;
    case 'controllo':
      return ENTI_CONTROLLO_NAZIONALE.has(viewer.ente) ? undefined : sql`${columns.enteCodice} = ${viewer.ente}`;
    default:
      return NONE;
  }
}

/**
 * Row scope of a person's records (`Persona.<list>`, `_entities`): gestione the
 * whole cartella of persons in its ente's caseload (other enti's records
 * included), controllo the same for an ente and the whole country for the national
 * control bodies, programmazione its territory, monitoraggio national, audit
 * nothing. `caseload(ente)` says, in SQL, that the row's person is in that ente's
 * caseload (kit `inCaseload`).
 */
export function cartellaScopeSql(
  viewer: Viewer,
  columns: Pick<ScopeColumns, 'codiceComune' | 'codiceRegione'>,
  caseload: (ente: string) => SQL,
): SQL | undefined {
  switch (viewer.ruolo) {
    case 'programmazione':
      return territorySql(viewer, columns);
    case 'gestione':
      return caseload(viewer.ente);
    case 'controllo':
      return ENTI_CONTROLLO_NAZIONALE.has(viewer.ente) ? undefined : caseload(viewer.ente);
    case 'monitoraggio':
      return undefined;
    default:
      return NONE;
  }
}
