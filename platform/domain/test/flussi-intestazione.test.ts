import { describe, expect, it } from 'vitest';
import { dataDelFlusso, leggiNomeFlusso, validaIntestazione } from '../src/flussi/intestazione';
import { CF_OPERATORE, OGGI, intestazionePs } from './support/flussi';

const opzioni = { oggi: OGGI };

describe('validaIntestazione: flow name', () => {
  it('accepts PS, PSA and SINA names for a PS_PSA_SINA flow', () => {
    for (const tipo of ['PS', 'PSA', 'SINA']) {
      const esito = validaIntestazione(intestazionePs({ nome: `H501.${tipo}.20240115.0000001` }), 'PS_PSA_SINA', opzioni);
      expect(esito).toEqual({ stato: 'ACCETTATO', segnalazioni: [] });
    }
  });

  it('accepts SINBA and SIP names for their flows, with a progressive of any length', () => {
    expect(validaIntestazione(intestazionePs({ nome: 'H501.SINBA.20240115.00000004' }), 'SINBA', opzioni)).toEqual({
      stato: 'ACCETTATO',
      segnalazioni: [],
    });
    expect(validaIntestazione(intestazionePs({ nome: 'H501.SIP.20240115.1' }), 'SIP', opzioni)).toEqual({
      stato: 'ACCETTATO',
      segnalazioni: [],
    });
  });

  it('accepts an ente code that itself contains dots', () => {
    const intestazione = intestazionePs({
      nome: 'ASL.RM1.PS.20240115.0000001',
      ente: { codice: 'ASL.RM1', indirizzo: 'H501', cfOperatore: CF_OPERATORE },
    });
    expect(validaIntestazione(intestazione, 'PS_PSA_SINA', opzioni).segnalazioni).toEqual([]);
    expect(leggiNomeFlusso('ASL.RM1.PS.20240115.0000001')).toEqual({
      codiceEnte: 'ASL.RM1',
      tipo: 'PS',
      data: '20240115',
      progressivo: '0000001',
    });
  });

  it('rejects a name without the four parts (the schema example of api-comuni.yaml)', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'H501.PS.INPS.20160423.115235' }), 'PS_PSA_SINA', opzioni);
    expect(esito).toEqual({
      stato: 'RIFIUTATO',
      segnalazioni: [
        {
          codice: 'FLUSSO_NOME_FORMATO',
          gravita: 'ERRORE',
          campo: 'Nome',
          messaggio:
            'Il nome del flusso «H501.PS.INPS.20160423.115235» non segue lo schema ' +
            '{Codice Ente}.{PS|PSA|SINA}.{AAAAMMGG}.{progressivo giornaliero}, ad esempio ' +
            '«H501.PS.20240115.0000001». Correggere IdentificazioneFlusso@Nome e inviare di nuovo il flusso. ' +
            'Nessun record del flusso è stato acquisito.',
        },
      ],
    });
  });

  it('rejects a name whose type does not belong to the flow', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'H501.SINBA.20240115.0000001' }), 'PS_PSA_SINA', opzioni);
    expect(esito.stato).toBe('RIFIUTATO');
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'FLUSSO_NOME_TIPO',
        gravita: 'ERRORE',
        campo: 'Nome',
        messaggio:
          'Il nome del flusso «H501.SINBA.20240115.0000001» indica il tipo «SINBA», che non è ammesso in un flusso ' +
          'PS_PSA_SINA: il nome deve contenere «PS», «PSA» o «SINA». Correggere IdentificazioneFlusso@Nome, o ' +
          'inviare il flusso con il tipo giusto. Nessun record del flusso è stato acquisito.',
      },
    ]);
    expect(validaIntestazione(intestazionePs({ nome: 'H501.PS.20240115.0000001' }), 'SINBA', opzioni).segnalazioni.map((s) => s.codice)).toEqual([
      'FLUSSO_NOME_TIPO',
    ]);
  });

  it('rejects a name whose ente code differs from Ente@Codice', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'F205.PS.20240115.0000001' }), 'PS_PSA_SINA', opzioni);
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'FLUSSO_NOME_ENTE',
        gravita: 'ERRORE',
        campo: 'Nome',
        messaggio:
          'Il nome del flusso «F205.PS.20240115.0000001» inizia con il codice ente «F205», ma il flusso è inviato ' +
          "dall'ente «H501» (Ente@Codice). Correggere il nome del flusso o il codice dell'ente e inviare di nuovo " +
          'il flusso. Nessun record del flusso è stato acquisito.',
      },
    ]);
  });

  it('rejects a name whose date is not a calendar date', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'H501.PS.20240230.0000001' }), 'PS_PSA_SINA', opzioni);
    expect(esito.stato).toBe('RIFIUTATO');
    expect(esito.segnalazioni.map((s) => [s.codice, s.gravita])).toEqual([['FLUSSO_NOME_DATA', 'ERRORE']]);
    expect(esito.segnalazioni[0]?.messaggio).toContain('contiene la data «20240230», che non è una data di calendario');
    expect(dataDelFlusso('H501.PS.20240230.0000001')).toBeUndefined();
    expect(dataDelFlusso('H501.PS.20240229.0000001')).toEqual({ anno: 2024, mese: 2, giorno: 29 });
  });

  it('warns, without rejecting, about a date after the day of reception', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'H501.PS.20240701.0000001' }), 'PS_PSA_SINA', opzioni);
    expect(esito).toEqual({
      stato: 'ACCETTATO_CON_AVVISI',
      segnalazioni: [
        {
          codice: 'FLUSSO_NOME_DATA_FUTURA',
          gravita: 'AVVISO',
          campo: 'Nome',
          messaggio:
            'Il nome del flusso «H501.PS.20240701.0000001» porta la data 2024-07-01, successiva alla data di ' +
            'ricezione 2024-06-30. I record sono stati esaminati comunque; verificare la data del sistema che ' +
            'produce i flussi.',
        },
      ],
    });
  });

  it('reports every problem of the name at once', () => {
    const esito = validaIntestazione(intestazionePs({ nome: 'F205.SINBA.20241301.7' }), 'PS_PSA_SINA', opzioni);
    expect(esito.segnalazioni.map((s) => s.codice)).toEqual(['FLUSSO_NOME_TIPO', 'FLUSSO_NOME_ENTE', 'FLUSSO_NOME_DATA']);
  });
});

describe('validaIntestazione: ente', () => {
  it('rejects an Ente@Indirizzo that is not a Belfiore code', () => {
    const esito = validaIntestazione(
      intestazionePs({ ente: { codice: 'H501', indirizzo: '0580', cfOperatore: CF_OPERATORE } }),
      'PS_PSA_SINA',
      opzioni,
    );
    expect(esito.stato).toBe('RIFIUTATO');
    expect(esito.segnalazioni.map((s) => [s.codice, s.campo])).toEqual([['ENTE_INDIRIZZO_FORMATO', 'Indirizzo']]);
  });

  it('warns about a Belfiore code missing from the 2020 list', () => {
    const esito = validaIntestazione(
      intestazionePs({ ente: { codice: 'H501', indirizzo: 'M999', cfOperatore: CF_OPERATORE } }),
      'PS_PSA_SINA',
      opzioni,
    );
    expect(esito).toEqual({
      stato: 'ACCETTATO_CON_AVVISI',
      segnalazioni: [
        {
          codice: 'ENTE_INDIRIZZO_SCONOSCIUTO',
          gravita: 'AVVISO',
          campo: 'Indirizzo',
          messaggio:
            "Ente@Indirizzo «M999» non è nell'elenco dei comuni usato per il controllo (ISTAT, 1° gennaio 2020). " +
            'I record sono stati esaminati comunque. Se il comune della sede legale è stato istituito dopo il 2020 ' +
            'non occorre fare nulla; altrimenti correggere il codice nei prossimi flussi.',
        },
      ],
    });
  });

  it("only warns about a wrong operator's codice fiscale, naming it masked", () => {
    const esito = validaIntestazione(
      intestazionePs({ ente: { codice: 'H501', indirizzo: 'H501', cfOperatore: 'CCCDDD25A42H199X' } }),
      'PS_PSA_SINA',
      opzioni,
    );
    expect(esito).toEqual({
      stato: 'ACCETTATO_CON_AVVISI',
      segnalazioni: [
        {
          codice: 'OPERATORE_CF_NON_VALIDO',
          gravita: 'AVVISO',
          campo: 'CFOperatore',
          messaggio:
            "Il codice fiscale dell'operatore CCC***********9X ha il carattere di controllo errato: dai primi 15 " +
            'caratteri dovrebbe essere «E», nel flusso è «X». I record del flusso sono stati esaminati comunque; ' +
            'correggere Ente@CFOperatore nei prossimi flussi.',
        },
      ],
    });
  });

  it("explains a wrong temporary operator's code with its check digit", () => {
    const esito = validaIntestazione(
      intestazionePs({ ente: { codice: 'H501', indirizzo: 'H501', cfOperatore: '00743110158' } }),
      'PS_PSA_SINA',
      opzioni,
    );
    expect(esito.segnalazioni[0]?.messaggio).toBe(
      "Il codice fiscale dell'operatore provvisorio 007******58 ha la cifra di controllo errata: dalle prime 10 " +
        'cifre dovrebbe essere «7», nel flusso è «8». I record del flusso sono stati esaminati comunque; ' +
        'correggere Ente@CFOperatore nei prossimi flussi.',
    );
  });

  it('refuses an unreadable day of reception: that is a programming error, not a flow error', () => {
    expect(() => validaIntestazione(intestazionePs(), 'PS_PSA_SINA', { oggi: '30/06/2024' })).toThrow(RangeError);
    expect(() => validaIntestazione(intestazionePs(), 'PS_PSA_SINA', { oggi: '2024-02-30' })).toThrow(RangeError);
  });
});
