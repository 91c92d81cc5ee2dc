import type { CpuUse } from '../cpu';

/** One measured scenario, as the final table prints it. */
export interface Figure {
  scenario: string;
  connections: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Requests answered with a non-2xx status, a GraphQL error, or no data. */
  errors: number;
  /** CPU used during the measurement, in cores (1.0 = one core busy): see cpu.ts. */
  cpu?: CpuUse;
}

/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
