/**
 * What `npx pnpm --filter @casellario/bench cartella` runs on, from the environment:
 *
 *   BENCH_PERSONE        persons to generate and load (default 1,000,000; e.g. 20000 for a quick run)
 *   BENCH_SEED           seed of the demo generator (default 1)
 *   CASELLARIO_BENCH_DB  PostgreSQL URL of the bench database (default …/casellario_bench, created if absent)
 *   BENCH_DURATA         seconds measured per scenario (default 10), after BENCH_RISCALDAMENTO (default 3) of warm-up
 *   BENCH_CAMPIONE       distinct persons the cartella scenarios rotate over (default 1,000)
 */
function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}

export const config = {
  persone: intFromEnv('BENCH_PERSONE', 1_000_000),
  seed: intFromEnv('BENCH_SEED', 1),
  databaseUrl: process.env.CASELLARIO_BENCH_DB ?? 'postgres://postgres@127.0.0.1:5432/casellario_bench',
  durata: intFromEnv('BENCH_DURATA', 10),
  riscaldamento: intFromEnv('BENCH_RISCALDAMENTO', 3),
  campione: intFromEnv('BENCH_CAMPIONE', 1_000),
  /** Persons per chunk of the stream (one progress line each). */
  chunk: 10_000,
};

export type BenchConfig = typeof config;

/** Thousands separators, as the other benchmarks print them. */
export const n = (value: number): string => Math.round(value).toLocaleString('en');

/** Seconds as `1m 23s` (or `4.2 s` under a minute). */
export function seconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m}m ${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
}
