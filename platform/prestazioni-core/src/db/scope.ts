import { cartellaScopeSql, elencoScopeSql, inCaseload } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import type { SQL } from 'drizzle-orm';
import { caseloadFor, type PrestazioneTable } from './tables';

/** A benefit is scoped by the ente that sent it and the residence it arrived with. */
function columns(t: PrestazioneTable) {
  return { enteCodice: t.enteCodice, codiceComune: t.codiceComuneResidenza, codiceRegione: t.codiceRegioneResidenza };
}

/** Row scope of a person's benefits and of benefits reached by id (kit `cartellaScopeSql`). */
export function cartellaScope(viewer: Viewer, t: PrestazioneTable): SQL | undefined {
  return cartellaScopeSql(viewer, columns(t), (ente) => inCaseload(caseloadFor(t), t.personaId, ente));
}

/** Row scope of the benefit listings (kit `elencoScopeSql`). */
export function elencoScope(viewer: Viewer, t: PrestazioneTable): SQL | undefined {
  return elencoScopeSql(viewer, columns(t));
}
