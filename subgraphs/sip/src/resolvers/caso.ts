import { oggiInItalia } from '../domain/calendario';
import { scadenzeCaso } from '../domain/scadenze';
import type { SipContext } from '../context';
import type { CasoRow, ComponenteRow } from '../db/queries';
import type { PersonaRef } from './persona';

export const CasoSip = {
  /** A case id as the caller sees it (pseudonym for programmazione/monitoraggio), read within the cartella scope. */
  async __resolveReference(reference: { id: string }, ctx: SipContext): Promise<CasoRow | null> {
    const id = ctx.codec.resolve(reference.id, ctx.viewer);
    return id ? ctx.loaders.caso.load(id) : null;
  },
  id: (c: CasoRow, _: unknown, ctx: SipContext) => ctx.codec.present(c.id, ctx.viewer),
  protocolloCaso: (c: CasoRow) => c.protocolloCaso,
  enteErogatore: (c: CasoRow) => ({ codice: c.enteCodice }),
  codiceComune: (c: CasoRow) => c.codiceComune,
  codiceRegione: (c: CasoRow) => c.codiceRegione,
  misura: (c: CasoRow) => c.misura,
  dataDomanda: (c: CasoRow) => c.dataDomanda,
  dataPattoDigitale: (c: CasoRow) => c.dataPattoDigitale,
  dataChiusura: (c: CasoRow) => c.dataChiusura,
  stato: (c: CasoRow) => c.stato,
  componenti: (c: CasoRow, _: unknown, ctx: SipContext) => ctx.loaders.componenti.load(c.id),
  analisiPreliminare: (c: CasoRow, _: unknown, ctx: SipContext) => ctx.loaders.analisi.load(c.id),
  quadroAnalisi: (c: CasoRow, _: unknown, ctx: SipContext) => ctx.loaders.quadro.load(c.id),
  progetto: (c: CasoRow, _: unknown, ctx: SipContext) => ctx.loaders.progetto.load(c.id),
  /** Judged today (Italian date), from the stages already loaded for the case: batched like the rest. */
  async scadenze(c: CasoRow, _: unknown, ctx: SipContext) {
    const [componenti, analisi, progetto, incontri] = await Promise.all([
      ctx.loaders.componenti.load(c.id),
      ctx.loaders.analisi.load(c.id),
      ctx.loaders.progetto.load(c.id),
      ctx.loaders.incontri.load(c.id),
    ]);
    return scadenzeCaso(
      {
        misura: c.misura as Parameters<typeof scadenzeCaso>[0]['misura'],
        dataDomanda: c.dataDomanda,
        dataPattoDigitale: c.dataPattoDigitale,
        dataChiusura: c.dataChiusura,
        analisiPreliminare: analisi ? { data: analisi.data, prevedeProgetto: analisi.esito.prevedeProgetto } : null,
        progetto: progetto ? { dataSottoscrizione: progetto.dataSottoscrizione } : null,
        incontri: incontri.map((i) => ({ data: i.data, esito: i.esito as Parameters<typeof scadenzeCaso>[0]['incontri'][number]['esito'] })),
        componenti,
      },
      oggiInItalia(),
    );
  },
};

/** The anagrafe entity, as a stub: anagrafe resolves its fields. */
export const Ente = {
  codice: (e: { codice: string }) => e.codice,
};

export const ComponenteNucleoSip = {
  persona: (c: ComponenteRow): PersonaRef => ({ id: c.personaId }),
  ruolo: (c: ComponenteRow) => c.ruolo,
  attivabileLavoro: (c: ComponenteRow) => c.attivabileLavoro,
};
