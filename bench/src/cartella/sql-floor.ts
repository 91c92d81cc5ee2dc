import type postgres from 'postgres';
import { cpuSince, sampleCpu } from '../cpu';
import { percentile, type Figure } from './figure';
import type { BenchQuery } from './queries';
import type { Campione } from './sample';

/**
 * The floor: the same SQL the subgraphs send, straight from postgres.js (prepared
 * statements, as in the subgraphs), `workers` loops each running the queries of
 * one read in sequence, rotating over the sample. What no GraphQL layer can beat
 * on this machine.
 */
export async function sqlFloor(
  sql: postgres.Sql,
  scenario: string,
  queries: readonly BenchQuery[],
  persone: readonly Campione[],
  options: { workers: number; durata: number; riscaldamento: number },
): Promise<Figure> {
  let next = 0;
  const once = async () => {
    const persona = persone[next++ % persone.length]!;
    for (const q of queries) await sql.unsafe(q.text, q.params(persona) as postgres.ParameterOrJSON<never>[], { prepare: true });
  };
  const run = async (seconds: number, latencies: number[] | null) => {
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: options.workers }, async () => {
        while (performance.now() < until) {
          const started = performance.now();
          await once();
          latencies?.push(performance.now() - started);
        }
      }),
    );
  };
  await run(options.riscaldamento, null);
  const latencies: number[] = [];
  const cpu = sampleCpu();
  const started = performance.now();
  await run(options.durata, latencies);
  const elapsed = (performance.now() - started) / 1000;
  const usage = cpuSince(cpu);
  latencies.sort((a, b) => a - b);
  return {
    scenario,
    connections: options.workers,
    reqPerSec: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: 0,
    cpu: usage,
  };
}
