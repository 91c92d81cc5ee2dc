import { describe, expect, it } from 'vitest';
import { aggiungiGiorni, aggiungiGiorniLavorativi, festivitaNazionali, isGiornoLavorativo, oggiInItalia, pasqua } from './calendario';

describe('pasqua', () => {
  it('computes Gregorian Easter Sunday', () => {
    expect(pasqua(2018)).toBe('2018-04-01');
    expect(pasqua(2019)).toBe('2019-04-21');
    expect(pasqua(2024)).toBe('2024-03-31');
    expect(pasqua(2025)).toBe('2025-04-20');
    expect(pasqua(2026)).toBe('2026-04-05');
    expect(pasqua(2038)).toBe('2038-04-25');
  });
});

describe('festivitaNazionali', () => {
  it('lists the fixed holidays and Easter Monday, and 4 October from 2026', () => {
    expect([...festivitaNazionali(2025)].sort()).toEqual([
      '2025-01-01', '2025-01-06', '2025-04-21', '2025-04-25', '2025-05-01', '2025-06-02',
      '2025-08-15', '2025-11-01', '2025-12-08', '2025-12-25', '2025-12-26',
    ]);
    expect(festivitaNazionali(2025).has('2025-10-04')).toBe(false);
    expect(festivitaNazionali(2027).has('2027-10-04')).toBe(true);
    expect(festivitaNazionali(2027).has('2027-03-29')).toBe(true);
  });
});

describe('isGiornoLavorativo', () => {
  it('is Monday to Friday minus national holidays', () => {
    expect(isGiornoLavorativo('2024-03-29')).toBe(true); // Good Friday is not a holiday
    expect(isGiornoLavorativo('2024-03-30')).toBe(false); // Saturday
    expect(isGiornoLavorativo('2024-03-31')).toBe(false); // Sunday
    expect(isGiornoLavorativo('2024-04-01')).toBe(false); // Easter Monday
    expect(isGiornoLavorativo('2024-04-25')).toBe(false); // Liberazione, a Thursday
    expect(isGiornoLavorativo('2027-10-04')).toBe(false); // San Francesco, a Monday
    expect(isGiornoLavorativo('2025-10-06')).toBe(true);
  });
});

describe('aggiungiGiorniLavorativi', () => {
  it('counts from the day after, skipping weekends and holidays', () => {
    expect(aggiungiGiorniLavorativi('2024-03-01', 0)).toBe('2024-03-01');
    expect(aggiungiGiorniLavorativi('2024-03-01', 1)).toBe('2024-03-04'); // Friday → Monday
    expect(aggiungiGiorniLavorativi('2024-12-23', 3)).toBe('2024-12-30'); // 24, 27, 30 (25–26 holidays)
    expect(aggiungiGiorniLavorativi('2024-03-28', 2)).toBe('2024-04-02'); // 29, (Easter Monday) 2
  });

  it('gives the REI limits: 25 working days across 25 April and 1 May, then 20', () => {
    expect(aggiungiGiorniLavorativi('2018-04-03', 25)).toBe('2018-05-10');
    expect(aggiungiGiorniLavorativi('2018-05-09', 20)).toBe('2018-06-06');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => aggiungiGiorniLavorativi('2024-01-01', -1)).toThrow(RangeError);
    expect(() => aggiungiGiorniLavorativi('2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('aggiungiGiorni and oggiInItalia', () => {
  it('adds calendar days across months, leap days and DST changes', () => {
    expect(aggiungiGiorni('2024-03-05', 120)).toBe('2024-07-03');
    expect(aggiungiGiorni('2024-02-28', 1)).toBe('2024-02-29');
    expect(aggiungiGiorni('2024-03-30', 1)).toBe('2024-03-31');
    expect(aggiungiGiorni('2024-04-10', 90)).toBe('2024-07-09');
  });

  it('takes the date in Rome, not in UTC', () => {
    expect(oggiInItalia(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(oggiInItalia(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01');
  });
});
