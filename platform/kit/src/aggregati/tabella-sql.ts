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

/** Entries of a table in the order of their keys (the API lists cells and margins so). */
export function perChiave(a: { chiave: ReadonlyArray<string | null> }, b: { chiave: ReadonlyArray<string | null> }): number {
  const x = JSON.stringify(a.chiave);
  const y = JSON.stringify(b.chiave);
  return x < y ? -1 : x > y ? 1 : 0;
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

/** An entry of the lattice: values (null where summed out), counts, and 0 / 1 primary / 2 secondary. */
interface Voce {
  valori: (string | null)[];
  persone: number;
  numero: number;
  flag: 0 | 1 | 2;
}

/**
 * Every table a viewer can ask (every set of at most two dimensions, and the total)
 * computed at once from the viewer's rows, then suppressed together along every line
 * (a table's cells with the entry of the table that sums one of their dimensions out),
 * until no line has a single withheld entry: the same decision, whichever table is
 * asked, so that no table gives away what another withheld. It is the benefits' cube
 * (platform/prestazioni-core/src/db/soppressione-cubo.ts) done in memory, per request:
 * these components have far fewer rows.
 */
async function reticolo(handle: DatabaseHandle, sorgente: SQL, dimensioni: readonly DimensioneSql[], k: number, insieme: (nomi: string[]) => boolean) {
  const n = dimensioni.length;
  const sets: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    sets.push([i]);
    for (let j = i + 1; j < n; j++) if (insieme([dimensioni[i]!.nome, dimensioni[j]!.nome])) sets.push([i, j]);
  }
  const cols = dimensioni.map((d) => d.colonna);
  const rows = await handle.rows<Record<string, string | number | null>>(
    sql`select ${sql.raw(`grouping(${cols.join(', ')}) as g, ${cols.map((c, i) => `${c} as d${i}`).join(', ')}`)}, count(distinct persona)::int as persone, count(*)::int as numero
          from (${sorgente}) s group by grouping sets (${sql.raw(sets.map((x) => `(${x.map((i) => cols[i]).join(', ')})`).join(', '))})`,
  );
  // grouping(): bit set for a summed-out column, the first column the most significant.
  const setOf = (g: number) => cols.map((_, i) => i).filter((i) => (g & (1 << (n - 1 - i))) === 0);
  const bySet = new Map<string, Map<string, Voce>>(sets.map((x) => [x.join(','), new Map()]));
  const keyOf = (valori: (string | null)[], dims: number[]) => JSON.stringify(dims.map((i) => valori[i]));
  for (const r of rows) {
    const dims = setOf(Number(r.g));
    const valori = cols.map((_, i) => (dims.includes(i) ? String(r[`d${i}`]) : null));
    const persone = Number(r.persone);
    bySet.get(dims.join(','))?.set(keyOf(valori, dims), { valori, persone, numero: Number(r.numero), flag: persone > 0 && persone < k ? 1 : 0 });
  }
  const linee: Array<{ figli: Voce[]; genitore: Voce }> = [];
  for (const x of sets.filter((x) => x.length > 0)) {
    for (const d of x) {
      const parentDims = x.filter((i) => i !== d);
      const parents = bySet.get(parentDims.join(','))!;
      const groups = new Map<string, Voce[]>();
      for (const [, v] of [...bySet.get(x.join(','))!].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const pk = keyOf(v.valori, parentDims);
        groups.set(pk, [...(groups.get(pk) ?? []), v]);
      }
      for (const [pk, figli] of groups) linee.push({ figli, genitore: parents.get(pk)! });
    }
  }
  const entries = (dims: number[]) => [...(bySet.get(dims.join(','))?.values() ?? [])];
  const alongLines = () => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const { figli, genitore } of linee) {
        if (figli.filter((v) => v.flag).length + (genitore.flag ? 1 : 0) !== 1) continue;
        const next = figli.filter((v) => !v.flag).sort((a, b) => a.persone - b.persone)[0] ?? (genitore.flag ? undefined : genitore);
        if (next) {
          next.flag = 2;
          changed = true;
        }
      }
    }
  };
  // Lines first, then each table's own equations (kit `sopprimi`, which also catches what
  // lines alone miss); whatever a table adds goes back into the lattice, until no table adds
  // anything: then answering any table withholds exactly what the lattice says.
  for (let round = 0; ; round++) {
    if (round > 1000) throw new Error('soppressione: nessun punto fisso');
    alongLines();
    let added = false;
    for (const x of sets) {
      const margini = x.length === 2 ? [...entries([x[0]!]), ...entries([x[1]!])] : [];
      const celle = x.length === 0 ? [] : entries(x);
      const [tot] = entries([]);
      if (!tot) continue;
      const all = [...celle, ...margini, tot];
      const toVoce = (v: Voce): VoceAggregata => ({
        chiave: x.map((i) => v.valori[i] ?? null),
        misure: { persone: v.persone, record: v.numero, importo: 0 },
        ...(v.flag ? { soppressione: v.flag === 1 ? ('PRIMARIA' as const) : ('SECONDARIA' as const) } : {}),
      });
      const out = sopprimi({ dimensioni: x.length, celle: celle.map(toVoce), margini: margini.map(toVoce), totale: toVoce(tot) }, k);
      [...out.celle, ...out.margini, out.totale].forEach((o, i) => {
        const v = all[i]!;
        if (o.soppressione && !v.flag) {
          v.flag = 2;
          added = true;
        }
      });
    }
    if (!added) break;
  }
  return entries;
}

/**
 * `sorgente` is a subquery already scoped to the viewer (territory, in SQL) with a
 * `persona` column (what `soggetti` counts distinct) and the dimension columns.
 * `dimensioni` lists every dimension in canonical order; `per` the requested ones;
 * `ammessa` says which pairs of dimensions make a table (not a region with its comune).
 */
export async function tabellaConteggi(
  handle: DatabaseHandle,
  sorgente: SQL,
  dimensioni: readonly DimensioneSql[],
  per: readonly string[],
  k: number,
  ammessa: (nomi: string[]) => boolean = (nomi) => !(nomi.includes('REGIONE') && nomi.includes('COMUNE')),
): Promise<TabellaConteggi> {
  const byName = new Map(dimensioni.map((d) => [d.nome, d]));
  const canonical = dimensioni.filter((d) => per.includes(d.nome));
  const idx = canonical.map((d) => dimensioni.indexOf(d));
  const entries = await reticolo(handle, sorgente, dimensioni, k, ammessa);
  const n = canonical.length;
  const voce = (v: Voce): VoceAggregata => ({
    chiave: idx.map((i) => v.valori[i] ?? null),
    misure: { persone: v.persone, record: v.numero, importo: 0 },
    ...(v.flag === 1 ? { soppressione: 'PRIMARIA' as const } : v.flag === 2 ? { soppressione: 'SECONDARIA' as const } : {}),
  });
  const celle = n === 0 ? [] : entries(idx).map(voce);
  const margini = n === 2 ? [...entries([idx[0]!]).map(voce), ...entries([idx[1]!]).map(voce)] : [];
  const [tot] = entries([]);
  const totale: VoceAggregata = tot ? voce(tot) : { chiave: idx.map(() => null), misure: { persone: 0, record: 0, importo: 0 } };
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
  return { per: [...per], soglia: k, celle: protetta.celle.map(toApi).sort(perChiave), margini: protetta.margini.map(toApi).sort(perChiave), totale: toApi(protetta.totale) };
}
