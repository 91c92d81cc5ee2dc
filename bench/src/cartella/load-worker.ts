import { SUBGRAPH_MODULES } from '@casellario/embedded';
import { openPostgres, type DatabaseHandle, type SubgraphModule } from '@casellario/kit';
import { streamDataset, type DemoDataset } from '@casellario/demo-data';

/**
 * One loading process (started by load.ts): generates the whole stream — the
 * generator is deterministic, so every process sees the same data — and loads
 * each chunk into its share of the subgraphs through their `loadDemo`, those
 * subgraphs in parallel. Reports each chunk to the parent over IPC.
 */
export interface ChunkReport {
  /** Which loading process (its position in load.ts's GROUPS). */
  gruppo: number;
  index: number;
  persone: number;
  prestazioni: number;
  psa: number;
  valutazioniSina: number;
  casiSip: number;
  casiSinba: number;
  dsu: number;
  generatedMs: number;
  loadedMs: number;
}

const [url, persone, seed, chunkSize, names] = [
  process.env.BENCH_LOAD_URL!,
  Number(process.env.BENCH_LOAD_PERSONE),
  Number(process.env.BENCH_LOAD_SEED),
  Number(process.env.BENCH_LOAD_CHUNK),
  (process.env.BENCH_LOAD_MODULI ?? '').split(','),
];
if (!url || !process.send) throw new Error('load-worker.ts is started by bench/src/cartella/load.ts');
const modules = (SUBGRAPH_MODULES as Array<SubgraphModule<DemoDataset>>).filter((m) => names.includes(m.name) && m.loadDemo);
const handles = new Map<string, DatabaseHandle>(modules.map((m) => [m.name, openPostgres(url, { max: 2, applicationName: `bench-load-${m.name}` })]));
let enti: DemoDataset['enti'] = [];
let started = performance.now();
for (const chunk of streamDataset({ persone, seed, chunkSize })) {
  const generated = performance.now();
  // Only the first chunk carries the enti; anagrafe and sinba need them with every chunk.
  if (chunk.index === 0) enti = chunk.enti;
  const dataset: DemoDataset = { ...chunk, enti };
  await Promise.all(modules.map((m) => m.loadDemo!(handles.get(m.name)!, dataset)));
  const report: ChunkReport = {
    gruppo: Number(process.env.BENCH_LOAD_GRUPPO),
    index: chunk.index,
    persone: chunk.persone.length,
    prestazioni: chunk.prestazioni.length,
    psa: chunk.prestazioni.filter((p) => p.presenzaProvaMezzi === '1' || p.presenzaProvaMezzi === '3').length,
    valutazioniSina: chunk.valutazioniSina.length,
    casiSip: chunk.casiSip.length,
    casiSinba: chunk.casiSinba.length,
    dsu: chunk.dsu.length,
    generatedMs: generated - started,
    loadedMs: performance.now() - generated,
  };
  process.send(report);
  started = performance.now();
}
await Promise.all([...handles.values()].map((h) => h.close()));
process.send({ fine: true }, () => process.exit(0));
