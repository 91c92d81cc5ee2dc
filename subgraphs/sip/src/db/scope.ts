import { scopesByTerritory, territorySql } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { eq, sql, type SQL } from 'drizzle-orm';
import { casoSip } from './schema';

/** Control bodies whose listings are national (DESIGN.md §2). */
const CONTROLLO_NAZIONALE: ReadonlySet<string> = new Set(['AGE', 'GDF']);

/** A case's territory is the household's comune and region. */
function territorioCaso(viewer: Viewer): SQL | undefined {
  return territorySql(viewer, { codiceComune: casoSip.codiceComune, codiceRegione: casoSip.codiceRegione });
}

/**
 * Row scope for a person's cases (`Persona.valutazioniSip`) and for a case reached
 * by id (`_entities`): programmazione its territory; every other purpose the whole
 * cartella for now (caseload scope for gestione and controllo is a later issue).
 * `undefined` means no condition.
 */
export function scopeCartella(viewer: Viewer): SQL | undefined {
  return scopesByTerritory(viewer) ? territorioCaso(viewer) : undefined;
}

/**
 * Row scope of the listing: programmazione its territory, monitoraggio national,
 * gestione the cases its own ente sent, controllo its own ente's except AGE and
 * GDF (national). Any other purpose sees nothing (the shield refuses it first).
 */
export function scopeElenco(viewer: Viewer): SQL | undefined {
  switch (viewer.ruolo) {
    case 'programmazione':
      return territorioCaso(viewer);
    case 'monitoraggio':
      return undefined;
    case 'gestione':
      return eq(casoSip.enteCodice, viewer.ente);
    case 'controllo':
      return CONTROLLO_NAZIONALE.has(viewer.ente) ? undefined : eq(casoSip.enteCodice, viewer.ente);
    default:
      return sql`false`;
  }
}
