import type { SipContext } from '../context';
import type { ImpegnoRow, IncontroRow, ProgettoRow } from '../db/queries';
import type { PersonaRef } from './persona';

export const ProgettoSip = {
  tipo: (p: ProgettoRow) => p.tipo,
  dataSottoscrizione: (p: ProgettoRow) => p.dataSottoscrizione,
  obiettivi: (p: ProgettoRow) => p.obiettivi,
  sostegni: (p: ProgettoRow, _: unknown, ctx: SipContext) => ctx.loaders.sostegni.load(p.casoId),
  impegni: (p: ProgettoRow, _: unknown, ctx: SipContext) => ctx.loaders.impegni.load(p.casoId),
  incontri: (p: ProgettoRow, _: unknown, ctx: SipContext) => ctx.loaders.incontri.load(p.casoId),
};

export const ImpegnoSip = {
  persona: (i: ImpegnoRow): PersonaRef => ({ id: i.personaId }),
  descrizione: (i: ImpegnoRow) => i.descrizione,
  scadenza: (i: ImpegnoRow) => i.scadenza,
  stato: (i: ImpegnoRow) => i.stato,
};

export const IncontroSip = {
  data: (i: IncontroRow) => i.data,
  esito: (i: IncontroRow) => i.esito,
};
