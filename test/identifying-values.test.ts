import { describe, expect, it } from 'vitest';
import type { DemoDataset } from '@casellario/demo-data';
import { identifyingValuesIn } from './identifying-values';

const dataset = { persone: [{ codiceFiscale: 'BNCGLI58E43H501T', cognome: 'BIANCHI', nome: 'GIULIA' }] } as unknown as DemoDataset;

describe('the leak detector used by the cross-service tests', () => {
  it('finds codici fiscali (also omocodes, temporary codes, inside text) and names', () => {
    expect(
      identifyingValuesIn(
        { a: 'Bianchi', b: ['errore per RSSMRA85T10A56NH.'], c: { d: '00743110157' }, e: 'bncgli58e43h501t' },
        dataset,
      ),
    ).toEqual(['Bianchi', 'errore per RSSMRA85T10A56NH.', '00743110157', 'bncgli58e43h501t']);
  });

  it('does not take a comune’s name or a province’s sigla for a person’s name, but still finds a codice fiscale there', () => {
    const withPlaceNames = {
      persone: [...dataset.persone, { codiceFiscale: 'MSSLIA80A41F158X', cognome: 'MESSINA', nome: 'LI' }],
    } as unknown as DemoDataset;
    const response = {
      comune: { __typename: 'Comune', nome: 'Messina', siglaProvincia: 'LI', nota: 'MSSLIA80A41F158X' },
      anagrafica: { __typename: 'Anagrafica', cognome: 'MESSINA', nome: 'LI' },
    };
    expect(identifyingValuesIn(response, withPlaceNames)).toEqual(['MSSLIA80A41F158X', 'MESSINA', 'LI']);
  });

  it('does not flag pseudonyms, codes or amounts', () => {
    expect(identifyingValuesIn({ id: 'k1.fh45mEKP43RNbEfwtdvmT84evQ7GqA', codice: 'A1.04', importo: '250.00', fascia: '65-69' }, dataset)).toEqual([]);
  });
});
