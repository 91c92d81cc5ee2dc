import { describe, expect, it } from 'vitest';
import { validaCasoSinba } from '../src/flussi/sinba';
import type { CodiceSegnalazione, EsitoRecord } from '../src/flussi/esito';
import type { CasoSinbaFlusso } from '../src/flussi/records';
import { casoSinba, contesto, intestazioneSinba, unica } from './support/flussi';

const RIF = 'Caso SINBA n. 1 (IDBeneficiario «RM-2022-000123»)';

function valida(caso: CasoSinbaFlusso): EsitoRecord {
  return validaCasoSinba(caso, contesto(intestazioneSinba()));
}

function codici(esito: EsitoRecord): CodiceSegnalazione[] {
  return esito.segnalazioni.map((s) => s.codice);
}

describe('validaCasoSinba', () => {
  it('accepts a complete case with no segnalazioni', () => {
    expect(valida(casoSinba())).toEqual({ numero: 1, riga: 4, stato: 'ACCETTATO', segnalazioni: [] });
  });

  it('reads attributes whatever the case of their names', () => {
    const caso = casoSinba();
    const perNomeXsd = Object.fromEntries(
      Object.entries(caso.attributi).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), v]),
    );
    expect(valida({ ...caso, attributi: perNomeXsd }).segnalazioni).toEqual([]);
    delete perNomeXsd['DataSegnalazione'];
    expect(codici(valida({ ...caso, attributi: perNomeXsd }))).toEqual(['SINBA_SEGNALAZIONE_SENZA_DATA']);
  });

  it('rejects an IDBeneficiario that is a codice fiscale, never repeating it', () => {
    const esito = valida(casoSinba({}, { idBeneficiario: 'RSSMRA85T10A562S' }));
    expect(esito.stato).toBe('RIFIUTATO');
    expect(unica(esito)).toEqual({
      codice: 'SINBA_ID_CODICE_FISCALE',
      gravita: 'ERRORE',
      campo: 'IDBeneficiario',
      messaggio:
        'Caso SINBA n. 1 (IDBeneficiario «RSS***********2S»): IDBeneficiario ha la forma di un codice fiscale ' +
        '(RSS***********2S): il flusso SINBA è per legge pseudonimo e non può contenere il codice fiscale del ' +
        "minore. Il caso non è stato acquisito; sostituire il codice fiscale con l'identificativo pseudonimo che " +
        "l'ente assegna al caso e inviarlo di nuovo.",
    });
  });

  it('rejects a month that does not exist', () => {
    const s = unica(valida(casoSinba({ dataPrimaSegnalazione: '13/2022' })));
    expect(s).toEqual({
      codice: 'SINBA_DATA_FORMATO',
      gravita: 'ERRORE',
      campo: 'DataPrimaSegnalazione',
      messaggio:
        `${RIF}: DataPrimaSegnalazione «13/2022» non indica un mese reale: il formato è MM/AAAA con il mese da 01 ` +
        'a 12. Correggere la data e inviare di nuovo il caso.',
    });
  });

  it('rejects a month after the month of reception', () => {
    const s = unica(valida(casoSinba({ dataSegnalazione: '07/2024' })));
    expect(s).toEqual({
      codice: 'SINBA_DATA_FUTURA',
      gravita: 'ERRORE',
      campo: 'DataSegnalazione',
      messaggio: `${RIF}: DataSegnalazione 07/2024 è successiva al mese di ricezione, 06/2024. Correggere la data e inviare di nuovo il caso.`,
    });
    expect(valida(casoSinba({ dataSegnalazione: '06/2024' })).segnalazioni).toEqual([]);
  });

  it('rejects a year of birth in the future', () => {
    const s = unica(valida(casoSinba({ annoNascita: '2025' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINBA_ANNO_NASCITA_FUTURO', 'ERRORE', 'AnnoNascita']);
    expect(s.messaggio).toBe(`${RIF}: AnnoNascita 2025 è successivo all'anno in corso, 2024. Correggere l'anno di nascita e inviare di nuovo il caso.`);
  });

  it('warns when the age band fits no age the child had between the first report and the flow', () => {
    const s = unica(valida(casoSinba({ fasciaEtaBeneficiario: '1' })));
    expect(s).toEqual({
      codice: 'SINBA_FASCIA_ETA_INCOERENTE',
      gravita: 'AVVISO',
      campo: 'FasciaEtaBeneficiario',
      messaggio:
        `${RIF}: FasciaEtaBeneficiario «1» (0-3 anni) non corrisponde ad AnnoNascita 2014: dalla prima ` +
        'segnalazione (03/2022) alla data del flusso (2024-01-15) il minore ha avuto tra 7 e 10 anni. Questo non ' +
        "blocca il caso; correggere la fascia d'età o l'anno di nascita nei prossimi invii.",
    });
    // Band 3 (6-9) and band 4 (9-12) both fit ages 7 to 10.
    expect(valida(casoSinba({ fasciaEtaBeneficiario: '3' })).segnalazioni).toEqual([]);
    expect(codici(valida(casoSinba({ fasciaEtaBeneficiario: '5' })))).toEqual(['SINBA_FASCIA_ETA_INCOERENTE']);
  });

  it('accepts a court measure without date or authority, optional in the specification, and says so (issue 19)', () => {
    const esito = valida(casoSinba({ autoritaProvvedimento: undefined }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'SINBA_PROVVEDIMENTO_SENZA_DATI',
      gravita: 'AVVISO',
      campo: 'AutoritaProvvedimento',
      messaggio:
        `${RIF}: c'è un provvedimento giudiziario (ProvvedimentoGiudiziario 1) ma manca AutoritaProvvedimento. ` +
        'Il caso è registrato (il campo è opzionale); indicarlo nei prossimi invii se noto.',
    });
    const both = valida(casoSinba({ autoritaProvvedimento: undefined, dataProvvedimentoGiudiziario: undefined }));
    expect(both.stato).toBe('ACCETTATO_CON_AVVISI');
    expect([unica(both).codice, unica(both).campo]).toEqual(['SINBA_PROVVEDIMENTO_SENZA_DATI', 'DataProvvedimentoGiudiziario']);
    expect(unica(both).messaggio).toContain('mancano DataProvvedimentoGiudiziario e AutoritaProvvedimento. Il caso è registrato (i campi sono opzionali)');
  });

  it('warns about measure details when there is no court measure', () => {
    const s = unica(valida(casoSinba({ provvedimentoGiudiziario: '2' })));
    expect([s.codice, s.gravita, s.campo]).toEqual([
      'SINBA_PROVVEDIMENTO_DATI_SENZA_PROVVEDIMENTO',
      'AVVISO',
      'DataProvvedimentoGiudiziario',
    ]);
    expect(s.messaggio).toContain(
      'ProvvedimentoGiudiziario è 2 (nessun provvedimento) ma sono indicati DataProvvedimentoGiudiziario, ' +
        'AutoritaProvvedimento e TipoProvvedimentoGiudiziario.',
    );
  });

  it('accepts a report to the judicial authority without its date, optional in the specification, and says so (issue 19)', () => {
    const esito = valida(casoSinba({ dataSegnalazione: undefined }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'SINBA_SEGNALAZIONE_SENZA_DATA',
      gravita: 'AVVISO',
      campo: 'DataSegnalazione',
      messaggio:
        `${RIF}: c'è una segnalazione all'autorità giudiziaria (SegnalazioneAutoritaGiudiziaria 1) ma manca ` +
        'DataSegnalazione. Il caso è registrato (il campo è opzionale); indicare il mese della segnalazione (MM/AAAA) nei prossimi invii se noto.',
    });
  });

  it('warns about a report date without a report', () => {
    const s = unica(valida(casoSinba({ segnalazioneAutoritaGiudiziaria: '2' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINBA_DATA_SEGNALAZIONE_SENZA_SEGNALAZIONE', 'AVVISO', 'DataSegnalazione']);
    expect(s.messaggio.startsWith(`${RIF}: `)).toBe(true);
  });

  it('only warns about a disability without its type, which the spec leaves optional', () => {
    const esito = valida(casoSinba({ disabilita: '1' }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'SINBA_TIPO_DISABILITA_MANCANTE',
      gravita: 'AVVISO',
      campo: 'TipoDisabilita',
      messaggio:
        `${RIF}: il minore ha una disabilità (Disabilita 1) ma manca TipoDisabilita (1 fisica, 2 psichica, ` +
        '3 sensoriale, 4 plurima). Questo non blocca il caso; indicare il tipo di disabilità nei prossimi invii.',
    });
    expect(valida(casoSinba({ disabilita: '1', tipoDisabilita: '4' })).segnalazioni).toEqual([]);
  });

  it('warns about disability details when Disabilita is 2', () => {
    const s = unica(valida(casoSinba({ tipoDisabilita: '1', invCivCertificazioni: '5' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINBA_DISABILITA_INCOERENTE', 'AVVISO', 'TipoDisabilita']);
    expect(s.messaggio).toContain('Disabilita è 2 (nessuna disabilità) ma sono indicati TipoDisabilita e InvCivCertificazioni.');
  });

  it('rejects a residence in Italy without region, and accepts one abroad', () => {
    const s = unica(valida(casoSinba({ codiceRegioneResidenza: undefined })));
    expect(s).toEqual({
      codice: 'SINBA_REGIONE_RESIDENZA_MANCANTE',
      gravita: 'ERRORE',
      campo: 'CodiceRegioneResidenza',
      messaggio:
        `${RIF}: la residenza è in Italia (CodiceNazioneResidenza 380) ma manca CodiceRegioneResidenza, ` +
        'obbligatorio in questo caso. Indicare il codice della regione di residenza (due cifre, codifica DM1986, ' +
        'ad esempio 08 per il Lazio) e inviare di nuovo il caso.',
    });
    expect(valida(casoSinba({ codiceRegioneResidenza: undefined, codiceNazioneResidenza: '642' })).segnalazioni).toEqual([]);
  });

  it("warns about a region code that is no region, the child's or a parent's", () => {
    const esito = valida(casoSinba({ codiceRegioneResidenza: '22', codiceRegioneResidenzaMadre: '00' }));
    expect(esito.segnalazioni.map((s) => [s.codice, s.gravita, s.campo])).toEqual([
      ['SINBA_REGIONE_SCONOSCIUTA', 'AVVISO', 'CodiceRegioneResidenza'],
      ['SINBA_REGIONE_SCONOSCIUTA', 'AVVISO', 'CodiceRegioneResidenzaMadre'],
    ]);
  });

  it('warns about a closure with only its reason or only its situation; death needs no situation', () => {
    const senzaSituazione = unica(valida(casoSinba({ motivazioneChiusuraCarico: '4' })));
    expect(senzaSituazione).toEqual({
      codice: 'SINBA_CHIUSURA_INCOMPLETA',
      gravita: 'AVVISO',
      campo: 'SituazioneChiusuraCarico',
      messaggio:
        `${RIF}: la presa in carico è chiusa (MotivazioneChiusuraCarico 4) ma manca SituazioneChiusuraCarico, ` +
        'dove si trova il minore alla chiusura. Questo non blocca il caso; indicarla nei prossimi invii.',
    });
    const senzaMotivo = unica(valida(casoSinba({ situazioneChiusuraCarico: '1' })));
    expect([senzaMotivo.codice, senzaMotivo.campo]).toEqual(['SINBA_CHIUSURA_INCOMPLETA', 'MotivazioneChiusuraCarico']);
    expect(valida(casoSinba({ motivazioneChiusuraCarico: '8' })).segnalazioni).toEqual([]);
    expect(valida(casoSinba({ motivazioneChiusuraCarico: '4', situazioneChiusuraCarico: '1' })).segnalazioni).toEqual([]);
  });

  it('warns about a closure for coming of age of a child who cannot be 18', () => {
    const s = unica(valida(casoSinba({ motivazioneChiusuraCarico: '3', situazioneChiusuraCarico: '2' })));
    expect(s).toEqual({
      codice: 'SINBA_CHIUSURA_MAGGIORE_ETA_INCOERENTE',
      gravita: 'AVVISO',
      campo: 'MotivazioneChiusuraCarico',
      messaggio:
        `${RIF}: MotivazioneChiusuraCarico 3 (raggiunta età maggiorenne) riguarda un maggiorenne, ma con ` +
        'AnnoNascita 2014 alla data del flusso (2024-01-15) il minore non può avere 18 anni. Questo non blocca il ' +
        "caso; correggere la chiusura o l'anno di nascita nei prossimi invii.",
    });
    const rimane = unica(valida(casoSinba({ motivazioneChiusuraCarico: '4', situazioneChiusuraCarico: '3' })));
    expect([rimane.codice, rimane.campo]).toEqual(['SINBA_CHIUSURA_MAGGIORE_ETA_INCOERENTE', 'SituazioneChiusuraCarico']);
    const maggiorenne = casoSinba({ annoNascita: '2006', fasciaEtaBeneficiario: '6', motivazioneChiusuraCarico: '3', situazioneChiusuraCarico: '2' });
    expect(valida(maggiorenne).segnalazioni).toEqual([]);
  });

  it('rejects a household of fewer than 1 member, which the XSD lets through', () => {
    const s = unica(valida(casoSinba({ numeroComponentiISEE: '0' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINBA_NUMERO_COMPONENTI_ISEE', 'ERRORE', 'NumeroComponentiISEE']);
    expect(s.messaggio).toBe(
      `${RIF}: NumeroComponentiISEE vale 0, ma il nucleo ISEE ha almeno 1 componente (da 1 a 9). Correggere il ` +
        'dato, o ometterlo se non è noto, e inviare di nuovo il caso.',
    );
  });

  it('rejects a malformed benefit code and warns about an unknown one', () => {
    const malformato = unica(valida(casoSinba({}, { prestazioni: ['A2.02', 'ASS-DOM'] })));
    expect([malformato.codice, malformato.gravita, malformato.campo]).toEqual(['SINBA_CODICE_FORMATO', 'ERRORE', 'Prestazioni']);
    expect(malformato.messaggio).toContain('il codice «ASS-DOM» di Prestazioni non ha la forma dei codici del nomenclatore');
    const esito = valida(casoSinba({}, { prestazioni: ['A5.01'] }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'SINBA_CODICE_SCONOSCIUTO',
      gravita: 'AVVISO',
      campo: 'Prestazioni',
      messaggio:
        `${RIF}: il codice «A5.01» di Prestazioni è ben formato ma non è nel nomenclatore in uso. Questo non ` +
        'blocca il caso; se il codice non è stato introdotto di recente, verificare che sia quello giusto.',
    });
  });

  it('copies the header segnalazioni, checking the name against SINBA', () => {
    const esito = validaCasoSinba(casoSinba(), contesto(intestazioneSinba({ nome: 'H501.PS.20240115.0000001' })));
    expect(esito.stato).toBe('RIFIUTATO');
    expect(codici(esito)).toEqual(['FLUSSO_NOME_TIPO']);
  });
});
