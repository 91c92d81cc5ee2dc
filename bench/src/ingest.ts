import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dividiFlusso, leggiFlusso, scriviFlussoDemoSuFile, type BeneficiarioFlusso, type ParteFlusso } from '@casellario/flussi-formato';
import { createTestDatabase, ROLE_TOKENS } from '@casellario/kit/testing';
import { cpuSince, sampleCpu, setBenchDatabase, type CpuUse } from './cpu';
import { copyBaseline, databaseName } from './ingest/copy-baseline';
import { sendAndWait, type EndToEnd } from './ingest/send';
import { oneProcess, processPerService, type Topology } from './ingest/topologies';

/**
 * Ingest throughput: N benefit records end to end — XML parse, XSD and rule
 * validation, durable receipt, pseudonymisation in anagrafe, storage in the
 * components — through the gateway as the command-line importer sends them
 * (parts of 10,000 records), until the last record is delivered. Measured on
 * the platform as one process (`npm start`) and as one process per service
 * (`npm run start:server`, as deployed), each on a fresh database, beside a raw
 * COPY of the same rows into the same tables, in the same run. CPU is counted
 * from /proc: the platform's processes, PostgreSQL's backends, this client.
 *
 *   npx pnpm --filter @casellario/bench ingest [-- --record 100000] [--topologia uno|servizi]
 *   (BENCH_PROFILO=<dir> writes a CPU profile of the one-process platform over the run)
 */
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const N = Number(option('--record')) || 100_000;
const PART = 10_000;
const file = join(tmpdir(), `casellario-bench-ingest-${N}.xml`);
if (!existsSync(file)) await scriviFlussoDemoSuFile(file, { prestazioni: N, data: '2025-03-10', seed: 3 });
const parts: ParteFlusso[] = [];
for await (const p of dividiFlusso(file, { massimoRecord: PART })) parts.push(p);
const token = await ROLE_TOKENS.gestione('H501');

const TOPOLOGIES: Array<{ key: string; label: string; start: (url: string) => Promise<Topology> }> = [
  { key: 'uno', label: 'one process (npm start)', start: oneProcess },
  { key: 'servizi', label: 'a process per service (start:server)', start: processPerService },
];
const results: Array<{ label: string; run: EndToEnd; cpu: CpuUse }> = [];
for (const t of TOPOLOGIES.filter((t) => !option('--topologia') || option('--topologia') === t.key)) {
  const db = await createTestDatabase('postgres');
  const platform = await t.start(db.url!);
  try {
    setBenchDatabase(databaseName(db.url!));
    const cpu = sampleCpu(platform.pid);
    const send = () => sendAndWait(platform.gateway, token, parts);
    const run = platform.profile ? await platform.profile(`ingest-${t.key}`, send) : await send();
    results.push({ label: t.label, run, cpu: cpuSince(cpu, platform.pid) });
    console.error(`${t.label}: end to end ${run.delivered.toFixed(1)} s`);
  } finally {
    await platform.stop();
    await db.drop();
  }
}

// The first stage alone, with nothing stored: reading and schema validation of the same file.
const testo = readFileSync(file);
const cpuOfReading = sampleCpu();
const letto = await leggiFlusso(testo, 'PS_PSA_SINA', { dimensioneMassima: 2 ** 31 });
const reading = cpuSince(cpuOfReading);
if (!letto.ok) throw new Error('benchmark flow unreadable');
const copy = await copyBaseline(letto.records as BeneficiarioFlusso[]);

const rate = (seconds: number) => Math.round(N / seconds);
const f = (n: number) => n.toLocaleString('en');
const coreSeconds = (cores: number, wall: number) => (cores * wall).toFixed(1);
console.log(`\ningest of ${f(N)} benefit records (${parts.length} parts of ${f(PART)}), PostgreSQL 15, this machine`);
for (const { label, run, cpu } of results) {
  console.log(`\n  ${label}`);
  console.log(`    acknowledged (parsed, validated, stored durably)  ${run.acknowledged.toFixed(1)} s  ${f(rate(run.acknowledged))} records/s`);
  console.log(`    end to end (delivered into every component)       ${run.delivered.toFixed(1)} s  ${f(rate(run.delivered))} records/s`);
  console.log(`    ratio end to end / COPY: ${(rate(run.delivered) / rate(copy.wall)).toFixed(2)}×`);
  console.log(
    `    CPU, core-seconds: platform ${coreSeconds(cpu.platform, cpu.wall)}, PostgreSQL ${coreSeconds(cpu.postgres, cpu.wall)}, client ${coreSeconds(cpu.bench, cpu.wall)}, other ${coreSeconds(cpu.other, cpu.wall)}`,
  );
}
console.log(`\n  raw COPY of the same rows into the same tables      ${copy.wall.toFixed(1)} s  ${f(rate(copy.wall))} records/s   (PostgreSQL ${coreSeconds(copy.postgres, copy.wall)} core-s)`);
console.log(`  reading and XSD validation alone, nothing stored     ${reading.wall.toFixed(1)} s   (${coreSeconds(reading.bench, reading.wall)} core-s)`);
console.log(`  targets: ≥ 20,000 records/s end to end and ≥ 0.25× the COPY`);
