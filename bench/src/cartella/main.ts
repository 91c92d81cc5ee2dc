import { cpus, loadavg } from 'node:os';
import postgres from 'postgres';
import { config, n, seconds } from './config';
import { setBenchDatabase } from '../cpu';
import { explainAll } from './explain';
import { percentile, type Figure } from './figure';
import { ensureDataset } from './load';
import { cannon, type HttpScenario } from './measure';
import { startPlatformProcess, type PlatformProcess } from './platform';
import { CARTELLA_SQL, cartellaSqlOf, ELENCO_SQL, type BenchQuery } from './queries';
import { printTable, type Row } from './report';
import { campione } from './sample';
import { elenco, gatewayCartella, gestioneTokens, SUBGRAPH_QUERIES, subgraphDirect } from './scenarios';
import { sqlFloor } from './sql-floor';

/**
 * The cartella under load (issue 6, item 1): a data set of BENCH_PERSONE persons
 * (default 1,000,000) loaded into PostgreSQL, then the cartella of one person read
 * through the gateway, through each subgraph directly, and as the plain SQL the
 * subgraphs run (the floor); one listing page; and the same reads on a platform
 * with the policies switched off (what authorisation costs). Figures beside the
 * floor measured in the same run, as a ratio.
 *
 *   npx pnpm --filter @casellario/bench cartella
 *   BENCH_PERSONE=20000 npx pnpm --filter @casellario/bench cartella
 *
 * Environment: see config.ts. BENCH_PROFILO=<dir> also writes a CPU profile of the
 * platform process for every measured scenario.
 */
const url = config.databaseUrl;
setBenchDatabase(decodeURIComponent(new URL(url).pathname.slice(1)));
const timing = { durata: config.durata, riscaldamento: config.riscaldamento };
const loadAvg = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(
  `cartella benchmark: ${n(config.persone)} persons (seed ${config.seed}) on ${url.replace(/\/\/[^@/]*@/, '//')}; ` +
    `${config.riscaldamento} s warm-up + ${config.durata} s per scenario; rotating over ${n(config.campione)} persons; load average ${loadAvg()}\n`,
);

// --- 1. The data set. ---
const data = await ensureDataset(url, { persone: config.persone, seed: config.seed, chunk: config.chunk });
const perPerson = data.prestazioni / Math.max(1, data.persone);
console.log(
  `data set: ${n(data.persone)} persons, ${n(data.prestazioni)} benefits (${perPerson.toFixed(2)} per person: ${n(data.psa)} PSA, ${n(data.ps)} PS), ` +
    `${n(data.valutazioniSina)} SINA assessments, ${n(data.casiSip)} SIP cases, ${n(data.casiSinba)} SINBA cases, ${n(data.dsu)} DSU` +
    (Math.abs(perPerson - 3) > 0.3 ? `  — NOTE: the generator yields ${perPerson.toFixed(2)} benefits per person, not 3` : ''),
);
console.log(
  `load time: ${seconds(data.loadSeconds)} (${n(data.persone / data.loadSeconds)} persons/s), VACUUM ANALYZE ${seconds(data.analyzeSeconds)}` +
    (data.reused ? ' — as the marker of the earlier load records' : ''),
);

const sql = postgres(url, { max: 10, onnotice: () => {} });
const sample = await campione(sql, config.campione);
const persone = sample.persone;
console.log(`sample: ${n(persone.length)} persons in the caseload of a single ente (${n(sample.enti)} enti), ${sample.beneficiMedi.toFixed(2)} benefits per cartella on average`);
const tokens = await gestioneTokens(persone);

// --- 2c. The floor: the subgraphs' SQL, 10 workers. ---
console.log('\nSQL floor (postgres.js, 10 workers)…');
const floorOf = async (scenario: string, queries: readonly BenchQuery[]) => {
  const f = await sqlFloor(sql, scenario, queries, persone, { workers: 10, ...timing });
  console.log(`  ${scenario}: ${n(f.reqPerSec)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms`);
  return f;
};
const floorCartella = await floorOf(`SQL: cartella (${CARTELLA_SQL.length} queries)`, CARTELLA_SQL);
const floorSubgraph: Record<string, Figure> = {};
for (const name of Object.keys(SUBGRAPH_QUERIES)) {
  const queries = cartellaSqlOf(name);
  floorSubgraph[name] = await floorOf(`SQL: ${name}${queries.length > 1 ? ` (${queries.length} queries)` : ''}`, queries);
}
const floorElenco = await floorOf('SQL: elenco PSA, 1 page', [ELENCO_SQL]);

// --- EXPLAIN of the main cartella queries, one per subgraph (and the listing). ---
console.log('\nEXPLAIN (ANALYZE, BUFFERS) for one sampled person:');
const findings = await explainAll(
  url,
  [
    ...CARTELLA_SQL.map((query, i) => ({ label: `${query.subgraph}${i === 1 ? ' (indirizzi)' : ''}`, query })),
    { label: 'prestazioni-agevolate elenco', query: ELENCO_SQL },
  ],
  persone[0]!,
);

// --- 2a, 2b, 2d, 2e: two platforms, with and without policies, measured in turn. ---
const check = async (s: HttpScenario) => {
  const { headers, body } = s.next();
  const text = await (await fetch(s.url, { method: 'POST', headers, body })).text();
  if (!s.ok(text)) throw new Error(`${s.scenario}: unexpected answer ${text.slice(0, 500)}`);
};
const measure = async (platform: PlatformProcess, s: HttpScenario, connections: number) => {
  await check(s);
  const f = await cannon(s, { connections, ...timing, platform });
  console.log(`  ${s.scenario} @${connections}: ${n(f.reqPerSec)} req/s, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms${f.errors ? `, ${n(f.errors)} ERRORS` : ''}`);
  return f;
};
/** One cartella at a time: its latency without queueing, and how many access records each writes. */
const lone = async (platform: PlatformProcess, accessRecords: () => Promise<number>) => {
  const probe = gatewayCartella('probe', platform.gateway, persone, tokens);
  for (let i = 0; i < 20; i++) await check(probe);
  const before = await accessRecords();
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    await check(probe);
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  return { p50: percentile(times, 50), records: ((await accessRecords()) - before) / times.length };
};

// One platform at a time: each opens a pool of up to 10 connections per subgraph, and
// two at once (160) would pass PostgreSQL's max_connections (100).
await sql.end();
const small = postgres(url, { max: 1, onnotice: () => {} });
const accessRecords = async () => Number((await small`select count(*)::bigint as n from accessi.accesso`)[0]!.n);
const cartella: Record<'on' | 'off', Record<number, Figure>> = { on: {}, off: {} };
const direct: Record<'on' | 'off', Record<string, Figure>> = { on: {}, off: {} };
const loneLatency: Record<'on' | 'off', { p50: number; records: number }> = { on: { p50: NaN, records: NaN }, off: { p50: NaN, records: NaN } };
let listing: Figure | undefined;
try {
  for (const mode of ['on', 'off'] as const) {
    console.log(
      mode === 'on'
        ? '\nplatform with policies (child process)…'
        : '\nplatform WITHOUT policies (CASELLARIO_BENCH_SENZA_POLITICHE=1, child process)…',
    );
    const platform = await startPlatformProcess(url, { senzaPolitiche: mode === 'off' });
    const suffix = mode === 'on' ? '' : ', NO policies';
    try {
      loneLatency[mode] = await lone(platform, accessRecords);
      console.log(`  one cartella at a time: p50 ${loneLatency[mode].p50.toFixed(1)} ms, ${loneLatency[mode].records.toFixed(1)} access records written each`);
      for (const connections of [10, 50]) {
        cartella[mode][connections] = await measure(platform, gatewayCartella(`gateway cartella${suffix}`, platform.gateway, persone, tokens), connections);
      }
      for (const name of Object.keys(SUBGRAPH_QUERIES)) {
        const s = subgraphDirect(name, platform.subgraphs[name]!, persone, tokens);
        direct[mode][name] = await measure(platform, { ...s, scenario: `${s.scenario}${suffix}` }, 10);
      }
      if (mode === 'on') listing = await measure(platform, await elenco(platform.gateway), 10);
    } finally {
      await platform.stop();
    }
  }
} finally {
  await small.end();
}

// --- The table. ---
const overhead = (c: number) => 1 - cartella.on[c]!.reqPerSec / cartella.off[c]!.reqPerSec;
const cartellaFloor = { figure: floorCartella, name: 'SQL cartella' };
const rows: Row[] = [floorCartella, ...Object.values(floorSubgraph), floorElenco].map((figure) => ({ figure }));
const a10 = cartella.on[10]!;
rows.push({ figure: a10, floor: cartellaFloor, target: { text: '≥ 300 req/s, p99 ≤ 50 ms', met: a10.reqPerSec >= 300 && a10.p99 <= 50 } });
rows.push({ figure: cartella.on[50]!, floor: cartellaFloor });
for (const c of [10, 50]) {
  const o = overhead(c);
  rows.push({ figure: cartella.off[c]!, floor: cartellaFloor, target: { text: `authorisation overhead ${(o * 100).toFixed(0)}% (≤ 15%)`, met: o <= 0.15 } });
}
for (const name of Object.keys(SUBGRAPH_QUERIES)) {
  const floor = { figure: floorSubgraph[name]!, name: `SQL ${name}` };
  rows.push({ figure: direct.on[name]!, floor });
  const o = 1 - direct.on[name]!.reqPerSec / direct.off[name]!.reqPerSec;
  rows.push({ figure: direct.off[name]!, floor, target: { text: `policies cost ${(o * 100).toFixed(0)}% here` } });
}
rows.push({ figure: listing!, floor: { figure: floorElenco, name: 'SQL elenco' } });

console.log('\nEXPLAIN findings (execution time for one person; sequential scans, custom and generic plan):');
for (const line of findings) console.log(`  ${line}`);
console.log(
  `\none cartella at a time through the gateway: p50 ${loneLatency.on.p50.toFixed(1)} ms with policies, ${loneLatency.off.p50.toFixed(1)} ms without; ` +
    `${loneLatency.on.records.toFixed(1)} access records written to accessi per cartella (gestione)`,
);
printTable(
  `cartella under load — ${n(data.persone)} persons, ${n(data.prestazioni)} benefits; PostgreSQL 15, this machine (${cpus().length} cores, load average now ${loadAvg()}); ` +
    `${config.durata} s per scenario after ${config.riscaldamento} s warm-up; load time ${seconds(data.loadSeconds)}`,
  rows,
);
console.log(
  `\nauthorisation overhead (1 − with/without policies): ${(overhead(10) * 100).toFixed(1)}% at 10 connections, ${(overhead(50) * 100).toFixed(1)}% at 50 (target ≤ 15%)`,
);
console.log(
  'CPU ms/req: CPU time per request of the platform process and of PostgreSQL. cores: cores busy during the measured seconds — ' +
    'platform process | this process (autocannon or the SQL workers) | PostgreSQL | everything else on the machine.',
);

// Where the platform's CPU goes, per cartella (10 connections).
const cpuMs = (f: Figure, of: 'platform' | 'postgres' = 'platform') => (f.cpu ? (1000 * f.cpu[of]) / f.reqPerSec : NaN);
const parts = Object.keys(SUBGRAPH_QUERIES).map((name) => [name, cpuMs(direct.on[name]!)] as const);
const sum = parts.reduce((t, [, v]) => t + v, 0);
console.log(
  `\nwhere the time goes (CPU per cartella, 10 connections): platform process ${cpuMs(a10).toFixed(1)} ms with policies, ` +
    `${cpuMs(cartella.off[10]!).toFixed(1)} ms without; the same reads sent to each subgraph directly ${sum.toFixed(1)} ms ` +
    `(${parts.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}); so the gateway, its hops and the access log ≈ ${(cpuMs(a10) - sum).toFixed(1)} ms. ` +
    `PostgreSQL ${cpuMs(a10, 'postgres').toFixed(1)} ms per cartella through the platform, ${cpuMs(floorCartella, 'postgres').toFixed(1)} ms for the floor's SQL.`,
);
