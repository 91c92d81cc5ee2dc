/**
 * Entry points: `streamDataset` yields the data set in chunks of about
 * `chunkSize` persons, so benchmarks can produce a million persons without
 * holding them; `generateDataset` collects the same chunks into one object.
 * The data do not depend on the chunk size: chunking only decides where the
 * stream is cut (always between households).
 */
import { anomalyPlan } from './anomalie';
import { createRng } from './random';
import { territory } from './enti';
import type { GenContext } from './context';
import { generateHousehold } from './household';
import { generateShowcase } from './showcase';
import { SINBA_SHARE, makeCasoSinba } from './sinba';
import type { DemoDataset } from './types';

export interface GenerateOptions {
  /** Seed of the PRNG; the same seed and size give the same data set. Default 1. */
  seed?: number;
  /** Number of persons. At least the three of the showcase household, which every data set contains. */
  persone: number;
}

export interface StreamOptions extends GenerateOptions {
  /** Persons per chunk (a chunk closes at the first household boundary at or past it). Default 10,000. */
  chunkSize?: number;
}

/** One slice of a data set: the persons of some households with everything linked to them. */
export interface DemoDatasetChunk extends Omit<DemoDataset, 'enti'> {
  /** 0 for the first chunk. */
  index: number;
  /** The enti, in the first chunk only (empty afterwards). */
  enti: DemoDataset['enti'];
}

const DEFAULT_SEED = 1;
const DEFAULT_CHUNK = 10_000;

function emptyChunk(index: number, showcase: DemoDataset['showcase']): DemoDatasetChunk {
  return { index, enti: [], persone: [], prestazioni: [], valutazioniSina: [], casiSinba: [], dsu: [], casiSip: [], anomalie: [], showcase };
}

/**
 * Yields a synthetic data set chunk by chunk. Memory stays flat apart from the
 * set of issued codici fiscali; every reference (benefit → person, DSU → its
 * benefits, SIP → members) points into the same or an earlier chunk.
 */
export function* streamDataset(options: StreamOptions): Generator<DemoDatasetChunk, void, undefined> {
  const seed = options.seed ?? DEFAULT_SEED;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  if (!Number.isInteger(options.persone) || options.persone < 0) throw new RangeError(`persone must be a non-negative integer, got ${options.persone}`);
  const ctx: GenContext = {
    rng: createRng(seed),
    territory: territory(),
    cfs: new Set(),
    protocolCounters: new Map(),
    nextDsuNumber: 10_000_000,
    sinbaIds: new Set(),
    counts: { persone: 0, omocodici: 0, temporanei: 0, sip: 0, sinba: 0 },
    recentAdults: [],
    anomalie: anomalyPlan(seed, options.persone),
  };

  const showcase = generateShowcase(ctx);
  let chunk = emptyChunk(0, showcase.showcase);
  chunk.enti = ctx.territory.enti.map((e) => ({ ...e }));
  chunk.persone.push(...showcase.persone);
  chunk.prestazioni.push(...showcase.prestazioni);
  chunk.dsu.push(...showcase.dsu);
  chunk.valutazioniSina.push(...showcase.valutazioniSina);
  chunk.casiSip.push(...showcase.casiSip);

  while (ctx.counts.persone < options.persone) {
    const h = generateHousehold(ctx, options.persone - ctx.counts.persone);
    chunk.persone.push(...h.persone);
    chunk.prestazioni.push(...h.prestazioni);
    chunk.dsu.push(...h.dsu);
    chunk.valutazioniSina.push(...h.valutazioniSina);
    chunk.casiSip.push(...h.casiSip);
    chunk.anomalie.push(...h.anomalie);
    if (ctx.counts.sinba < ctx.counts.persone * SINBA_SHARE && ctx.rng.chance(0.5)) {
      const ente = ctx.territory.residence.draw(ctx.rng);
      chunk.casiSinba.push(makeCasoSinba(ctx, ente.belfiore, ente.codiceRegione));
    }
    if (chunk.persone.length >= chunkSize) {
      yield chunk;
      chunk = emptyChunk(chunk.index + 1, showcase.showcase);
    }
  }
  if (chunk.persone.length > 0 || chunk.index === 0) yield chunk;
}

/**
 * Generates a whole data set in memory: the chunks of `streamDataset` joined.
 * Fine up to a few hundred thousand persons; beyond that, stream.
 */
export function generateDataset(options: GenerateOptions): DemoDataset {
  const result: DemoDataset = {
    enti: [],
    persone: [],
    prestazioni: [],
    valutazioniSina: [],
    casiSinba: [],
    dsu: [],
    casiSip: [],
    anomalie: [],
    showcase: { codiceFiscale: '', personaId: '', enteCodice: '', codiceRegione: '', codiceComune: '' },
  };
  for (const chunk of streamDataset({ ...options, chunkSize: 50_000 })) {
    if (chunk.index === 0) {
      result.enti = chunk.enti;
      result.showcase = chunk.showcase;
    }
    // Loop instead of push(...spread): spreading 100k+ items overflows the call stack.
    for (const p of chunk.persone) result.persone.push(p);
    for (const p of chunk.prestazioni) result.prestazioni.push(p);
    for (const v of chunk.valutazioniSina) result.valutazioniSina.push(v);
    for (const c of chunk.casiSinba) result.casiSinba.push(c);
    for (const d of chunk.dsu) result.dsu.push(d);
    for (const c of chunk.casiSip) result.casiSip.push(c);
    for (const a of chunk.anomalie) result.anomalie.push(a);
  }
  return result;
}
