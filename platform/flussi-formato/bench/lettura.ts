/**
 * Benchmark of the XML layer on a 100,000-benefit PS_PSA_SINA flow (about
 * 56 MB): document checks + XSD validation + parsing, whole and by stage, and
 * the alternatives measured when choosing the parser and the validator.
 *
 *   cd /work/main && npx tsx platform/flussi-formato/bench/lettura.ts [benefits] [runs]
 *
 * Prints figures only; never part of CI (CONVENTIONS.md, habit 13). The flow is
 * written once to the OS temp folder and reused.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { controllaDocumento } from '../src/controlli-documento';
import { dividiFlusso } from '../src/divisione';
import { leggiFlusso } from '../src/leggi-flusso';
import { leggiRecords } from '../src/parser';
import { PoolValidazione } from '../src/pool-validazione';
import { testoSchema } from '../src/schemi';
import { scriviFlussoDemoSuFile } from '../src/scrittura';
import { validaXsd } from '../src/validazione-xsd';

const PRESTAZIONI = Number(process.argv[2] ?? 100_000);
const GIRI = Number(process.argv[3] ?? 5);
const file = join(tmpdir(), `casellario-bench-ps-${PRESTAZIONI}.xml`);

if (!existsSync(file)) {
  const t = performance.now();
  await scriviFlussoDemoSuFile(file, { prestazioni: PRESTAZIONI, data: '2025-03-10', seed: 1 });
  console.log(`wrote ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const bytes = readFileSync(file);
const testo = bytes.toString('utf8');
const mb = bytes.length / 1e6;
console.log(`flow: ${PRESTAZIONI.toLocaleString('en')} benefits, ${mb.toFixed(1)} MB, ${testo.split('\n').length.toLocaleString('en')} lines`);

interface Misura {
  wall: number[];
  cpu: number[];
}

async function misura(nome: string, giri: number, f: () => unknown): Promise<void> {
  const m: Misura = { wall: [], cpu: [] };
  for (let i = 0; i < giri; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    m.wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    m.cpu.push((c.user + c.system) / 1000);
  }
  const ordina = (a: number[]) => [...a].sort((x, y) => x - y);
  const w = ordina(m.wall);
  const best = w[0] ?? 0;
  const median = w[Math.floor(w.length / 2)] ?? 0;
  const cpu = ordina(m.cpu)[Math.floor(m.cpu.length / 2)] ?? 0;
  console.log(
    `${nome.padEnd(58)} best ${best.toFixed(0).padStart(6)} ms  median ${median.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms  ${(mb / (best / 1000)).toFixed(0).padStart(4)} MB/s  ${Math.round(PRESTAZIONI / (best / 1000)).toLocaleString('en').padStart(8)} rec/s`,
  );
}

const pool = new PoolValidazione();
const avvio = performance.now();
await pool.avvia();
console.log(`validation pool: ${pool.dimensione} workers, started in ${(performance.now() - avvio).toFixed(0)} ms (once per process)\n`);
const grande = { dimensioneMassima: Number.POSITIVE_INFINITY, pool };

console.log('end to end (checks + XSD + parse):');
await misura('leggiFlusso, text input (the GraphQL path)', GIRI, async () => {
  const r = await leggiFlusso(testo, 'PS_PSA_SINA', grande);
  if (!r.ok || r.numeroRecord !== PRESTAZIONI) throw new Error('unexpected result');
});
await misura('leggiFlusso, bytes input (file or upload)', GIRI, async () => {
  const r = await leggiFlusso(bytes, 'PS_PSA_SINA', grande);
  if (!r.ok) throw new Error('unexpected result');
});
const parti: string[] = [];
for await (const parte of dividiFlusso(file, { massimoRecord: 10_000 })) parti.push(parte.contenuto);
await misura(`leggiFlusso on ${parti.length} parts of 10,000 benefits, one after another`, Math.min(GIRI, 3), async () => {
  for (const parte of parti) {
    const r = await leggiFlusso(parte, 'PS_PSA_SINA', { pool });
    if (!r.ok) throw new Error('unexpected result');
  }
});
await misura(`leggiFlusso on ${parti.length} parts of 10,000 benefits, two at a time`, Math.min(GIRI, 3), async () => {
  for (let i = 0; i < parti.length; i += 2) {
    await Promise.all(parti.slice(i, i + 2).map((p) => leggiFlusso(p, 'PS_PSA_SINA', { pool })));
  }
});
const errato = testo.replace(/PresaCarico="(\d)"/g, (m, _c, offset: number) => (offset % 10 === 0 ? 'PresaCarico="9"' : m));
await misura('leggiFlusso, text, ~10% of benefits with an XSD error', Math.min(GIRI, 3), async () => {
  const r = await leggiFlusso(errato, 'PS_PSA_SINA', grande);
  if (!r.ok) throw new Error('unexpected result');
});

console.log('\nstages:');
await misura('splitter: file into parts of 10,000 benefits (streamed)', Math.min(GIRI, 3), async () => {
  for await (const _ of dividiFlusso(file, { massimoRecord: 10_000 }));
});
await misura('document checks, text', GIRI, () => controllaDocumento(testo, 'PS_PSA_SINA', grande));
await misura('document checks, bytes (includes UTF-8 decoding)', GIRI, () => controllaDocumento(bytes, 'PS_PSA_SINA', grande));
await misura('parse: fast tokenizer (default)', GIRI, () => leggiRecords(testo, 'PS_PSA_SINA'));
await misura('parse: saxes (reference, fallback)', Math.min(GIRI, 3), () => leggiRecords(testo, 'PS_PSA_SINA', { motore: 'saxes' }));
await misura('XSD: workers, 1 MiB parts', GIRI, () => validaXsd(testo, 'PS_PSA_SINA', { pool }));
await misura('XSD: this thread, whole document', Math.min(GIRI, 3), () => validaXsd(testo, 'PS_PSA_SINA', { sogliaParallelo: Number.POSITIVE_INFINITY }));

console.log('\nalternatives:');
await misura('fast-xml-parser 5 (whole document to objects, no positions)', 1, () =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false }).parse(testo),
);
await misura('xmllint-wasm 5.3 (xmllint in a fresh worker per call, whole document)', 1, async () => {
  const r = await validateXML({ xml: [{ fileName: 'flusso.xml', contents: testo }], schema: [testoSchema('PS_PSA_SINA')], maxMemoryPages: 2 * memoryPages.GiB });
  if (!r.valid) throw new Error('unexpected result');
});
await misura('xmllint-wasm 5.3 --stream (xmlTextReader)', 1, async () => {
  const r = await validateXML({ xml: [{ fileName: 'flusso.xml', contents: testo }], schema: [testoSchema('PS_PSA_SINA')], maxMemoryPages: 2 * memoryPages.GiB, stream: true });
  if (!r.valid) throw new Error('unexpected result');
});
const mem = process.memoryUsage();
console.log(`\nmemory now: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB`);
await pool.chiudi();
