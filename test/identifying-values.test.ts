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

  it('does not flag pseudonyms, codes or amounts', () => {
    expect(identifyingValuesIn({ id: 'k1.fh45mEKP43RNbEfwtdvmT84evQ7GqA', codice: 'A1.04', importo: '250.00', fascia: '65-69' }, dataset)).toEqual([]);
  });
});
