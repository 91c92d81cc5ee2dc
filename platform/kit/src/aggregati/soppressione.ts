import { determinedUnknowns } from './determinabili';

/**
 * Small-cell suppression of a table of aggregates (docs/aggregati.md).
 *
 * A table has 0, 1 or 2 dimensions. Its entries are the interior cells (a value for
 * every dimension), the margins of a 2-D table (one dimension summed out: `null` in
 * its place) and the grand total (every dimension summed out). Counts of records and
 * amounts add up along every line (a row or column with its margin, the margins with
 * the total); persons do not (one person can hold benefits in two cells).
 *
 * - Primary suppression: an entry with fewer than `k` persons is withheld.
 * - Secondary suppression: more entries are withheld until no withheld entry can be
 *   computed exactly from what is published and the sums along the lines. A line
 *   with a single withheld entry gives it away by subtraction; so can a combination
 *   of lines (two cycles of withheld cells joined by one cell), which is why the
 *   final check solves the linear system instead of counting per line.
 * Withheld entries are chosen deterministically (interior cells before margins,
 * then fewest persons, then key order), so that the same table always comes out
 * the same: asking twice, or with the dimensions in the other order, discloses
 * nothing more.
 */
export interface Misure {
  persone: number;
  record: number;
  importo: number;
}

export interface VoceAggregata {
  /** One value per dimension; `null` where the entry sums that dimension out. */
  chiave: ReadonlyArray<string | null>;
  misure: Misure;
  /** Already withheld by a wider decision (the cube's, across all its tables): kept withheld. */
  soppressione?: Soppressione;
}

export type Soppressione = 'PRIMARIA' | 'SECONDARIA';

export interface VoceProtetta {
  chiave: ReadonlyArray<string | null>;
  /** `null` when the entry is withheld. */
  misure: Misure | null;
  soppressione: Soppressione | null;
}

export interface TabellaDaProteggere {
  dimensioni: number;
  celle: readonly VoceAggregata[];
  /** Of a 2-D table: one entry per value of each dimension, the other summed out. */
  margini: readonly VoceAggregata[];
  totale: VoceAggregata;
}

export interface TabellaProtetta {
  celle: VoceProtetta[];
  margini: VoceProtetta[];
  totale: VoceProtetta;
}

interface Voce {
  chiave: ReadonlyArray<string | null>;
  id: string;
  canon: string;
  misure: Misure;
  interna: boolean;
  soppressione: Soppressione | null;
}

/** A line: entries whose interior values sum to its total (`totale` has coefficient −1). */
interface Linea {
  interne: Voce[];
  totale: Voce;
}

const idOf = (chiave: ReadonlyArray<string | null>) => JSON.stringify(chiave);
/** The same entry whatever the order of the dimensions: the tie-break of `scegli`. */
const canonOf = (chiave: ReadonlyArray<string | null>) => JSON.stringify(chiave.map((v) => v ?? '').sort());

function lineeDi(t: TabellaDaProteggere, voci: Map<string, Voce>): Linea[] {
  const get = (chiave: ReadonlyArray<string | null>) => voci.get(idOf(chiave));
  const totale = get(t.totale.chiave)!;
  const celle = t.celle.map((c) => get(c.chiave)!);
  if (t.dimensioni === 0) return [];
  if (t.dimensioni === 1) return [{ interne: celle, totale }];
  const linee: Linea[] = [];
  const margini = t.margini.map((m) => get(m.chiave)!);
  for (const asse of [0, 1]) {
    // Lines along the other axis: the cells sharing this axis's value, with their margin.
    const perValore = new Map<string, Voce[]>();
    for (const c of celle) {
      const v = c.chiave[asse]!;
      perValore.set(v, [...(perValore.get(v) ?? []), c]);
    }
    const marginiAsse = margini.filter((m) => m.chiave[asse] !== null);
    for (const m of marginiAsse) linee.push({ interne: perValore.get(m.chiave[asse]!) ?? [], totale: m });
    // The margins of this axis with the grand total.
    linee.push({ interne: marginiAsse, totale });
  }
  return linee;
}

/** The entry to withhold next among `candidates`: interior first, fewest persons, key order. */
function scegli(candidates: Voce[]): Voce | undefined {
  return candidates
    .filter((v) => v.soppressione === null)
    .sort((a, b) => Number(b.interna) - Number(a.interna) || a.misure.persone - b.misure.persone || (a.canon < b.canon ? -1 : a.canon > b.canon ? 1 : 0))[0];
}

const vociDi = (l: Linea) => [...l.interne, l.totale];

export function sopprimi(t: TabellaDaProteggere, k: number): TabellaProtetta {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const voci = new Map<string, Voce>();
  const add = (v: VoceAggregata, interna: boolean) => {
    const id = idOf(v.chiave);
    // Zero persons means an empty entry (only a grand total can be empty): nobody to protect.
    const primaria = v.misure.persone > 0 && v.misure.persone < k;
    voci.set(id, { chiave: v.chiave, id, canon: canonOf(v.chiave), misure: v.misure, interna, soppressione: primaria ? 'PRIMARIA' : (v.soppressione ?? null) });
  };
  t.celle.forEach((c) => add(c, true));
  t.margini.forEach((m) => add(m, false));
  add(t.totale, false);

  const linee = lineeDi(t, voci);
  const lineeDiVoce = new Map<string, Linea[]>();
  for (const l of linee) for (const v of vociDi(l)) lineeDiVoce.set(v.id, [...(lineeDiVoce.get(v.id) ?? []), l]);

  for (;;) {
    // Cheap pass: a line with exactly one withheld entry reveals it by subtraction.
    const needy = linee.filter((l) => vociDi(l).filter((v) => v.soppressione).length === 1);
    let next = scegli(needy.flatMap(vociDi));
    if (!next) {
      // Exact check: can any withheld entry be computed from the lines taken together?
      const withheld = [...voci.values()].filter((v) => v.soppressione);
      if (withheld.length === 0 || linee.length === 0) break;
      const index = new Map(withheld.map((v, i) => [v.id, i]));
      const rows = linee.map((l) => {
        const row = new Map<number, number>();
        for (const v of l.interne) if (index.has(v.id)) row.set(index.get(v.id)!, 1);
        if (index.has(l.totale.id)) row.set(index.get(l.totale.id)!, -1);
        return row;
      });
      const determined = [...determinedUnknowns(rows, withheld.length)].map((i) => withheld[i]!);
      if (determined.length === 0) break;
      // Withhold one more entry on a line of an exposed entry; should all of those be withheld
      // already (the exposure comes from farther away), anything still published.
      next = scegli(determined.flatMap((v) => (lineeDiVoce.get(v.id) ?? []).flatMap(vociDi))) ?? scegli([...voci.values()]);
      // Nothing left to withhold yet something determined: only possible with an entry of zero
      // persons, which tables never contain. Fail loudly rather than publish.
      if (!next) throw new Error('soppressione: una voce resta determinabile');
    }
    next.soppressione = 'SECONDARIA';
  }

  const out = (v: VoceAggregata): VoceProtetta => {
    const voce = voci.get(idOf(v.chiave))!;
    return { chiave: v.chiave, misure: voce.soppressione ? null : v.misure, soppressione: voce.soppressione };
  };
  return { celle: t.celle.map(out), margini: t.margini.map(out), totale: out(t.totale) };
}
