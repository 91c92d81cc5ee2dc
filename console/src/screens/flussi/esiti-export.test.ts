import { describe, expect, it } from 'vitest';
import { esitiCsv, esitiJson } from './esiti-export';
import type { Esito } from './queries';

const rifiutato: Esito = {
  numero: 4,
  parte: 1,
  riga: 32,
  stato: 'RIFIUTATO',
  riferimento: 'AAA***********1C',
  codicePrestazione: 'A1.16',
  protocolloDomanda: '=HYPERLINK("x")',
  segnalazioni: [
    { codice: 'BENEFICIARIO_CF_CONTROLLO', gravita: 'ERRORE', campo: 'CodiceFiscale', messaggio: 'carattere di controllo errato; «T», non «C»' },
    { codice: 'SINA_CODICE_SCONOSCIUTO', gravita: 'AVVISO', campo: null, messaggio: 'codice "A2.17"\nnon in uso' },
  ],
};
const accettato: Esito = { numero: 5, parte: 1, riga: null, stato: 'ACCETTATO', riferimento: null, codicePrestazione: 'A2.16', protocolloDomanda: 'P-1', segnalazioni: [] };

describe('esito downloads', () => {
  it('writes one CSV line per segnalazione, one per record without any, quoting separators and defusing formulas', () => {
    const lines = esitiCsv([rifiutato, accettato]).split('\r\n');
    expect(lines).toEqual([
      'numero;parte;riga;stato;riferimento;codicePrestazione;protocolloDomanda;codice;gravita;campo;messaggio',
      `4;1;32;RIFIUTATO;AAA***********1C;A1.16;"'=HYPERLINK(""x"")";BENEFICIARIO_CF_CONTROLLO;ERRORE;CodiceFiscale;"carattere di controllo errato; «T», non «C»"`,
      `4;1;32;RIFIUTATO;AAA***********1C;A1.16;"'=HYPERLINK(""x"")";SINA_CODICE_SCONOSCIUTO;AVVISO;;"codice ""A2.17""\nnon in uso"`,
      '5;1;;ACCETTATO;;A2.16;P-1;;;;',
      '',
    ]);
  });

  it('writes the JSON with the flow name and the esiti as the API gave them', () => {
    expect(JSON.parse(esitiJson('H501.PS.20210520.0000031', [accettato]))).toEqual({ flusso: 'H501.PS.20210520.0000031', esiti: [accettato] });
  });
});
