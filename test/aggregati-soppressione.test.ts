import { sopprimi, type TabellaDaProteggere, type VoceAggregata } from '@casellario/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Small-cell suppression (docs/aggregati.md), proved on random tables: nothing
 * published has fewer than k persons, and no withheld entry can be computed from
 * what is published and the sums along rows, columns and margins. The second check
 * is written independently of the engine: exact rational arithmetic, and the rank
 * test (an entry is computable iff adding its unit vector to the constraints does
 * not raise their rank), where the engine uses a reduced echelon form in floats.
 */

// ---- exact rank over the rationals (BigInt fractions) ----
type Q = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Q): Q => {
  if (n === 0n) return [0n, 1n];
  const g = gcd(n, d) * (d < 0n ? -1n : 1n);
  return [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Q, b: Q): Q => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Q, b: Q): Q => norm([a[0] * b[1], a[1] * b[0]]);

function rank(matrix: number[][]): number {
  const m: Q[][] = matrix.map((row) => row.map((v) => [BigInt(v), 1n] as Q));
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c]![0] === 0n) continue;
      const f = div(m[i]![c]!, m[r]![c]!);
      m[i] = m[i]!.map((v, j) => sub(v, mul(f, m[r]![j]!)));
    }
    r++;
  }
  return r;
}

// ---- random tables whose records and amounts add up; persons need not ----
interface Cella {
  persone: number;
  record: number;
  importo: number;
}
const cella = fc
  .record({ persone: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 })), extra: fc.integer({ min: 0, max: 5 }), centesimi: fc.integer({ min: 100, max: 500_000 }) })
  .map(({ persone, extra, centesimi }): Cella => ({ persone, record: persone + extra, importo: centesimi / 100 }));

function somma(celle: Cella[], distinte: number): Cella {
  return {
    // Persons of a margin lie between the largest cell (one person in every cell) and the sum.
    persone: Math.max(...celle.map((c) => c.persone), Math.min(distinte, celle.reduce((s, c) => s + c.persone, 0))),
    record: celle.reduce((s, c) => s + c.record, 0),
    importo: Math.round(celle.reduce((s, c) => s + c.importo, 0) * 100) / 100,
  };
}

const tabella1D = fc.array(cella, { minLength: 1, maxLength: 12 }).chain((celle) =>
  fc.integer({ min: 0, max: 500 }).map((distinte): TabellaDaProteggere => ({
    dimensioni: 1,
    celle: celle.map((misure, i) => ({ chiave: [`v${i}`], misure })),
    margini: [],
    totale: { chiave: [null], misure: somma(celle, distinte) },
  })),
);

const tabella2D = fc
  .record({ righe: fc.integer({ min: 1, max: 7 }), colonne: fc.integer({ min: 1, max: 7 }) })
  .chain(({ righe, colonne }) =>
    fc.record({
      // Sparse: an absent cell is an empty one, as in GROUP BY output.
      celle: fc.array(fc.option(cella, { freq: 3 }), { minLength: righe * colonne, maxLength: righe * colonne }),
      distinte: fc.integer({ min: 0, max: 500 }),
      righe: fc.constant(righe),
      colonne: fc.constant(colonne),
    }),
  )
  .filter(({ celle }) => celle.some((c) => c !== null))
  .map(({ celle, distinte, righe, colonne }): TabellaDaProteggere => {
    const interne: VoceAggregata[] = [];
    celle.forEach((c, i) => c && interne.push({ chiave: [`r${Math.floor(i / colonne)}`, `c${i % colonne}`], misure: c }));
    const margini: VoceAggregata[] = [];
    for (let r = 0; r < righe; r++) {
      const riga = interne.filter((c) => c.chiave[0] === `r${r}`).map((c) => c.misure);
      if (riga.length) margini.push({ chiave: [`r${r}`, null], misure: somma(riga, distinte) });
    }
    for (let c = 0; c < colonne; c++) {
      const col = interne.filter((x) => x.chiave[1] === `c${c}`).map((x) => x.misure);
      if (col.length) margini.push({ chiave: [null, `c${c}`], misure: somma(col, distinte) });
    }
    return { dimensioni: 2, celle: interne, margini, totale: { chiave: [null, null], misure: somma(interne.map((c) => c.misure), distinte) } };
  });

/** The additive constraints of a table as rows over all its entries (interior +1, total −1). */
function vincoli(t: TabellaDaProteggere): { entries: string[]; rows: number[][] } {
  const all = [...t.celle, ...t.margini, t.totale];
  const entries = all.map((v) => JSON.stringify(v.chiave));
  const at = (chiave: ReadonlyArray<string | null>) => entries.indexOf(JSON.stringify(chiave));
  const line = (interne: VoceAggregata[], totale: VoceAggregata) => {
    const row = new Array<number>(entries.length).fill(0);
    for (const v of interne) row[at(v.chiave)] = 1;
    row[at(totale.chiave)] = -1;
    return row;
  };
  const rows: number[][] = [];
  if (t.dimensioni === 1) rows.push(line([...t.celle], t.totale));
  if (t.dimensioni === 2) {
    for (const asse of [0, 1]) {
      const marg = t.margini.filter((m) => m.chiave[asse] !== null);
      for (const m of marg) rows.push(line(t.celle.filter((c) => c.chiave[asse] === m.chiave[asse]), m));
      rows.push(line(marg, t.totale));
    }
  }
  return { entries, rows };
}

/** Entries an attacker can compute exactly from the published ones. */
function computabili(t: TabellaDaProteggere, withheld: Set<string>): string[] {
  const { entries, rows } = vincoli(t);
  const unknown = entries.map((e, i) => [e, i] as const).filter(([e]) => withheld.has(e));
  if (unknown.length === 0 || rows.length === 0) return [];
  const restricted = rows.map((row) => unknown.map(([, i]) => row[i]!));
  const base = rank(restricted);
  return unknown.filter((_, j) => rank([...restricted, unknown.map((__, jj) => (jj === j ? 1 : 0))]) === base).map(([e]) => e);
}

function check(t: TabellaDaProteggere, k: number) {
  const out = sopprimi(t, k);
  const input = [...t.celle, ...t.margini, t.totale];
  const output = [...out.celle, ...out.margini, out.totale];
  const withheld = new Set<string>();
  output.forEach((o, i) => {
    const original = input[i]!;
    expect(o.chiave).toEqual(original.chiave);
    if (o.soppressione) {
      withheld.add(JSON.stringify(o.chiave));
      expect(o.misure).toBeNull();
    } else {
      // Published as computed, and never a small cell.
      expect(o.misure).toEqual(original.misure);
      expect(original.misure.persone >= k || original.misure.persone === 0).toBe(true);
    }
    if (original.misure.persone > 0 && original.misure.persone < k) expect(o.soppressione).toBe('PRIMARIA');
  });
  expect(computabili(t, withheld)).toEqual([]);
  return out;
}

describe('small-cell suppression', () => {
  it('1-D tables: no small cell published, no withheld cell computable from the total', () => {
    fc.assert(fc.property(tabella1D, fc.integer({ min: 2, max: 10 }), (t, k) => void check(t, k)), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  });

  it('2-D tables with margins: no small cell published, none computable from rows, columns and totals together', () => {
    fc.assert(fc.property(tabella2D, fc.integer({ min: 2, max: 10 }), (t, k) => void check(t, k)), { numRuns: Number(process.env.PROPERTY_RUNS ?? 400) });
  });

  it('the same table with its dimensions swapped withholds the same entries', () => {
    fc.assert(
      fc.property(tabella2D, (t) => {
        const swap = (v: VoceAggregata): VoceAggregata => ({ chiave: [v.chiave[1]!, v.chiave[0]!], misure: v.misure });
        const a = sopprimi(t, 5);
        const b = sopprimi({ dimensioni: 2, celle: t.celle.map(swap), margini: t.margini.map(swap), totale: swap(t.totale) }, 5);
        const pattern = (entries: { chiave: ReadonlyArray<string | null>; soppressione: string | null }[], swapped: boolean) =>
          entries.map((e) => `${JSON.stringify(swapped ? [e.chiave[1], e.chiave[0]] : e.chiave)}:${e.soppressione ?? ''}`).sort();
        expect(pattern([...b.celle, ...b.margini, b.totale], true)).toEqual(pattern([...a.celle, ...a.margini, a.totale], false));
      }),
      { numRuns: 200 },
    );
  });

  it('two blocks of withheld cells joined by one cell: the line rule alone would publish a computable cell', () => {
    // Rows r0,r1 × columns c0,c1 small; rows r2,r3 × columns c2,c3 small; (r0,c2) large but the only link.
    const cells: VoceAggregata[] = [];
    const m = (persone: number) => ({ persone, record: persone, importo: persone * 100 });
    for (const [r, c] of [['r0', 'c0'], ['r0', 'c1'], ['r1', 'c0'], ['r1', 'c1'], ['r2', 'c2'], ['r2', 'c3'], ['r3', 'c2'], ['r3', 'c3']] as const) cells.push({ chiave: [r, c], misure: m(3) });
    cells.push({ chiave: ['r0', 'c2'], misure: m(50) });
    for (const r of ['r0', 'r1', 'r2', 'r3']) for (const c of ['c4']) cells.push({ chiave: [r, c], misure: m(30) });
    const sum = (xs: VoceAggregata[]) => m(xs.reduce((s, x) => s + x.misure.persone, 0));
    const margini: VoceAggregata[] = [
      ...['r0', 'r1', 'r2', 'r3'].map((r) => ({ chiave: [r, null], misure: sum(cells.filter((c) => c.chiave[0] === r)) })),
      ...['c0', 'c1', 'c2', 'c3', 'c4'].map((c) => ({ chiave: [null, c], misure: sum(cells.filter((x) => x.chiave[1] === c)) })),
    ];
    const t: TabellaDaProteggere = { dimensioni: 2, celle: cells, margini, totale: { chiave: [null, null], misure: sum(cells) } };
    const out = check(t, 5);
    const primarie = [...out.celle, ...out.margini, out.totale].filter((e) => e.soppressione === 'PRIMARIA').length;
    expect(primarie).toBe(8);
  });
});
