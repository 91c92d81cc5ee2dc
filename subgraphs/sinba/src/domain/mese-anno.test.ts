import { describe, expect, it } from 'vitest';
import { dateToMeseAnno, isMeseAnno, meseAnnoToDate } from './mese-anno';

describe('MM/AAAA (DataMeseAnnoType)', () => {
  it('stores a month as its first day and shows it back as the flow wrote it', () => {
    expect(meseAnnoToDate('03/2022')).toBe('2022-03-01');
    expect(meseAnnoToDate('12/1999')).toBe('1999-12-01');
    expect(dateToMeseAnno('2022-03-01')).toBe('03/2022');
  });

  it('accepts exactly what the XSD pattern accepts', () => {
    expect(['01/1900', '12/2099', '10/2025'].map(isMeseAnno)).toEqual([true, true, true]);
    expect(['1/2022', '13/2022', '00/2022', '03/2100', '03/1899', '03-2022', '2022-03'].map(isMeseAnno)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => meseAnnoToDate('13/2022')).toThrow(RangeError);
    expect(() => dateToMeseAnno('2022-03-15')).toThrow(RangeError);
  });
});
