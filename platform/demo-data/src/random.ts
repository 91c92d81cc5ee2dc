/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) and the sampling
 * helpers the generator needs. Our own rather than a package because the whole
 * data set must be reproducible bit for bit from a seed, across Node versions
 * and package updates, and sfc32 is a dozen lines with a 128-bit state (period
 * far beyond the ~10^8 draws of a million-person run).
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform integer in [min, max], both inclusive. */
  range(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Raw 32-bit unsigned output. */
  u32(): number;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator. The same seed yields the same sequence on every
 * platform, which is what makes a data set reproducible from its seed alone.
 */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const u32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 mixes its state slowly at start.
  for (let i = 0; i < 12; i++) u32();
  const next = (): number => u32() / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    u32,
    range: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[int(items.length)] as T;
    },
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (HEX[n >>> 24] as string) + HEX[(n >>> 16) & 0xff] + HEX[(n >>> 8) & 0xff] + HEX[n & 0xff];
}

function hex16(n: number): string {
  return (HEX[(n >>> 8) & 0xff] as string) + HEX[n & 0xff];
}

/**
 * Draws a format-valid version 4 UUID from the generator (version nibble 4,
 * RFC 4122 variant), so ids are reproducible from the seed.
 */
export function uuidFrom(rng: Rng): string {
  const w0 = rng.u32();
  const w1 = rng.u32();
  const w2 = rng.u32();
  const w3 = rng.u32();
  const timeHi = (w1 & 0x0fff) | 0x4000;
  const clockSeq = ((w2 >>> 16) & 0x3fff) | 0x8000;
  return `${hex32(w0)}-${hex16(w1 >>> 16)}-${hex16(timeHi)}-${hex16(clockSeq)}-${hex16(w2 & 0xffff)}${hex32(w3)}`;
}

/**
 * Precomputed cumulative weights for repeated weighted draws (binary search),
 * because residences and birthplaces are drawn millions of times.
 */
export class WeightedTable<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry');
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  draw(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

/** Draws from a small list of weighted options without building a table. */
export function weighted<T>(rng: Rng, options: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of options) total += w;
  let target = rng.next() * total;
  for (const [item, w] of options) {
    target -= w;
    if (target < 0) return item;
  }
  const last = options[options.length - 1];
  if (!last) throw new RangeError('weighted draw from no options');
  return last[0];
}

/** Index drawn with the given relative weights, without allocating: for draws in the hot path. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let target = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i;
  }
  return weights.length - 1;
}
