import { describe, expect, it } from 'vitest';
import {
  formatCentesimi,
  giornoDopo,
  inCentesimi,
  leggiData,
  leggiDecimale,
  leggiMeseAnno,
  leggiOreMensili,
  mesiCoperti,
  normalizzaDenominazione,
} from '../src/flussi/valori';

describe('valori', () => {
  it('reads real AAAA-MM-GG dates only, ignoring an xs:date time zone', () => {
    expect(leggiData('2024-02-29')).toEqual({ anno: 2024, mese: 2, giorno: 29 });
    expect(leggiData('2020-10-14+01:00')).toEqual({ anno: 2020, mese: 10, giorno: 14 });
    expect(leggiData('2023-02-29')).toBeUndefined();
    expect(leggiData('2024-13-01')).toBeUndefined();
    expect(leggiData(undefined)).toBeUndefined();
    expect(giornoDopo({ anno: 2024, mese: 12, giorno: 31 })).toEqual({ anno: 2025, mese: 1, giorno: 1 });
  });

  it('reads MM/AAAA months 01 to 12', () => {
    expect(leggiMeseAnno('03/2012')).toEqual({ anno: 2012, mese: 3 });
    expect(leggiMeseAnno('00/2012')).toBeUndefined();
    expect(leggiMeseAnno('3/2012')).toBeUndefined();
  });

  it('reads decimals exactly and rounds to the cent half away from zero', () => {
    expect(leggiDecimale('101.23')).toBe(101_230_000n);
    expect(leggiDecimale('.5')).toBe(500_000n);
    expect(leggiDecimale('-0.0')).toBe(0n);
    expect(leggiDecimale('abc')).toBeUndefined();
    expect(inCentesimi(leggiDecimale('0.005') ?? 0n)).toBe(1n);
    expect(inCentesimi(leggiDecimale('-0.005') ?? 0n)).toBe(-1n);
    expect(formatCentesimi(7425n)).toBe('74.25');
    expect(formatCentesimi(-50n)).toBe('-0.50');
  });

  it('counts the months a benefit covers', () => {
    expect(mesiCoperti({ anno: 2020, mese: 10, giorno: 14 }, { anno: 2020, mese: 11, giorno: 13 })).toEqual({ min: 1, max: 1 });
    expect(mesiCoperti({ anno: 2024, mese: 1, giorno: 1 }, { anno: 2024, mese: 12, giorno: 31 })).toEqual({ min: 12, max: 12 });
    expect(mesiCoperti({ anno: 2024, mese: 2, giorno: 15 }, { anno: 2024, mese: 5, giorno: 31 })).toEqual({ min: 3, max: 4 });
    expect(mesiCoperti({ anno: 2024, mese: 3, giorno: 1 }, { anno: 2024, mese: 3, giorno: 10 })).toEqual({ min: 0, max: 1 });
  });

  it('reads monthly hours as HH,MM or HH.MM', () => {
    expect(leggiOreMensili('2,59')).toEqual({ minuti: 179 });
    expect(leggiOreMensili('2.5')).toEqual({ minuti: 170 });
    expect(leggiOreMensili('2')).toEqual({ minuti: 120 });
    expect(leggiOreMensili('2.60')).toEqual({ errore: 'indica 60 minuti, ma i minuti vanno da 00 a 59 (HH,MM: ore, virgola o punto, minuti)' });
    expect(leggiOreMensili('-1')).toEqual({ errore: 'non è un numero di ore e minuti nella forma HH,MM' });
  });

  it('compares benefit names regardless of case, accents, apostrophes and spacing', () => {
    expect(normalizzaDenominazione("  Contributi per l’inserimento  LAVORATIVO ")).toBe("contributi per l'inserimento lavorativo");
    expect(normalizzaDenominazione('Mobilità')).toBe(normalizzaDenominazione('MOBILITA'));
  });
});
