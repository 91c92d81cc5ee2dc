import { scopesByTerritory, territorySql } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PrestazioneTable } from './tables';

/** Control bodies whose `controllo` reaches every ente's records (DESIGN.md §2). */
export const ENTI_CONTROLLO_NAZIONALE: ReadonlySet<string> = new Set(['AGE', 'GDF']);

/** Nothing: the purpose reads no component data (audit), whatever the shield says first. */
const NONE = sql`false`;

function territory(viewer: Viewer, t: PrestazioneTable): SQL | undefined {
  return territorySql(viewer, { codiceComune: t.codiceComuneResidenza, codiceRegione: t.codiceRegioneResidenza });
}

/**
 * Row scope of a person's benefits (`Persona.<list>`) and of benefits reached by id:
 * programmazione its territory (the residence the record arrived with), monitoraggio
 * national; gestione and controllo the whole cartella for now (the caseload scope of
 * DESIGN.md §2 is a later issue). `undefined` means no condition.
 */
export function cartellaScope(viewer: Viewer, t: PrestazioneTable): SQL | undefined {
  if (scopesByTerritory(viewer)) return territory(viewer, t);
  switch (viewer.ruolo) {
    case 'monitoraggio':
    case 'gestione':
    case 'controllo':
      return undefined;
    default:
      return NONE;
  }
}

/**
 * Row scope of the listings: programmazione its territory, monitoraggio national,
 * gestione the records its own ente sent, controllo the same except the national
 * control bodies (Agenzia delle Entrate, Guardia di Finanza), which see every ente's.
 */
export function elencoScope(viewer: Viewer, t: PrestazioneTable): SQL | undefined {
  if (scopesByTerritory(viewer)) return territory(viewer, t);
  switch (viewer.ruolo) {
    case 'monitoraggio':
      return undefined;
    case 'gestione':
      return eq(t.enteCodice, viewer.ente);
    case 'controllo':
      return ENTI_CONTROLLO_NAZIONALE.has(viewer.ente) ? undefined : eq(t.enteCodice, viewer.ente);
    default:
      return NONE;
  }
}
