import { filtroNelTerritorio, perChiave, sogliaAggregati, sopprimi, type FiltroAggregatiInput, type Misure, type VoceAggregata, type VoceProtetta } from '@casellario/kit';
import type { PrestazioniContext } from '../context';
import { aggiornaAggregati, leggiCubo, statoAggregati, type CellaCubo } from '../db/aggregati';
import type { PrestazioneTable } from '../db/tables';
import { DIMENSIONI, insiemiDi, validaRichiesta, type Dimensione } from '../domain/aggregati';
import { etichettaDi } from '../domain/etichette';

/** Arguments of `aggregatiPrestazioniAgevolate` / `aggregatiPrestazioniSociali`. */
export interface AggregatiArgs {
  filtro?: FiltroAggregatiInput | null;
  per: Dimensione[];
}

/** The cube's own decision (db/soppressione-cubo.ts), which this table starts from. */
const decisa = (c: CellaCubo | undefined) => (c?.soppressa === 1 ? 'PRIMARIA' : c?.soppressa === 2 ? 'SECONDARIA' : undefined);

const misure = (c: CellaCubo | undefined): Misure => (c ? { persone: c.persone, record: c.prestazioni, importo: c.importo } : { persone: 0, record: 0, importo: 0 });

/**
 * One table of aggregates: its cells, margins and total read from the cube, then
 * suppressed (kit `sopprimi`) in the canonical order of the dimensions, so that
 * asking with the dimensions the other way round withholds the same entries.
 */
export function aggregatiResolver<C extends PrestazioniContext>(table: PrestazioneTable) {
  const k = sogliaAggregati();
  return async (_: unknown, args: AggregatiArgs, ctx: C) => {
    const filtro = filtroNelTerritorio(ctx.viewer, args.filtro);
    const per = [...args.per];
    validaRichiesta({ filtro, per });
    const canonical = [...per].sort((a, b) => DIMENSIONI.indexOf(a) - DIMENSIONI.indexOf(b));
    const insiemi = insiemiDi({ filtro, per: canonical });

    let stato = await statoAggregati(ctx.handle, table);
    // Never computed (a fresh install): compute now rather than answer with an empty cube.
    if (stato.aggiornatoAl === null) {
      await aggiornaAggregati(ctx.handle, table, { primaVolta: true });
      stato = await statoAggregati(ctx.handle, table);
    }
    const rows = await leggiCubo(ctx.handle, table, [...new Set([insiemi.celle, ...insiemi.margini, insiemi.totale])], filtro);
    const chiave = (r: CellaCubo, dims: readonly Dimensione[]) => canonical.map((d) => (dims.includes(d) ? (r.valori[d] ?? null) : null));
    const celle: VoceAggregata[] =
      canonical.length === 0 ? [] : rows.filter((r) => r.insieme === insiemi.celle).map((r) => ({ chiave: chiave(r, canonical), misure: misure(r), soppressione: decisa(r) }));
    const margini: VoceAggregata[] = insiemi.margini.flatMap((insieme, i) => {
      const kept = canonical.filter((_, j) => j !== i);
      return rows.filter((r) => r.insieme === insieme).map((r) => ({ chiave: chiave(r, kept), misure: misure(r), soppressione: decisa(r) }));
    });
    const riga = rows.find((r) => r.insieme === insiemi.totale);
    const totale: VoceAggregata = { chiave: canonical.map(() => null), misure: misure(riga), soppressione: decisa(riga) };
    const protetta = sopprimi({ dimensioni: canonical.length, celle, margini, totale }, k);

    // Back to the caller's order of dimensions.
    const order = per.map((d) => canonical.indexOf(d));
    const toApi = (v: VoceProtetta) => {
      const key = order.map((i) => v.chiave[i] ?? null);
      return {
        chiave: key,
        etichetta: key.map((value, i) => etichettaDi(per[i]!, value)),
        persone: v.misure?.persone ?? null,
        prestazioni: v.misure?.record ?? null,
        importo: v.misure ? Math.round(v.misure.importo * 100) / 100 : null,
        soppressa: v.soppressione !== null,
        soppressione: v.soppressione,
      };
    };
    return {
      per,
      soglia: k,
      aggiornataAl: stato.aggiornatoAl,
      celle: protetta.celle.map(toApi).sort(perChiave),
      margini: protetta.margini.map(toApi).sort(perChiave),
      totale: toApi(protetta.totale),
    };
  };
}
