/**
 * Dates as day numbers (days since 1970-01-01, UTC) with cached ISO strings:
 * a million-person run formats tens of millions of dates, and Date objects
 * would dominate the time.
 */

const MS_PER_DAY = 86_400_000;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2030;
const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / MS_PER_DAY;
const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / MS_PER_DAY;

let isoCache: string[] | undefined;

function cache(): string[] {
  if (!isoCache) {
    isoCache = [];
    for (let d = FIRST_DAY; d <= LAST_DAY; d++) isoCache.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
  }
  return isoCache;
}

/** Day number of a calendar date (month 1–12). */
export function dayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Day number of an ISO date `YYYY-MM-DD`. */
export function dayOfIso(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}

/** ISO `YYYY-MM-DD` of a day number between 1900 and 2030. */
export function iso(day: number): string {
  const s = cache()[day - FIRST_DAY];
  if (s === undefined) throw new RangeError(`day ${day} outside ${FIRST_YEAR}–${LAST_YEAR}`);
  return s;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return Number(iso(day).slice(0, 4));
}

/** `MM/AAAA`, the SINBA DataMeseAnnoType. */
export function meseAnno(day: number): string {
  const s = iso(day);
  return `${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** First and last day numbers of a year. */
export function yearBounds(year: number): [number, number] {
  return [dayOf(year, 1, 1), dayOf(year, 12, 31)];
}

/** Month (1–12) and day of month of a day number. */
export function monthDay(day: number): [number, number] {
  const s = iso(day);
  return [Number(s.slice(5, 7)), Number(s.slice(8, 10))];
}
