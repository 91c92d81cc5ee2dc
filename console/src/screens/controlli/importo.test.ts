import { describe, expect, it } from 'vitest';
import { leggiImporto } from './accertamento-form';

describe('amounts typed by a control body', () => {
  it('reads Italian and plain notation to the cent, none when empty, and refuses anything else', () => {
    expect(leggiImporto('1.234,56')).toBe(1234.56);
    expect(leggiImporto('1234.56')).toBe(1234.56);
    expect(leggiImporto('0')).toBe(0);
    expect(leggiImporto('  ')).toBeNull();
    for (const bad of ['-5', '1,234', '12,345,6', 'abc', '1e3', '10.999']) expect({ bad, value: leggiImporto(bad) }).toEqual({ bad, value: 'invalido' });
  });
});
