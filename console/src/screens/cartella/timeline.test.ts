import { describe, expect, it } from 'vitest';
import type { Cartella } from './queries';
import { timelineCartella } from './timeline';

const ente = { codice: 'H501', denominazione: 'Comune di Roma' };
const prestazione = {
  caratterePrestazione: 'PERIODICA',
  dataFine: '2025-12-31',
  dataErogazione: null,
  dataEvento: null,
  importoPrestazione: null,
  areaUtenza: 'DISABILITA_NON_AUTOSUFFICIENZA',
  presaInCarico: true,
  enteErogatore: ente,
};

const cartella: Cartella = {
  id: 'p1',
  codiceFiscale: 'BNCGLI58E43H501T',
  anagrafica: null,
  residenza: null,
  prestazioniAgevolate: [
    { ...prestazione, id: 'a1', codicePrestazione: 'A2.05', denominazionePrestazione: 'Agevolazioni', denominazioneEnte: 'Agevolazioni', denominazioneDifforme: false, caratterePrestazione: 'OCCASIONALE', dataInizio: null, dataFine: null, dataErogazione: '2024-03-10', importoMensile: null, importoPrestazione: 180, dsu: { isee: 9000, tipoIsee: 'ORDINARIO', dataScadenza: '2024-12-31' } },
  ],
  prestazioniSociali: [{ ...prestazione, id: 's1', codicePrestazione: 'A2.07', denominazionePrestazione: 'Assistenza domiciliare', denominazioneEnte: 'assistenza domiciliare', denominazioneDifforme: false, dataInizio: '2025-01-15', importoMensile: 480 }],
  valutazioniSina: [{ id: 'v1', dataValutazione: '2025-01-15', codicePrestazione: 'A2.07', mobilita: 'SI_SPOSTA_ASSISTITO', attivitaVitaQuotidiana: null, enteErogatore: ente }],
  valutazioniSip: [{ ruoloNelNucleo: 'RICHIEDENTE', caso: { id: 'c1', misura: 'ADI', stato: 'PROGETTO', dataDomanda: '2023-05-02', dataChiusura: null, enteErogatore: ente } }],
};

describe('cartella timeline', () => {
  it('puts benefits and assessments on one line, newest first, dated by start, payment, assessment or request', () => {
    const eventi = timelineCartella(cartella, { DISABILITA_NON_AUTOSUFFICIENZA: 'Disabilità e non autosufficienza' });
    expect(eventi.map((e) => [e.tipo, e.data, e.fine])).toEqual([
      ['PRESTAZIONE_SOCIALE', '2025-01-15', '2025-12-31'],
      ['VALUTAZIONE_SINA', '2025-01-15', null],
      ['PRESTAZIONE_AGEVOLATA', '2024-03-10', null],
      ['CASO_SIP', '2023-05-02', null],
    ]);
    expect(eventi[0]!.dettagli).toEqual(['Area di utenza: Disabilità e non autosufficienza', 'Prestazione periodica', 'Presa in carico']);
    expect(eventi[0]!.importoMensile).toBe(480);
    expect(eventi[1]!.dettagli).toEqual(['Mobilità: si sposta assistito']);
    expect(eventi[2]!.importoTotale).toBe(180);
    expect(eventi[2]!.dettagli).toContain('Prestazione occasionale');
    expect(eventi[2]!.dettagli.at(-1)).toMatch(/^ISEE 9\.?000,00\s€ \(DSU valida fino al 31\/12\/2024\)$/);
    expect(eventi[3]!.titolo).toBe('Caso SIP: ADI');
    expect(eventi[3]!.dettagli).toEqual(['Stato: progetto', 'Ruolo nel nucleo: richiedente']);
  });

  it("titles a benefit with the nomenclatore's name and shows the ente's different text beside it", () => {
    const difforme = { ...cartella.prestazioniSociali![0]!, codicePrestazione: 'A1.09', denominazionePrestazione: 'Contributi economici per i servizi scolastici', denominazioneEnte: 'Telesoccorso e teleassistenza', denominazioneDifforme: true };
    const fuori = { ...difforme, id: 's2', codicePrestazione: 'Z7.77', denominazionePrestazione: null, denominazioneEnte: 'Buono spesa comunale', denominazioneDifforme: null };
    const eventi = timelineCartella({ ...cartella, prestazioniAgevolate: [], valutazioniSina: [], valutazioniSip: [], prestazioniSociali: [difforme, fuori] }, {});
    expect(eventi.map((e) => [e.codice, e.titolo, e.dettagli[0]])).toEqual([
      ['A1.09', 'Contributi economici per i servizi scolastici', "Denominata dall'ente diversamente dal nomenclatore: «Telesoccorso e teleassistenza»"],
      ['Z7.77', 'Codice non presente nel nomenclatore', "Denominazione dell'ente: «Buono spesa comunale»"],
    ]);
  });
});
