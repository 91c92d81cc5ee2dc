import { validaPer, type FiltroAggregati } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';

/**
 * The shape of an aggregates request and the grouping sets that answer it
 * (docs/aggregati.md). Persons are distinct persons, which do not add up across
 * cells, so every table and each of its margins must come from a grouping set of
 * its own, computed exactly: the cube stores every set any valid request can need,
 * and `CUBE_SETS` is derived from the same rules that validate a request.
 */

/** The dimensions in canonical order: the order of `grouping()` and of the cube's columns. */
export const DIMENSIONI = ['ANNO', 'MESE', 'REGIONE', 'COMUNE', 'CODICE_PRESTAZIONE', 'AREA_UTENZA', 'FASCIA_ETA', 'GENERE'] as const;
export type Dimensione = (typeof DIMENSIONI)[number];

export interface RichiestaAggregati {
  filtro: FiltroAggregati;
  /** 0–2 dimensions, in the order the caller wants them. */
  per: Dimensione[];
}

/** A grouping set as the mask `grouping(anno, mese, …, genere)` returns: bit set = summed out. */
export type Insieme = number;

const bit = (d: Dimensione) => 1 << (DIMENSIONI.length - 1 - DIMENSIONI.indexOf(d));
const ALL = (1 << DIMENSIONI.length) - 1;

/** The grouping mask of a set of dimensions, closed under "a comune lies in a region, a month in a year". */
export function insiemeDi(dims: Iterable<Dimensione>): Insieme {
  const set = new Set(dims);
  if (set.has('COMUNE')) set.add('REGIONE');
  if (set.has('MESE')) set.add('ANNO');
  let grouped = 0;
  for (const d of set) grouped |= bit(d);
  return ALL & ~grouped;
}

/** The dimensions a mask groups by, canonical order. */
export function dimensioniDi(insieme: Insieme): Dimensione[] {
  return DIMENSIONI.filter((d) => (insieme & bit(d)) === 0);
}

function filtroDims(f: FiltroAggregati): Dimensione[] {
  return [...(f.anno !== null ? (['ANNO'] as const) : []), ...(f.codiceRegione !== null ? (['REGIONE'] as const) : []), ...(f.codiceComune !== null ? (['COMUNE'] as const) : [])];
}

/** Refuses, in words an operator understands, a request no grouping set answers. */
export function validaRichiesta(r: RichiestaAggregati): void {
  const { filtro: f, per } = r;
  validaPer(per);
  if (per.includes('ANNO') && per.includes('MESE')) throw badUserInput('ANNO e MESE insieme: usa MESE con filtro.anno.');
  if (per.includes('MESE') && f.anno === null) throw badUserInput('MESE richiede filtro.anno.');
  if (f.anno === null && !per.includes('ANNO')) throw badUserInput('Indica filtro.anno, oppure raggruppa per ANNO.');
  if (f.anno !== null && per.includes('ANNO')) throw badUserInput('ANNO è già fissato da filtro.anno.');
  if (f.codiceComune !== null && (per.includes('COMUNE') || per.includes('REGIONE'))) throw badUserInput('Con filtro.codiceComune non si raggruppa per territorio.');
  // A comune is small: its tables have one dimension. Two-way tables of every comune would make
  // the cube as large as the benefits themselves, and their cells mostly withheld anyway.
  if ((f.codiceComune !== null || per.includes('COMUNE')) && per.length > 1) throw badUserInput('Per comune si chiede una dimensione alla volta.');
  if (f.codiceRegione !== null && per.includes('REGIONE')) throw badUserInput('REGIONE è già fissata da filtro.codiceRegione.');
}

/** The grouping sets of a table: its cells, the margins of a 2-D table, the total. */
export function insiemiDi(r: RichiestaAggregati): { celle: Insieme; margini: Insieme[]; totale: Insieme } {
  const base = filtroDims(r.filtro);
  return {
    celle: insiemeDi([...base, ...r.per]),
    margini: r.per.length === 2 ? r.per.map((p) => insiemeDi([...base, ...r.per.filter((q) => q !== p)])) : [],
    totale: insiemeDi(base),
  };
}

function* subsets<T>(items: readonly T[], max: number): Generator<T[]> {
  if (max === 0 || items.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = items;
  for (const s of subsets(rest, max)) yield s;
  for (const s of subsets(rest, max - 1)) yield [first!, ...s];
}

/** Every grouping set a valid request can read: what the cube computes. */
export const CUBE_SETS: readonly Insieme[] = (() => {
  const sets = new Set<Insieme>();
  for (const anno of [2024, null])
    for (const [codiceRegione, codiceComune] of [
      [null, null],
      ['12', null],
      [null, '058091'],
      ['12', '058091'],
    ] as const)
      for (const per of subsets(DIMENSIONI, 2)) {
        const r = { filtro: { anno, codiceRegione, codiceComune }, per };
        try {
          validaRichiesta(r);
        } catch {
          continue;
        }
        const { celle, margini, totale } = insiemiDi(r);
        for (const s of [celle, ...margini, totale]) sets.add(s);
      }
  return [...sets].sort((a, b) => a - b);
})();
