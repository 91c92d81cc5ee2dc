import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../database';
import { sopprimi, type Soppressione, type VoceAggregata } from './soppressione';

/**
 * A table of counts computed on the fly from a component's own rows (SINA levels,
 * SINBA case events: far fewer rows than benefits, so no cube): one GROUPING SETS
 * statement gives the cells, the margins of a 2-D table and the total, each with
 * persons counted distinct; then small cells are withheld (`sopprimi`) in the
 * canonical order of the dimensions and the result is put back in the caller's.
 */
export interface DimensioneSql {
  /** The API name (`MOBILITA`). */
  nome: string;
  /** A column of `sorgente`, never null there (sources write 'ND' for a missing value). */
  colonna: string;
  etichetta?: (chiave: string) => string;
}

/** Labels from an enum map (GraphQL name → code): `SI_SPOSTA_DA_SOLO` → "si sposta da solo". */
export function etichetteDaCodici(codes: Record<string, string>): (code: string) => string {
  const byCode = new Map(Object.entries(codes).map(([name, code]) => [code, name.toLowerCase().replaceAll('_', ' ')]));
  return (code) => byCode.get(code) ?? code;
}

export interface CellaConteggio {
  chiave: (string | null)[];
  etichetta: (string | null)[];
  /** Distinct subjects: persons assessed (SINA), children (SINBA, never joined to a person). */
  soggetti: number | null;
  numero: number | null;
  soppressa: boolean;
  soppressione: Soppressione | null;
}

export interface TabellaConteggi {
  per: string[];
  soglia: number;
  celle: CellaConteggio[];
  margini: CellaConteggio[];
  totale: CellaConteggio;
}

/**
 * `sorgente` is a subquery already scoped to the viewer (territory, in SQL) with a
 * `persona` column (what `soggetti` counts distinct) and the dimension columns.
 * `dimensioni` lists every dimension in canonical order; `per` the requested ones.
 */
export async function tabellaConteggi(handle: DatabaseHandle, sorgente: SQL, dimensioni: readonly DimensioneSql[], per: readonly string[], k: number): Promise<TabellaConteggi> {
  const byName = new Map(dimensioni.map((d) => [d.nome, d]));
  const canonical = dimensioni.filter((d) => per.includes(d.nome));
  const cols = canonical.map((d) => d.colonna);
  const sets = [cols, ...(cols.length === 2 ? [[cols[0]!], [cols[1]!]] : []), ...(cols.length > 0 ? [[]] : [])];
  const groupingSets = sets.length ? `group by grouping sets (${sets.map((s) => `(${s.join(', ')})`).join(', ')})` : '';
  const select = cols.length ? `grouping(${cols.join(', ')}) as g, ${cols.map((c, i) => `${c} as d${i}`).join(', ')},` : '0 as g,';
  const rows = await handle.rows<Record<string, string | number | null>>(
    sql`select ${sql.raw(select)} count(distinct persona)::int as persone, count(*)::int as numero from (${sorgente}) s ${sql.raw(groupingSets)}`,
  );
  // grouping(): bit set for a summed-out column, the first column the most significant.
  const n = cols.length;
  const keyOf = (r: Record<string, string | number | null>) => cols.map((_, i) => (Number(r.g) & (1 << (n - 1 - i)) ? null : String(r[`d${i}`])));
  const voce = (r: Record<string, string | number | null>): VoceAggregata => ({ chiave: keyOf(r), misure: { persone: Number(r.persone), record: Number(r.numero), importo: 0 } });
  const celle: VoceAggregata[] = [];
  const margini: VoceAggregata[] = [];
  let totale: VoceAggregata = { chiave: cols.map(() => null), misure: { persone: 0, record: 0, importo: 0 } };
  for (const r of rows) {
    const v = voce(r);
    const nulls = v.chiave.filter((c) => c === null).length;
    if (nulls === n) totale = v;
    else if (nulls === 0) celle.push(v);
    else margini.push(v);
  }
  const protetta = sopprimi({ dimensioni: n, celle, margini, totale }, k);
  const order = per.map((p) => canonical.findIndex((d) => d.nome === p));
  const toApi = (v: (typeof protetta.celle)[number]): CellaConteggio => {
    const chiave = order.map((i) => v.chiave[i] ?? null);
    return {
      chiave,
      etichetta: chiave.map((c, i) => (c === null ? null : c === 'ND' ? 'non indicato' : (byName.get(per[i]!)?.etichetta?.(c) ?? c))),
      soggetti: v.misure?.persone ?? null,
      numero: v.misure?.record ?? null,
      soppressa: v.soppressione !== null,
      soppressione: v.soppressione,
    };
  };
  const byKey = (a: CellaConteggio, b: CellaConteggio) => (JSON.stringify(a.chiave) < JSON.stringify(b.chiave) ? -1 : 1);
  return { per: [...per], soglia: k, celle: protetta.celle.map(toApi).sort(byKey), margini: protetta.margini.map(toApi).sort(byKey), totale: toApi(protetta.totale) };
}
