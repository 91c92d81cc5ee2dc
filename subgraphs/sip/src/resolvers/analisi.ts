import type { SipContext } from '../context';
import type { AnalisiRow, DimensioneRow, QuadroRow } from '../db/queries';

export const AnalisiPreliminareSip = {
  data: (a: AnalisiRow) => a.data,
  esito: (a: AnalisiRow) => ({ codice: a.esito.codice, descrizione: a.esito.descrizione }),
};

export const QuadroAnalisiSip = {
  data: (q: QuadroRow) => q.data,
  dimensioni: (q: QuadroRow, _: unknown, ctx: SipContext) => ctx.loaders.dimensioni.load(q.casoId),
  equipe: async (q: QuadroRow, _: unknown, ctx: SipContext) => (await ctx.loaders.equipe.load(q.casoId)).map((e) => e.figura),
};

export const DimensioneQuadroAnalisiSip = {
  dimensione: (d: DimensioneRow) => d.dimensione,
  risorse: (d: DimensioneRow) => d.risorse,
  vulnerabilita: (d: DimensioneRow) => d.vulnerabilita,
  fattoriSostegno: (d: DimensioneRow) => d.fattoriSostegno,
};
