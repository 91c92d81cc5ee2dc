/**
 * Helpers for DataLoader batch functions: rows fetched with one `= ANY(...)`
 * query, handed back in the order of the requested keys.
 */
export function byKey<K, T>(keys: readonly K[], rows: readonly T[], key: (row: T) => K): Array<T | null> {
  const map = new Map(rows.map((r) => [key(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

/** Like `byKey`, for one-to-many: every key gets its (possibly empty) list. */
export function groupByKey<K, T>(keys: readonly K[], rows: readonly T[], key: (row: T) => K): T[][] {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}
