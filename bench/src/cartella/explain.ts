import postgres from 'postgres';
import type { BenchQuery } from './queries';
import type { Campione } from './sample';

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of each query for one sampled person, printed; and
 * the same queries planned generically (`plan_cache_mode = force_generic_plan`:
 * what a prepared statement runs after its fifth execution) checked for sequential
 * scans. Returns the findings, one line per query.
 */
export async function explainAll(url: string, queries: ReadonlyArray<{ label: string; query: BenchQuery }>, persona: Campione): Promise<string[]> {
  const custom = postgres(url, { max: 1, onnotice: () => {} });
  const generic = postgres(url, { max: 1, onnotice: () => {}, connection: { plan_cache_mode: 'force_generic_plan' } });
  const findings: string[] = [];
  try {
    for (const { label, query } of queries) {
      const params = query.params(persona) as postgres.ParameterOrJSON<never>[];
      const plan = (await custom.unsafe(`explain (analyze, buffers) ${query.text}`, params)).map((r) => String(r['QUERY PLAN']));
      const genericPlan = (await generic.unsafe(`explain ${query.text}`, params)).map((r) => String(r['QUERY PLAN']));
      console.log(`\n-- ${label}\n${query.text.replace(/\s+/g, ' ').trim()}`);
      for (const line of plan) console.log(`   ${line}`);
      const seq = (lines: string[]) => [...new Set(lines.flatMap((l) => [...l.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]!)))];
      const time = plan.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '?';
      const seqCustom = seq(plan);
      const seqGeneric = seq(genericPlan);
      findings.push(
        `${label.padEnd(34)} ${time.padStart(10)}  ` +
          (seqCustom.length ? `SEQ SCAN on ${seqCustom.join(', ')}` : 'no seq scan') +
          (seqGeneric.length ? `; generic plan: SEQ SCAN on ${seqGeneric.join(', ')}` : '; generic plan: no seq scan'),
      );
    }
  } finally {
    await custom.end();
    await generic.end();
  }
  return findings;
}
