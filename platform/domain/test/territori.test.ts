import { describe, expect, it } from 'vitest';
import {
  CITTADINANZA_ITALIANA,
  allComuni,
  comuneByBelfiore,
  comuneByIstat,
  comuniOfRegione,
  paeseEsteroByBelfiore,
  paesiEsteri,
  regioneByCodice,
  regioni,
} from '../src/territori';

describe('territori', () => {
  // Load time (40–90 ms) is a benchmark figure, not asserted here: tests never time themselves.
  it('loads the whole ISTAT list at first use', () => {
    expect(comuneByBelfiore('H501')?.nome).toBe('Roma');
    expect(allComuni()).toHaveLength(7904);
  });

  it('finds Roma and Milano by Belfiore and by ISTAT code', () => {
    expect(comuneByBelfiore('H501')).toEqual({
      istat: '058091',
      belfiore: 'H501',
      nome: 'Roma',
      siglaProvincia: 'RM',
      codiceProvincia: '058',
      codiceRegione: '12',
      popolazione: 2617175,
    });
    expect(comuneByIstat('015146')).toMatchObject({ belfiore: 'F205', nome: 'Milano', siglaProvincia: 'MI', codiceRegione: '03' });
    expect(comuneByBelfiore('f839')?.nome).toBe('Napoli');
    expect(comuneByBelfiore('Z999')).toBeUndefined();
    expect(comuneByIstat('999999')).toBeUndefined();
  });

  it('lists the 20 regions by ISTAT code', () => {
    const list = regioni();
    expect(list).toHaveLength(20);
    expect(list[0]).toEqual({ codice: '01', nome: 'Piemonte' });
    expect(regioneByCodice('12')?.nome).toBe('Lazio');
    expect(regioneByCodice('19')?.nome).toBe('Sicilia');
  });

  it('lists the comuni of a region', () => {
    const lazio = comuniOfRegione('12');
    expect(lazio).toHaveLength(378);
    expect(lazio.every((c) => c.codiceRegione === '12')).toBe(true);
    expect(lazio.some((c) => c.belfiore === 'H501')).toBe(true);
    expect(comuniOfRegione('02').map((c) => c.siglaProvincia)).toContain('AO');
    expect(comuniOfRegione('99')).toEqual([]);
  });

  it('keeps foreign birthplaces with their ISO citizenship codes', () => {
    expect(paeseEsteroByBelfiore('Z129')).toEqual({ belfiore: 'Z129', nome: 'Romania', codiceIso: '642' });
    expect(paeseEsteroByBelfiore('Z100')?.codiceIso).toBe('008');
    expect(paeseEsteroByBelfiore('Z330')?.nome).toBe('Marocco');
    expect(paeseEsteroByBelfiore('Z210')?.codiceIso).toBe('156');
    expect(paesiEsteri().length).toBeGreaterThanOrEqual(12);
    expect(paesiEsteri().every((p) => /^Z\d{3}$/.test(p.belfiore) && /^\d{3}$/.test(p.codiceIso) && p.codiceIso !== CITTADINANZA_ITALIANA)).toBe(true);
  });
});
