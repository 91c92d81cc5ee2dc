/**
 * Calendar arithmetic on ISO dates (`AAAA-MM-GG`), in UTC so that no time zone
 * or daylight-saving change can move a day, and Italian working days.
 *
 * "Giorni lavorativi" (REI deadlines, d.lgs. 147/2017) are counted here as Monday
 * to Friday minus the national holidays of L. 260/1949 art. 2 and L. 132/1958 as
 * amended: the public administration works a five-day week. The patron saint of
 * each comune is not counted (it differs by comune and the flows do not carry it):
 * our choice, written down in docs/sip.md.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDay(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new RangeError(`data non valida: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

function fromDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The date `giorni` calendar days after (or before, when negative) `iso`. */
export function aggiungiGiorni(iso: string, giorni: number): string {
  return fromDay(toDay(iso) + giorni);
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function pasqua(anno: number): string {
  const a = anno % 19;
  const b = Math.floor(anno / 100);
  const c = anno % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const mese = Math.floor((h + l - 7 * m + 114) / 31);
  const giorno = ((h + l - 7 * m + 114) % 31) + 1;
  return `${anno}-${String(mese).padStart(2, '0')}-${String(giorno).padStart(2, '0')}`;
}

const FESTE_FISSE = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];
const festeCache = new Map<number, ReadonlySet<string>>();

/**
 * National holidays of a year: the fixed ones, Easter Monday and, from 2026, the
 * 4th of October (San Francesco d'Assisi, restored as a national holiday by the
 * law of October 2025 amending L. 260/1949 art. 2).
 */
export function festivitaNazionali(anno: number): ReadonlySet<string> {
  const cached = festeCache.get(anno);
  if (cached) return cached;
  const feste = new Set(FESTE_FISSE.map((md) => `${anno}-${md}`));
  feste.add(aggiungiGiorni(pasqua(anno), 1));
  if (anno >= 2026) feste.add(`${anno}-10-04`);
  festeCache.set(anno, feste);
  return feste;
}

/** Whether a date is a working day: Monday to Friday and not a national holiday. */
export function isGiornoLavorativo(iso: string): boolean {
  const weekday = new Date(toDay(iso) * MS_PER_DAY).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !festivitaNazionali(Number(iso.slice(0, 4))).has(iso);
}

/**
 * The `giorni`-th working day after `iso`: the starting day itself is not counted
 * (as for procedural terms, *dies a quo non computatur*), so "within 25 working
 * days of the application" ends on the date this returns for (domanda, 25).
 */
export function aggiungiGiorniLavorativi(iso: string, giorni: number): string {
  if (!Number.isInteger(giorni) || giorni < 0) throw new RangeError('giorni lavorativi: intero non negativo');
  let day = toDay(iso);
  let contati = 0;
  while (contati < giorni) {
    day += 1;
    if (isGiornoLavorativo(fromDay(day))) contati += 1;
  }
  return fromDay(day);
}

/** Today's date in Italy (Europe/Rome), which is the date deadlines are judged against. */
export function oggiInItalia(now: Date = new Date()): string {
  // sv-SE formats as AAAA-MM-GG.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
