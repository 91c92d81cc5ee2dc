import { describe, expect, it } from 'vitest';
import { comuneByIstat, dm1986DaIstat, dm1986DelComune, istatDaDm1986, regioneDm1986, regioni } from '../src/index';

describe('region codes DM1986 (the specification’s coding of CodiceRegione)', () => {
  it('reads the Agenzia delle Entrate’s alphabetical table: 01 Abruzzo, 08 Lazio, 10 Lombardia, 21 Veneto, Bolzano 03 and Trento 18', () => {
    expect([regioneDm1986('01')?.nome, regioneDm1986('08')?.nome, regioneDm1986('10')?.nome, regioneDm1986('21')?.nome]).toEqual([
      'Abruzzo',
      'Lazio',
      'Lombardia',
      'Veneto',
    ]);
    expect([istatDaDm1986('01'), istatDaDm1986('08'), istatDaDm1986('10'), istatDaDm1986('03'), istatDaDm1986('18')]).toEqual(['13', '12', '03', '04', '04']);
    expect(regioneDm1986('22')).toBeUndefined();
  });

  it('accepts INPS’s own sample: comune 068001 (Abbateggio, Abruzzo) with region 01', () => {
    const comune = comuneByIstat('068001')!;
    expect(dm1986DelComune('01', comune.istat, comune.codiceRegione)).toBe(true);
    expect(dm1986DelComune('13', comune.istat, comune.codiceRegione)).toBe(false);
  });

  it('round-trips every ISTAT region through DM1986, Trentino-Alto Adige by the comune’s province', () => {
    for (const r of regioni()) expect(istatDaDm1986(dm1986DaIstat(r.codice, r.codice === '04' ? '022205' : undefined))).toBe(r.codice);
    expect(dm1986DaIstat('04', '021008')).toBe('03');
    expect(dm1986DaIstat('04', '022205')).toBe('18');
  });
});
