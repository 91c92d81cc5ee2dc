import { ROLE_TOKENS } from '@casellario/kit/testing';
import postgres from 'postgres';
import { n, seconds } from '../cartella/config';
import { percentile } from '../cartella/figure';
import { startPlatformProcess } from '../cartella/platform';
import { ensureBenefits } from './load';

/**
 * `npx pnpm --filter @casellario/bench aggregati` (issue 5): a regional and a national
 * dashboard on BENCH_PRESTAZIONI benefit records (default 10,000,000) in PS, read
 * through the gateway from the cube of aggregates, printed beside the same tables
 * computed by the plain full-scan SQL on the same data in the same run.
 *
 *   BENCH_AGGREGATI_DB   PostgreSQL URL (default …/casellario_aggregati_bench, created if absent)
 *   BENCH_PRESTAZIONI    benefit records to generate (default 10,000,000)
 *   BENCH_RICHIESTE      dashboard requests measured per scenario (default 200)
 *   BENCH_SCANSIONI      full-scan repetitions per scenario (default 5)
 */
const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  const v = raw ? Number(raw.replaceAll('_', '')) : fallback;
  if (!Number.isInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return v;
};
const url = process.env.BENCH_AGGREGATI_DB ?? 'postgres://postgres@127.0.0.1:5432/casellario_aggregati_bench';
const righe = int('BENCH_PRESTAZIONI', 10_000_000);
const richieste = int('BENCH_RICHIESTE', 200);
const scansioni = int('BENCH_SCANSIONI', 5);
const ANNO = 2025;

// ---- the database ----
const name = decodeURIComponent(new URL(url).pathname.slice(1));
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name must be a plain identifier, got "${name}"`);
const adminUrl = new URL(url);
adminUrl.pathname = '/postgres';
const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
if ((await admin`select 1 from pg_database where datname = ${name}`).length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
await admin.end();

// The platform migrates the database as it starts: once to create the tables, stopped for the
// load, then again with its refresher looking for a stale cube every second. Its first refresh
// starts with the platform, so the time to a current cube is measured from that start.
const senzaPolitiche = process.env.BENCH_SENZA_POLITICHE === '1';
process.env.AGGREGATI_INTERVALLO_S = '0';
await (await startPlatformProcess(url, { senzaPolitiche })).stop();
const sql = postgres(url, { max: 1, onnotice: () => {} });
console.log(`\nAggregates benchmark: ${n(righe)} benefit records in PS, database ${name}`);
const load = await ensureBenefits(url, righe, (line) => console.log(line));
console.log(load.riusato ? `  records already loaded (${n(load.righe)}, ${n(load.persone)} persons): load skipped` : `  loaded in ${seconds(load.secondi)}`);
const [celleCubo] = await sql<{ n: number }[]>`select count(*)::int as n from prestazioni_sociali.aggregato`;
if (!load.riusato || celleCubo!.n === 0 || process.env.BENCH_RICALCOLA === '1') await sql`update prestazioni_sociali.aggregato_stato set versione = versione + 1`;
const [{ stale } = { stale: false }] = await sql<{ stale: boolean }[]>`select versione > versione_cubo or aggiornato_al is null as stale from prestazioni_sociali.aggregato_stato`;
process.env.AGGREGATI_INTERVALLO_S = '1';
const started = new Date();
const platform = await startPlatformProcess(url, { senzaPolitiche });
try {
  // ---- the cube, computed by the platform's own background refresher ----
  let cubeSeconds: number | null = null;
  if (stale) {
    process.stdout.write('  computing the cube (the platform refresher)…');
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const [s] = await sql<{ aggiornato_al: Date | null; modificato: boolean }[]>`select aggiornato_al, versione > versione_cubo as modificato from prestazioni_sociali.aggregato_stato`;
      if (s?.aggiornato_al && s.aggiornato_al > started && !s.modificato) break;
    }
    cubeSeconds = (Date.now() - started.getTime()) / 1000;
    console.log(` ${seconds(cubeSeconds)}`);
  }
  const [cube] = await sql<{ n: number; mb: number }[]>`
    select count(*)::int as n, (pg_total_relation_size('prestazioni_sociali.aggregato') / 1048576)::int as mb from prestazioni_sociali.aggregato`;
  const [dati] = await sql<{ mb: number }[]>`select (pg_total_relation_size('prestazioni_sociali.prestazione') / 1048576)::int as mb`;

  // ---- scenarios ----
  const CELLA = 'chiave persone prestazioni importo soppressa';
  const tabella = (alias: string, per: string) =>
    `${alias}: aggregatiPrestazioniSociali(filtro: { anno: $anno }, per: [${per}]) { aggiornataAl celle { ${CELLA} } totale { ${CELLA} } }`;
  const scenarios = [
    {
      nome: 'regional dashboard (programmazione, Lombardia 03)',
      token: await ROLE_TOKENS.programmazione('03'),
      query: `query($anno: Int) { ${tabella('area', 'AREA_UTENZA')} ${tabella('codice', 'CODICE_PRESTAZIONE')} ${tabella('comune', 'COMUNE')} ${tabella('mese', 'MESE')} }`,
      territorio: sql`codice_regione_residenza = '03'`,
      gruppi: ['area_utenza', 'codice_prestazione', 'codice_comune_residenza', 'extract(month from data_riferimento)'],
    },
    {
      nome: 'national dashboard (monitoraggio)',
      token: await ROLE_TOKENS.monitoraggio(),
      query: `query($anno: Int) { ${tabella('area', 'AREA_UTENZA')} ${tabella('codice', 'CODICE_PRESTAZIONE')} ${tabella('regione', 'REGIONE')} ${tabella('mese', 'MESE')} }`,
      territorio: sql`true`,
      gruppi: ['area_utenza', 'codice_prestazione', 'codice_regione_residenza', 'extract(month from data_riferimento)'],
    },
  ];

  const rows: string[][] = [];
  for (const s of scenarios) {
    // Through the gateway, one dashboard at a time (what one user opening it waits for).
    const body = JSON.stringify({ query: s.query, variables: { anno: ANNO } });
    const latencies: number[] = [];
    let celle = 0;
    for (let i = 0; i < richieste + 10; i++) {
      const t0 = performance.now();
      const res = await fetch(platform.gateway, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` }, body });
      const json = (await res.json()) as { data?: Record<string, { celle: unknown[] }>; errors?: unknown[] };
      const ms = performance.now() - t0;
      if (json.errors || !json.data) throw new Error(`${s.nome}: ${JSON.stringify(json.errors)}`);
      if (i >= 10) latencies.push(ms); // the first ten warm the caches
      celle = Object.values(json.data).reduce((sum, t) => sum + t.celle.length, 0);
    }
    latencies.sort((a, b) => a - b);

    // The same four tables by the plain SQL on the benefit table: a full scan per table.
    const scans: number[] = [];
    for (let i = 0; i < scansioni; i++) {
      const t0 = performance.now();
      for (const g of s.gruppi) {
        await sql`
          select ${sql.unsafe(g)} as chiave, count(distinct persona_id) as persone, count(*) as prestazioni,
                 sum(coalesce(importo_prestazione, importo_mensile * coalesce(periodo_erogazione, extract(month from coalesce(data_fine, make_date(extract(year from data_inizio)::int, 12, 31)))::int - extract(month from data_inizio)::int + 1), 0)) as importo
            from prestazioni_sociali.prestazione
           where not annullata and ${s.territorio} and data_riferimento >= ${`${ANNO}-01-01`} and data_riferimento < ${`${ANNO + 1}-01-01`}
           group by 1`;
      }
      scans.push(performance.now() - t0);
    }
    scans.sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    rows.push(
      [s.nome + ' — gateway, cube', n(latencies.length), percentile(latencies, 50).toFixed(1), p95.toFixed(1), percentile(latencies, 99).toFixed(1), `${n(celle)} cells`, `p95 ≤ 100 ms: ${p95 <= 100 ? 'MET' : 'MISSED'}`],
      [s.nome + ' — plain SQL, full scan', n(scans.length), percentile(scans, 50).toFixed(0), percentile(scans, 95).toFixed(0), percentile(scans, 99).toFixed(0), '', `cube is ${(percentile(scans, 95) / p95).toFixed(0)}× faster at p95`],
    );
  }

  const header = ['scenario', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'size', 'target / ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
  console.log(
    `\n${n(righe)} records (${n(dati!.mb)} MB with indexes) → cube of ${n(cube!.n)} cells (${n(cube!.mb)} MB)` +
      (cubeSeconds !== null ? `, computed in ${seconds(cubeSeconds)} by the background refresher` : ', computed in an earlier run (BENCH_RICALCOLA=1 to time it)') +
      `; year ${ANNO}; k = 5.`,
  );
} finally {
  await sql.end();
  await platform.stop();
}
