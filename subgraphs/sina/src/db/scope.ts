import { scopesByTerritory, territorySql } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { eq, sql, type SQL } from 'drizzle-orm';
import { valutazioneSina } from './schema';

/** Control bodies with national reach (DESIGN.md §2): Agenzia delle Entrate and Guardia di Finanza. */
const CONTROLLO_NAZIONALE: ReadonlySet<string> = new Set(['AGE', 'GDF']);

const NOTHING = sql`false`;

/** Territory condition on the residence the record arrived with (programmazione only). */
function territory(viewer: Viewer): SQL | undefined {
  return scopesByTerritory(viewer)
    ? territorySql(viewer, { codiceComune: valutazioneSina.codiceComuneResidenza, codiceRegione: valutazioneSina.codiceRegioneResidenza })
    : undefined;
}

/**
 * Row scope of the listing, as a SQL condition (`undefined` = national):
 * programmazione its territory, monitoraggio national, gestione what its ente
 * sent, controllo national for AGE and GDF and its own records for any other
 * ente. Audit reads no component data: the condition matches nothing, in case a
 * rule upstream ever lets it through.
 */
export function listingScope(viewer: Viewer): SQL | undefined {
  switch (viewer.ruolo) {
    case 'programmazione':
      return territory(viewer);
    case 'monitoraggio':
      return undefined;
    case 'gestione':
      return eq(valutazioneSina.enteCodice, viewer.ente);
    case 'controllo':
      return CONTROLLO_NAZIONALE.has(viewer.ente) ? undefined : eq(valutazioneSina.enteCodice, viewer.ente);
    default:
      return NOTHING;
  }
}

/**
 * Row scope of a person's records (`Persona.valutazioniSina`, `_entities`):
 * programmazione its territory; gestione, controllo and monitoraggio the whole
 * cartella for now (the caseload scope of gestione and controllo is a later
 * issue); audit nothing.
 */
export function personRecordsScope(viewer: Viewer): SQL | undefined {
  switch (viewer.ruolo) {
    case 'programmazione':
      return territory(viewer);
    case 'gestione':
    case 'controllo':
    case 'monitoraggio':
      return undefined;
    default:
      return NOTHING;
  }
}
