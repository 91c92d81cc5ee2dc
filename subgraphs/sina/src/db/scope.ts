import { cartellaScopeSql, elencoScopeSql, inCaseload } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import type { SQL } from 'drizzle-orm';
import { caseload, valutazioneSina } from './schema';

/** An assessment is scoped by the ente that sent it and the residence it arrived with. */
const COLUMNS = {
  enteCodice: valutazioneSina.enteCodice,
  codiceComune: valutazioneSina.codiceComuneResidenza,
  codiceRegione: valutazioneSina.codiceRegioneResidenza,
};

/** Row scope of the listing (kit `elencoScopeSql`). */
export function listingScope(viewer: Viewer): SQL | undefined {
  return elencoScopeSql(viewer, COLUMNS);
}

/** Row scope of a person's assessments and of assessments reached by id (kit `cartellaScopeSql`). */
export function personRecordsScope(viewer: Viewer): SQL | undefined {
  return cartellaScopeSql(viewer, COLUMNS, (ente) => inCaseload(caseload, valutazioneSina.personaId, ente));
}
