import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { openPostgres, prepareDatabase, type SubgraphModule } from '@casellario/kit';
import postgres from 'postgres';
import { n, seconds } from './config';
import { dropSecondaryIndexes, rebuildIndexes } from './indexes';
import type { ChunkReport } from './load-worker';

/**
 * The bench database: a demo data set of `persone` persons loaded chunk by chunk
 * through each subgraph's own `loadDemo`, as `startPlatform` loads demo data, but
 * streamed (`streamDataset`) so that a million persons never sit in memory.
 *
 * A marker (`bench.bench_marker`: size and seed) is written last, after VACUUM ANALYZE:
 * a database that has it with the same size and seed is reused; any other one
 * (different size, or a load that was interrupted) is dropped and loaded again.
 */
export interface LoadReport {
  reused: boolean;
  persone: number;
  prestazioni: number;
  psa: number;
  ps: number;
  valutazioniSina: number;
  casiSip: number;
  casiSinba: number;
  dsu: number;
  /** Generation + load of every chunk + rebuilding the deferred indexes, seconds. */
  loadSeconds: number;
  analyzeSeconds: number;
}

type Counts = Omit<LoadReport, 'reused' | 'loadSeconds' | 'analyzeSeconds'>;

/**
 * The subgraphs split into two loading processes of about equal work (measured:
 * PSA, with its DSU, is the heaviest loader; anagrafe and flussi come next). The
 * loaders' own work — building multi-row INSERTs — is CPU in Node: one process
 * alone keeps one core busy and the load would take as long as the sum of the
 * loaders; two processes use both cores, with PostgreSQL in their waits.
 */
const GROUPS = [
  ['prestazioni-agevolate', 'sina', 'sip', 'sinba'],
  ['anagrafe', 'flussi', 'prestazioni-sociali', 'accessi'],
];

export async function ensureDataset(url: string, size: { persone: number; seed: number; chunk: number }): Promise<LoadReport> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name must be a plain identifier, got "${name}"`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const marker = await readMarker(url);
      if (marker && marker.persone === size.persone && marker.seed === size.seed) {
        console.log(`database ${name}: already holds ${n(size.persone)} persons, seed ${size.seed} (loaded ${marker.caricato_il.toISOString()}): load skipped`);
        return { reused: true, ...marker.conteggi, loadSeconds: Number(marker.secondi_caricamento), analyzeSeconds: Number(marker.secondi_analyze) };
      }
      console.log(
        marker
          ? `database ${name}: holds ${n(marker.persone)} persons, seed ${marker.seed}: dropped and loaded again`
          : `database ${name}: no marker (an interrupted load, or not ours): dropped and loaded again`,
      );
      await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
    }
    await admin.unsafe(`CREATE DATABASE ${name}`);
    // A bulk load: no flush to disk at each commit (an interrupted load is redone
    // anyway). Reset before anything is measured.
    await admin.unsafe(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    const report = await load(url, size);
    await admin.unsafe(`ALTER DATABASE ${name} RESET synchronous_commit`);
    return report;
  } finally {
    await admin.end();
  }
}

interface Marker {
  persone: number;
  seed: number;
  conteggi: Counts;
  secondi_caricamento: string;
  secondi_analyze: string;
  caricato_il: Date;
}

async function readMarker(url: string): Promise<Marker | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [table] = await sql`select to_regclass('bench.bench_marker') is not null as present`;
    if (!table?.present) return null;
    const [row] = await sql<Marker[]>`select persone, seed, conteggi, secondi_caricamento, secondi_analyze, caricato_il from bench.bench_marker`;
    return row ?? null;
  } finally {
    await sql.end();
  }
}

const worker = fileURLToPath(new URL('./load-worker.ts', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

async function load(url: string, size: { persone: number; seed: number; chunk: number }): Promise<LoadReport> {
  // Migrations and reference data first, one subgraph at a time, as startPlatform does.
  for (const module of SUBGRAPH_MODULES) {
    const handle = openPostgres(url, { max: 1, applicationName: `bench-migrate-${module.name}` });
    try {
      await prepareDatabase(module as SubgraphModule<never>, handle);
    } finally {
      await handle.close();
    }
  }
  const groups = GROUPS.map((g) => g.filter((name) => SUBGRAPH_MODULES.some((m) => m.name === name)));
  const missing = SUBGRAPH_MODULES.filter((m) => m.loadDemo && !groups.flat().includes(m.name));
  if (missing.length) groups[groups.length - 1]!.push(...missing.map((m) => m.name));
  console.log(
    `generating and loading ${n(size.persone)} persons (seed ${size.seed}) in chunks of ${n(size.chunk)}, ` +
      `through each subgraph's loadDemo, in ${groups.length} processes: ${groups.map((g) => g.join(' + ')).join(' | ')}`,
  );

  const counts: Counts = { persone: 0, prestazioni: 0, psa: 0, ps: 0, valutazioniSina: 0, casiSip: 0, casiSinba: 0, dsu: 0 };
  const started = performance.now();
  const deferred = await dropSecondaryIndexes(url);
  console.log(`  ${deferred.length} secondary indexes dropped for the load (rebuilt from their definitions at the end; see indexes.ts)`);
  const children: ChildProcess[] = [];
  // Chunk index → reports received (one per process); a chunk is done when every process reported it.
  const pending = new Map<number, ChunkReport[]>();
  const done = Promise.all(
    groups.map(
      (moduli, gruppo) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', worker], {
            cwd: root,
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
            env: {
              ...process.env,
              LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
              BENCH_LOAD_URL: url,
              BENCH_LOAD_PERSONE: String(size.persone),
              BENCH_LOAD_SEED: String(size.seed),
              BENCH_LOAD_CHUNK: String(size.chunk),
              BENCH_LOAD_MODULI: moduli.join(','),
              BENCH_LOAD_GRUPPO: String(gruppo),
            },
          });
          children.push(child);
          let finished = false;
          child.on('message', (m: ChunkReport | { fine: true }) => {
            if ('fine' in m) return void (finished = true);
            const reports = [...(pending.get(m.index) ?? []), m];
            pending.set(m.index, reports);
            if (reports.length === groups.length) chunkDone(reports);
          });
          child.once('exit', (code, signal) =>
            code === 0 && finished ? resolve() : reject(new Error(`loading process (${moduli.join(', ')}) exited with ${signal ?? `code ${code}`}`)),
          );
        }),
    ),
  );
  const chunkDone = (reports: ChunkReport[]) => {
    const r = reports[0]!;
    pending.delete(r.index);
    counts.persone += r.persone;
    counts.prestazioni += r.prestazioni;
    counts.psa += r.psa;
    counts.ps += r.prestazioni - r.psa;
    counts.valutazioniSina += r.valutazioniSina;
    counts.casiSip += r.casiSip;
    counts.casiSinba += r.casiSinba;
    counts.dsu += r.dsu;
    const elapsed = (performance.now() - started) / 1000;
    const rate = counts.persone / elapsed;
    const loaded = [...reports].sort((a, b) => a.gruppo - b.gruppo).map((x) => `${(x.loadedMs / 1000).toFixed(1)}`).join(' | ');
    console.log(
      `  chunk ${String(r.index + 1).padStart(3)}: ${n(r.persone)} persons, ${n(r.prestazioni)} benefits ` +
        `(generated ${(r.generatedMs / 1000).toFixed(1)} s, loaded ${loaded} s) — ` +
        `${n(counts.persone)} / ${n(size.persone)} (${((100 * counts.persone) / Math.max(1, size.persone)).toFixed(0)}%), ` +
        `${n(rate)} persons/s, elapsed ${seconds(elapsed)}${counts.persone < size.persone ? `, ETA ${seconds((size.persone - counts.persone) / rate)}` : ''}`,
    );
  };
  try {
    await done;
  } catch (error) {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    throw error;
  }
  const rebuildStarted = performance.now();
  await rebuildIndexes(url, deferred);
  console.log(`  ${deferred.length} secondary indexes rebuilt in ${seconds((performance.now() - rebuildStarted) / 1000)}`);
  const loadSeconds = (performance.now() - started) / 1000;

  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const analyzeStarted = performance.now();
    // VACUUM as well: sets the visibility map (index-only scans of the caseload skip the
    // heap), and autovacuum will not start on the freshly loaded tables mid-measurement.
    await sql`vacuum (analyze)`;
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    // Written last: its presence says that everything above completed.
    await sql`create schema bench`;
    await sql`create table bench.bench_marker (persone int not null, seed int not null, conteggi jsonb not null,
      secondi_caricamento numeric not null, secondi_analyze numeric not null, caricato_il timestamptz not null default now())`;
    await sql`insert into bench.bench_marker (persone, seed, conteggi, secondi_caricamento, secondi_analyze)
      values (${size.persone}, ${size.seed}, ${sql.json(counts)}, ${loadSeconds}, ${analyzeSeconds})`;
    console.log(`loaded in ${seconds(loadSeconds)} (${n(counts.persone / loadSeconds)} persons/s, ${n(counts.prestazioni / loadSeconds)} benefits/s); VACUUM ANALYZE ${seconds(analyzeSeconds)}`);
    return { reused: false, ...counts, loadSeconds, analyzeSeconds };
  } finally {
    await sql.end();
  }
}
