/**
 * Which unknowns of a linear system are fixed by it. Each constraint says that a sum
 * of table entries equals zero (interior cells +1, the line's total −1); published
 * entries are known, suppressed ones are the unknowns. An unknown is *determined*
 * when every solution of the system gives it the same value, that is when the
 * published figures and the margins let someone compute it exactly.
 *
 * Method: reduced row echelon form of the constraints restricted to the unknowns.
 * A free column can vary; a pivot column is determined exactly when its row has no
 * entry in any free column. Coefficients are ±1 and the tables are small (hundreds of
 * entries), so floating point with a tolerance is exact enough: every pivot of a
 * network-like matrix stays a small rational.
 */
const EPS = 1e-9;

/** `rows[r]` maps unknown index → coefficient; returns the indexes of the determined unknowns. */
export function determinedUnknowns(rows: ReadonlyArray<ReadonlyMap<number, number>>, unknowns: number): Set<number> {
  const m = rows.map((row) => {
    const dense = new Float64Array(unknowns);
    for (const [j, v] of row) dense[j] = v;
    return dense;
  });
  const pivotOfRow: number[] = [];
  let r = 0;
  for (let c = 0; c < unknowns && r < m.length; c++) {
    let best = -1;
    let bestAbs = EPS;
    for (let i = r; i < m.length; i++) {
      const a = Math.abs(m[i]![c]!);
      if (a > bestAbs) {
        best = i;
        bestAbs = a;
      }
    }
    if (best < 0) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    const pivotRow = m[r]!;
    const p = pivotRow[c]!;
    for (let j = c; j < unknowns; j++) pivotRow[j]! /= p;
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i]!;
      const f = row[c]!;
      if (Math.abs(f) <= EPS) continue;
      for (let j = c; j < unknowns; j++) row[j]! -= f * pivotRow[j]!;
    }
    pivotOfRow.push(c);
    r++;
  }
  const pivots = new Set(pivotOfRow);
  const determined = new Set<number>();
  pivotOfRow.forEach((c, i) => {
    const row = m[i]!;
    let alone = true;
    for (let j = 0; j < unknowns && alone; j++) if (j !== c && !pivots.has(j) && Math.abs(row[j]!) > EPS) alone = false;
    if (alone) determined.add(c);
  });
  return determined;
}
