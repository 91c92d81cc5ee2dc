import { describe, expect, it } from 'vitest';
import { ATTRIBUTI_SINBA, casoSinbaRow, type CasoSinbaInput } from './caso-sinba-row';

const REQUIRED = {
  MinoreStranieroNoAcc: '1',
  CondizioneMinore: '5',
  LuogoVita: '4',
  ScuolaFrequentata: '1',
  CondizioneLavoro: '4',
  Disabilita: '2',
  DataPrimaSegnalazione: '07/2024',
  FonteSegnalazione: '5',
  ValutazioneMinore: '12',
  ValutazioneFamigliaMinore: '1',
  SegnalazioneAutoritaGiudiziaria: '2',
  ProvvedimentoGiudiziario: '2',
  FasciaEtaBeneficiario: '6',
  AnnoNascita: '2008',
  CodiceNazioneResidenza: '380',
};

const input = (attributi: Record<string, string>): CasoSinbaInput => ({
  id: '5b1a0c2e-7d3f-4e21-9c4b-000000000001',
  enteCodice: 'H501',
  idBeneficiario: 'MSNA-17',
  prestazioni: ['A3.02'],
  composizioneFamiglia: ['6'],
  attributi,
});

describe('casoSinbaRow', () => {
  it('lists the 45 attributes of SinbaType besides IDBeneficiario, 15 of them required', () => {
    expect(Object.keys(ATTRIBUTI_SINBA)).toHaveLength(45);
    expect(Object.entries(ATTRIBUTI_SINBA).filter(([, required]) => required).map(([name]) => name)).toEqual(Object.keys(REQUIRED));
  });

  it('maps XML-style and camelCase names alike, dates to the first of the month, absent optionals to null', () => {
    const xml = casoSinbaRow(input({ ...REQUIRED, NumeroComponentiISEE: '3', CodiceRegioneResidenza: '12' }), { codiceComune: '058091', codiceRegione: '12' });
    const camel = casoSinbaRow(
      input({ ...Object.fromEntries(Object.entries(REQUIRED).map(([k, v]) => [k[0]!.toLowerCase() + k.slice(1), v])), numeroComponentiIsee: '3', codiceRegioneResidenza: '12' }),
      { codiceComune: '058091', codiceRegione: '12' },
    );
    expect(camel).toEqual(xml);
    expect(xml).toMatchObject({
      enteCodice: 'H501',
      codiceComuneEnte: '058091',
      codiceRegioneEnte: '12',
      idBeneficiario: 'MSNA-17',
      minoreStranieroNoAcc: '1',
      dataPrimaSegnalazione: '2024-07-01',
      dataSegnalazione: null,
      numeroComponentiIsee: 3,
      annoNascita: 2008,
      tipoDisabilita: null,
      prestazioni: ['A3.02'],
      composizioneFamiglia: ['6'],
    });
  });

  it('takes an empty comune seat as none', () => {
    expect(casoSinbaRow(input({ ...REQUIRED, CodiceRegioneResidenza: '12' }), { codiceComune: '', codiceRegione: '12' }).codiceComuneEnte).toBeNull();
  });

  it('refuses unknown attributes, missing required ones and malformed months', () => {
    const sede = { codiceComune: '058091', codiceRegione: '12' };
    expect(() => casoSinbaRow(input({ ...REQUIRED, LuogoDiVita: '1' }), sede)).toThrow('Attributo SINBA sconosciuto: LuogoDiVita');
    const { LuogoVita: _omitted, ...senzaLuogo } = REQUIRED;
    expect(() => casoSinbaRow(input(senzaLuogo), sede)).toThrow('Attributo SINBA obbligatorio mancante: LuogoVita');
    expect(() => casoSinbaRow(input({ ...REQUIRED, DataPrimaSegnalazione: '2024-07' }), sede)).toThrow(RangeError);
  });
});
