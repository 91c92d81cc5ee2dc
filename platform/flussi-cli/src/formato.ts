/**
 * Numbers and sizes as an Italian operator reads them (12.345; 2,8 MB).
 */
// Always grouped: CLDR leaves 4-digit numbers bare in Italian, and «5000/12.000» reads as a typo.
const NUMERO = new Intl.NumberFormat('it-IT', { useGrouping: 'always' });
const DECIMALE = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1, useGrouping: 'always' });

/** An integer with Italian grouping: 12.345. */
export function numero(n: number): string {
  return NUMERO.format(n);
}

/** A size in bytes, in the largest unit that keeps it above 1: 2,8 MB. */
export function dimensione(byte: number): string {
  const unita = ['byte', 'kB', 'MB', 'GB', 'TB'];
  let valore = byte;
  let i = 0;
  while (valore >= 1000 && i < unita.length - 1) {
    valore /= 1000;
    i++;
  }
  return i === 0 ? `${numero(byte)} byte` : `${DECIMALE.format(valore)} ${unita[i]}`;
}

/** «1 parte», «3 parti»: singular or plural after a number. */
export function plurale(n: number, singolare: string, plurale: string): string {
  return `${numero(n)} ${n === 1 ? singolare : plurale}`;
}
