import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@casellario/kit/testing';

/**
 * Cold start of the embedded platform, as `npm start` runs it (a fresh process,
 * migrations, 2,000 demo persons, six subgraphs and the gateway), beside the same
 * platform on the local PostgreSQL. Time is from spawn to the gateway answering
 * /health/ready; memory is the process's resident set at that moment.
 *
 *   npx pnpm --filter @casellario/bench cold-start [-- --runs 3]
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

async function once(env: Record<string, string>, port: number): Promise<{ seconds: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/src/start-platform.ts'], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`platform exited: ${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = Number((await import('node:fs')).readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { seconds, rssMb: Math.round(rss) };
}

function summary(label: string, xs: Array<{ seconds: number; rssMb: number }>) {
  const s = xs.map((x) => x.seconds).sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!;
  const rss = Math.max(...xs.map((x) => x.rssMb));
  console.log(`${label.padEnd(34)} median ${median.toFixed(2)} s  (runs: ${s.map((v) => v.toFixed(2)).join(', ')})  RSS ${rss} MB`);
  return median;
}

const pglite = [];
for (let i = 0; i < runs; i++) pglite.push(await once({ CASELLARIO_BENCH_DB: 'pglite' }, 4790));
const pg = [];
for (let i = 0; i < runs; i++) {
  const db = await createTestDatabase('postgres');
  pg.push(await once({ CASELLARIO_BENCH_DB: db.url! }, 4791));
  await db.drop();
}
console.log(`\ncold start to /health/ready, 2,000 demo persons, ${runs} runs each`);
const a = summary('embedded (one shared PGlite)', pglite);
const b = summary('same platform on PostgreSQL 15', pg);
console.log(`ratio PGlite / PostgreSQL: ${(a / b).toFixed(2)}×`);
