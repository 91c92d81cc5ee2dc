import type { AnagrafeContext } from '../context';
import type { ComuneRow, EnteRow, IndirizzoRow } from '../db/queries';

export const Indirizzo = {
  codiceComune: (i: IndirizzoRow) => i.codiceComune,
  codiceRegione: (i: IndirizzoRow) => i.codiceRegione,
  codiceNazione: (i: IndirizzoRow) => i.codiceNazione,
  comune: (i: IndirizzoRow, _: unknown, ctx: AnagrafeContext) => (i.codiceComune ? ctx.loaders.comune.load(i.codiceComune) : null),
};

export const Ente = {
  __resolveReference: (ref: { codice: string }, ctx: AnagrafeContext) => ctx.loaders.ente.load(ref.codice),
  codice: (e: EnteRow) => e.codice,
  denominazione: (e: EnteRow) => e.denominazione,
  tipo: (e: EnteRow) => e.tipo,
  belfiore: (e: EnteRow) => e.belfiore,
  codiceComune: (e: EnteRow) => e.codiceComune,
  codiceRegione: (e: EnteRow) => e.codiceRegione,
};

export const Comune = {
  __resolveReference: (ref: { codiceIstat: string }, ctx: AnagrafeContext) => ctx.loaders.comune.load(ref.codiceIstat),
  codiceIstat: (c: ComuneRow) => c.codiceIstat,
  belfiore: (c: ComuneRow) => c.belfiore,
  nome: (c: ComuneRow) => c.nome,
  siglaProvincia: (c: ComuneRow) => c.siglaProvincia,
  codiceRegione: (c: ComuneRow) => c.codiceRegione,
};
