/**
 * Small parsers for the values a flow carries as strings: `AAAA-MM-GG` dates,
 * `MM/AAAA` months (SINBA), decimals (amounts) and monthly hours. They return
 * `undefined` on anything they cannot read, so each rule decides what an
 * unreadable value means for it.
 */

/** A calendar date split into numbers. */
export interface DataCalendario {
  anno: number;
  mese: number;
  giorno: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days in `mese` (1–12) of `anno`, Gregorian leap years included. */
export function giorniNelMese(anno: number, mese: number): number {
  return new Date(Date.UTC(anno, mese, 0)).getUTCDate();
}

/**
 * Reads an `AAAA-MM-GG` date as the flow writes it, ignoring a trailing time
 * zone (`xs:date` allows `2020-10-14Z` or `2020-10-14+01:00`, and a calendar
 * day is what every rule compares). Returns undefined for an impossible date
 * such as 2021-02-30.
 */
export function leggiData(value: string | undefined): DataCalendario | undefined {
  if (value === undefined) return undefined;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const anno = Number(m[1]);
  const mese = Number(m[2]);
  const giorno = Number(m[3]);
  if (mese < 1 || mese > 12 || giorno < 1 || giorno > giorniNelMese(anno, mese)) return undefined;
  return { anno, mese, giorno };
}

/** Formats a date back to `AAAA-MM-GG`, the order in which dates compare as strings. */
export function formatData(d: DataCalendario): string {
  return `${String(d.anno).padStart(4, '0')}-${String(d.mese).padStart(2, '0')}-${String(d.giorno).padStart(2, '0')}`;
}

/** Compares two dates: negative when `a` comes first, 0 when equal. */
export function confrontaDate(a: DataCalendario, b: DataCalendario): number {
  return a.anno - b.anno || a.mese - b.mese || a.giorno - b.giorno;
}

/** The day after `d`. */
export function giornoDopo(d: DataCalendario): DataCalendario {
  if (d.giorno < giorniNelMese(d.anno, d.mese)) return { ...d, giorno: d.giorno + 1 };
  if (d.mese < 12) return { anno: d.anno, mese: d.mese + 1, giorno: 1 };
  return { anno: d.anno + 1, mese: 1, giorno: 1 };
}

/**
 * How many months a benefit running from `inizio` to `fine` (both included)
 * covers: `min` whole months and `max` months counting a started one. A span
 * of exact months (14 October to 13 November) gives min = max = 1.
 */
export function mesiCoperti(inizio: DataCalendario, fine: DataCalendario): { min: number; max: number } {
  const dopo = giornoDopo(fine);
  let mesi = (dopo.anno - inizio.anno) * 12 + (dopo.mese - inizio.mese);
  if (dopo.giorno < inizio.giorno) mesi -= 1;
  const esatto = dopo.giorno === inizio.giorno;
  return { min: mesi, max: esatto ? mesi : mesi + 1 };
}

/** A month of the SINBA `DataMeseAnnoType` (`MM/AAAA`). */
export interface MeseAnno {
  anno: number;
  mese: number;
}

/**
 * Reads an `MM/AAAA` value (SINBA `DataMeseAnnoType`). Returns undefined when
 * the shape is wrong or the month is not 01–12.
 */
export function leggiMeseAnno(value: string | undefined): MeseAnno | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!m) return undefined;
  const mese = Number(m[1]);
  const anno = Number(m[2]);
  if (mese < 1 || mese > 12) return undefined;
  return { anno, mese };
}

/** Compares two months: negative when `a` comes first. */
export function confrontaMesi(a: MeseAnno, b: MeseAnno): number {
  return a.anno - b.anno || a.mese - b.mese;
}

/** Millionths of a unit: amounts are summed exactly, never as binary floats. */
const SCALA = 1_000_000n;

/**
 * Reads an `xs:decimal` (`101.23`, `-0.5`, `+7`, `.5`) as an exact number of
 * millionths. Digits beyond the sixth decimal are rounded half up: no amount
 * in euro or hours needs them, and the sums are compared to the cent.
 */
export function leggiDecimale(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) return undefined;
  const intero = m[2] ?? '';
  const frazione = m[3] ?? '';
  if (intero === '' && frazione === '') return undefined;
  const primi6 = (frazione + '000000').slice(0, 6);
  let unita = BigInt(intero === '' ? '0' : intero) * SCALA + BigInt(primi6);
  if ((frazione.charAt(6) || '0') >= '5') unita += 1n;
  return m[1] === '-' ? -unita : unita;
}

/** Rounds millionths to cents, half away from zero. */
export function inCentesimi(milionesimi: bigint): bigint {
  const passo = SCALA / 100n;
  const negativo = milionesimi < 0n;
  const assoluto = negativo ? -milionesimi : milionesimi;
  const centesimi = (assoluto + passo / 2n) / passo;
  return negativo ? -centesimi : centesimi;
}

/** Formats cents as the flows write amounts: `74.25`, `-0.50`. */
export function formatCentesimi(centesimi: bigint): string {
  const negativo = centesimi < 0n;
  const assoluto = negativo ? -centesimi : centesimi;
  const euro = assoluto / 100n;
  const resto = String(assoluto % 100n).padStart(2, '0');
  return `${negativo ? '-' : ''}${euro}.${resto}`;
}

/** Hours in the longest month: a monthly service cannot exceed them. */
export const ORE_MASSIME_MESE = 31 * 24;

/**
 * Reads `OreServizioMensile`, written `HH,MM` in the specification and `HH.MM`
 * once it has passed the XSD (`xs:decimal` has no comma): the digits after the
 * separator are minutes, so `2.59` is 2 h 59 min and `2.5` is 2 h 50 min (the
 * decimal 2.50). Returns the total minutes, or a reason in Italian when the
 * value is not a monthly duration.
 */
export function leggiOreMensili(value: string): { minuti: number } | { errore: string } {
  const m = /^\+?(\d*)(?:[.,](\d*))?$/.exec(value.trim());
  if (!m || ((m[1] ?? '') === '' && (m[2] ?? '') === '')) {
    return { errore: 'non è un numero di ore e minuti nella forma HH,MM' };
  }
  const ore = Number(m[1] === '' ? '0' : m[1]);
  const dopo = m[2] ?? '';
  // Trailing zeros after the second digit do not change an xs:decimal (2.590 = 2.59).
  if (/[1-9]/.test(dopo.slice(2))) {
    return { errore: `ha ${dopo.length} cifre dopo il separatore, ma i minuti sono al massimo due cifre (HH,MM)` };
  }
  const minuti = Number((dopo + '00').slice(0, 2));
  if (minuti >= 60) {
    return { errore: `indica ${minuti} minuti, ma i minuti vanno da 00 a 59 (HH,MM: ore, virgola o punto, minuti)` };
  }
  const totale = ore * 60 + minuti;
  if (totale > ORE_MASSIME_MESE * 60) {
    return { errore: `supera le ${ORE_MASSIME_MESE} ore che un mese può contenere` };
  }
  return { minuti: totale };
}

/**
 * Normalises a benefit name for comparison with the nomenclatore: accents,
 * case, typographic apostrophes and repeated spaces do not make two names
 * different, because an operator cannot see those differences on screen.
 */
export function normalizzaDenominazione(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
