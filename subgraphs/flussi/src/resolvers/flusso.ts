import { readPageArgs, toPage } from '@casellario/kit';
import type { FlussiContext } from '../context';
import { conteggioCodici, findParti, listEsiti, statoConsegna, type EsitoRow, type FlussoRow } from '../db/queries';

/** A flow as the API shows it: all its received parts, and how this answer came about. */
export interface FlussoView {
  nome: string;
  parti: FlussoRow[];
  giaRicevuto: boolean;
  contenutoDiverso: boolean;
}

export function flussoView(parti: FlussoRow[], giaRicevuto: boolean, contenutoDiverso: boolean): FlussoView {
  return { nome: parti[0]!.nome, parti, giaRicevuto, contenutoDiverso };
}

const ids = (f: FlussoView) => f.parti.map((p) => p.id);

/** The delivery state of a flow, read once per view: `stato` and `consegna` both need it. */
const consegne = new WeakMap<FlussoView, ReturnType<typeof statoConsegna>>();
function consegnaDi(f: FlussoView, ctx: FlussiContext): ReturnType<typeof statoConsegna> {
  let stato = consegne.get(f);
  if (!stato) consegne.set(f, (stato = statoConsegna(ctx.handle, ids(f))));
  return stato;
}

export const Flusso = {
  /** `id` is the flow's name: unique across the registry, and what enti already use. */
  async __resolveReference(ref: { id: string }, ctx: FlussiContext) {
    const parti = await findParti(ctx.handle, ref.id);
    if (parti.length === 0 || parti[0]!.enteCodice !== ctx.viewer.ente) return null;
    return flussoView(parti, false, false);
  },
  id: (f: FlussoView) => f.nome,
  nome: (f: FlussoView) => f.nome,
  tipo: (f: FlussoView) => f.parti[0]!.tipo,
  enteCodice: (f: FlussoView) => f.parti[0]!.enteCodice,
  ricevutoIl: (f: FlussoView) => f.parti.reduce((min, p) => (p.ricevutoIl < min ? p.ricevutoIl : min), f.parti[0]!.ricevutoIl).toISOString(),
  parti: (f: FlussoView) => f.parti[0]!.parti,
  partiRicevute: (f: FlussoView) => f.parti.length,
  async stato(f: FlussoView, _: unknown, ctx: FlussiContext) {
    if (f.parti.length < f.parti[0]!.parti) return 'PARZIALE';
    return (await consegnaDi(f, ctx)).daConsegnare > 0 ? 'IN_CONSEGNA' : 'CONSEGNATO';
  },
  riepilogo: (f: FlussoView) => ({
    flusso: f,
    record: f.parti.reduce((n, p) => n + p.record, 0),
    accettati: f.parti.reduce((n, p) => n + p.accettati, 0),
    accettatiConAvvisi: f.parti.reduce((n, p) => n + p.conAvvisi, 0),
    rifiutati: f.parti.reduce((n, p) => n + p.rifiutati, 0),
  }),
  avvisiFlusso: (f: FlussoView) => f.parti[0]!.avvisi,
  async esiti(
    f: FlussoView,
    args: { filtro?: { stato?: string | null; codice?: string | null } | null; primi?: number | null; dopo?: string | null },
    ctx: FlussiContext,
  ) {
    // Bound to the flow too: a cursor of one flow's esiti does not page another's.
    const page = readPageArgs(args, { ctx, listing: 'Flusso.esiti', parent: ids(f) });
    const rows = await listEsiti(ctx.handle, ids(f), args.filtro ?? {}, page.limit, page.after ? Number(page.after[0]) : null);
    return toPage(rows, page.limit, (r) => [r.numero], page.seal);
  },
  consegna: async (f: FlussoView, _: unknown, ctx: FlussiContext) => {
    const s = await consegnaDi(f, ctx);
    return { ...s, completata: s.daConsegnare === 0 };
  },
  giaRicevuto: (f: FlussoView) => f.giaRicevuto,
  contenutoDiverso: (f: FlussoView) => f.contenutoDiverso,
};

export const RiepilogoEsiti = {
  codici: (r: { flusso: FlussoView }, _: unknown, ctx: FlussiContext) => conteggioCodici(ctx.handle, ids(r.flusso)),
};

export const Esito = {
  numero: (e: EsitoRow) => e.numero,
  parte: (e: EsitoRow & { parte: number }) => e.parte,
  riga: (e: EsitoRow) => e.riga,
  stato: (e: EsitoRow) => e.stato,
  riferimento: (e: EsitoRow) => e.riferimento,
  codicePrestazione: (e: EsitoRow) => e.codicePrestazione,
  protocolloDomanda: (e: EsitoRow) => e.protocolloDomanda,
  segnalazioni: (e: EsitoRow) => e.segnalazioni,
};

export { findParti };
