import { describe, expect, it } from 'vitest';
import { validaBeneficiario } from '../src/flussi/beneficiario';
import type { CodiceSegnalazione, EsitoRecord } from '../src/flussi/esito';
import type { BeneficiarioFlusso, PrestazioneFlusso } from '../src/flussi/records';
import {
  CF,
  CF_MASCHERATO,
  beneficiario,
  contesto,
  expectIndirizzataAllaPrestazione,
  intestazionePs,
  prestazioneConSina,
  prestazioneOccasionale,
  prestazionePeriodica,
  unica,
} from './support/flussi';

const RIF_PERIODICA = `Prestazione n. 1 (A1.04, domanda 2024/SC00001) del beneficiario ${CF_MASCHERATO}`;
const RIF_OCCASIONALE = `Prestazione n. 1 (A1.06, domanda 2024/BS00042) del beneficiario ${CF_MASCHERATO}`;
const RIF_SINA = `Prestazione n. 1 (A2.07, domanda 2024/AD00007) del beneficiario ${CF_MASCHERATO}`;

function valida(b: BeneficiarioFlusso): EsitoRecord[] {
  return validaBeneficiario(b, contesto());
}

/** Validates one benefit of the reference beneficiary and returns its esito. */
function esitoDi(p: PrestazioneFlusso, over: Partial<BeneficiarioFlusso> = {}): EsitoRecord {
  const [esito] = valida(beneficiario([p], over));
  if (!esito) throw new Error('no esito');
  return esito;
}

function codici(esito: EsitoRecord | undefined): CodiceSegnalazione[] {
  return esito?.segnalazioni.map((s) => s.codice) ?? [];
}

describe('validaBeneficiario: valid benefits', () => {
  it('accepts a periodic, a one-off and a SINA benefit with no segnalazioni, one esito per benefit', () => {
    const b = beneficiario([
      prestazionePeriodica({ posizione: { numero: 1, riga: 6 } }),
      prestazioneOccasionale({ posizione: { numero: 2, riga: 7 } }),
      prestazioneConSina({ posizione: { numero: 3, riga: 8 } }),
    ]);
    expect(valida(b)).toEqual([
      { numero: 1, riga: 6, stato: 'ACCETTATO', segnalazioni: [] },
      { numero: 2, riga: 7, stato: 'ACCETTATO', segnalazioni: [] },
      { numero: 3, riga: 8, stato: 'ACCETTATO', segnalazioni: [] },
    ]);
  });

  it('accepts omocodes as they are, a different person from the base code', () => {
    for (const omocodice of ['RSSMRA85T10A56NH', 'RSSMRA85T10ARSNO']) {
      expect(esitoDi(prestazionePeriodica(), { codiceFiscale: omocodice })).toEqual({
        numero: 1,
        riga: 6,
        stato: 'ACCETTATO',
        segnalazioni: [],
      });
    }
    // The masked code in messages keeps the omocode letters: it is never mapped back to RSSMRA85T10A562S.
    const s = unica(esitoDi(prestazionePeriodica({ codicePrestazione: 'A1.99' }), { codiceFiscale: 'RSSMRA85T10A56NH' }));
    expect(s.messaggio.startsWith('Prestazione n. 1 (A1.99, domanda 2024/SC00001) del beneficiario RSS***********NH: ')).toBe(true);
  });

  it('accepts the valid 11-digit temporary code 00743110157, trailing spaces included', () => {
    for (const cf of ['00743110157', '00743110157   ']) {
      expect(esitoDi(prestazionePeriodica(), { codiceFiscale: cf }).segnalazioni).toEqual([]);
    }
  });
});

describe('validaBeneficiario: codice fiscale', () => {
  it('rejects 00743110158 with the check digit the temporary code should have', () => {
    expect(esitoDi(prestazionePeriodica(), { codiceFiscale: '00743110158' })).toEqual({
      numero: 1,
      riga: 6,
      stato: 'RIFIUTATO',
      segnalazioni: [
        {
          codice: 'BENEFICIARIO_CF_PROVVISORIO_CONTROLLO',
          gravita: 'ERRORE',
          campo: 'CodiceFiscale',
          messaggio:
            'Prestazione n. 1 (A1.04, domanda 2024/SC00001) del beneficiario 007******58: il codice fiscale ' +
            'provvisorio 007******58 ha la cifra di controllo errata: dalle prime 10 cifre dovrebbe essere «7», ' +
            'nel flusso è «8». Un codice fiscale non valido non identifica il beneficiario, quindi la prestazione ' +
            'è stata scartata. Correggere il codice fiscale del beneficiario e inviare di nuovo la prestazione.',
        },
      ],
    });
  });

  it('rejects every benefit of a beneficiary whose check character is wrong, saying so', () => {
    const b = beneficiario(
      [
        prestazionePeriodica({ posizione: { numero: 4, riga: 6 } }),
        prestazioneOccasionale({ posizione: { numero: 5, riga: 7 } }),
        prestazioneConSina({ posizione: { numero: 6, riga: 8 } }),
      ],
      { codiceFiscale: 'RSSMRA85T10A562X' },
    );
    const esiti = valida(b);
    expect(esiti.map((e) => [e.numero, e.stato, codici(e)])).toEqual([
      [4, 'RIFIUTATO', ['BENEFICIARIO_CF_CONTROLLO']],
      [5, 'RIFIUTATO', ['BENEFICIARIO_CF_CONTROLLO']],
      [6, 'RIFIUTATO', ['BENEFICIARIO_CF_CONTROLLO']],
    ]);
    expect(esiti[1]?.segnalazioni[0]?.messaggio).toBe(
      'Prestazione n. 5 (A1.06, domanda 2024/BS00042) del beneficiario RSS***********2X: il codice fiscale ' +
        'RSS***********2X ha il carattere di controllo errato: dai primi 15 caratteri dovrebbe essere «S», nel ' +
        'flusso è «X». Un codice fiscale non valido non identifica il beneficiario, quindi tutte le 3 prestazioni ' +
        'del beneficiario sono state scartate. Correggere il codice fiscale del beneficiario e inviare di nuovo ' +
        'tutte le sue prestazioni.',
    );
    for (const e of esiti) expect(e.segnalazioni[0]?.messaggio).not.toContain('RSSMRA85T10A562X');
  });

  it('rejects a code with an impossible month, day or shape, explaining which', () => {
    const casi = [
      ['RSSMRA85Z10A562S', 'ha nel 9° carattere una lettera che non indica un mese di nascita'],
      ['RSSMRA85T35A562S', 'ha nel 10° e 11° carattere un giorno di nascita impossibile'],
      ['RSSMRA85T10AA62S', 'non ha la forma di un codice fiscale'],
    ] as const;
    for (const [cf, motivo] of casi) {
      const s = unica(esitoDi(prestazionePeriodica(), { codiceFiscale: cf }));
      expect(s.codice).toBe('BENEFICIARIO_CF_FORMATO');
      expect(s.gravita).toBe('ERRORE');
      expect(s.messaggio).toContain(`il codice fiscale RSS***********${cf.slice(-2)} ${motivo}`);
      expect(s.messaggio).not.toContain(cf);
    }
  });
});

describe('validaBeneficiario: Anagrafica against the codice fiscale', () => {
  function anagrafica(over: Partial<BeneficiarioFlusso['anagrafica']>): Partial<BeneficiarioFlusso> {
    return { anagrafica: { ...beneficiario().anagrafica, ...over } };
  }

  it('warns when the year of birth differs', () => {
    const esito = esitoDi(prestazionePeriodica(), anagrafica({ annoNascita: '1986' }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'ANAGRAFICA_CF_ANNO_INCOERENTE',
      gravita: 'AVVISO',
      campo: 'AnnoNascita',
      messaggio:
        `${RIF_PERIODICA}: l'anno di nascita codificato nel codice fiscale (7° e 8° carattere) non corrisponde ` +
        'ad AnnoNascita 1986. Questo non blocca la prestazione; verificare su un documento quale dei due dati è ' +
        'errato e correggerlo.',
    });
  });

  it('warns when the sex differs', () => {
    const s = unica(esitoDi(prestazionePeriodica(), anagrafica({ genere: '2' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['ANAGRAFICA_CF_GENERE_INCOERENTE', 'AVVISO', 'Genere']);
    expect(s.messaggio).toBe(
      `${RIF_PERIODICA}: il codice fiscale è di un uomo, ma Genere è «2» (femmina). Questo non blocca la ` +
        'prestazione; verificare su un documento quale dei due dati è errato e correggerlo.',
    );
  });

  it('warns when the birthplace differs, without quoting the code', () => {
    const s = unica(esitoDi(prestazionePeriodica(), anagrafica({ luogoNascita: 'H501' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['ANAGRAFICA_CF_LUOGO_INCOERENTE', 'AVVISO', 'LuogoNascita']);
    expect(s.messaggio).toContain('non corrisponde a LuogoNascita «H501»');
    expect(s.messaggio).not.toContain('A562');
  });

  it('decodes omocode letters before comparing (place A562 in RSSMRA85T10ARSNO)', () => {
    expect(esitoDi(prestazionePeriodica(), { codiceFiscale: 'RSSMRA85T10ARSNO' }).segnalazioni).toEqual([]);
  });

  it('rejects a year of birth in the future; temporary codes encode nothing to compare', () => {
    const esito = esitoDi(prestazionePeriodica(), { codiceFiscale: '00743110157', ...anagrafica({ annoNascita: '2025', genere: '2' }) });
    expect(esito.stato).toBe('RIFIUTATO');
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'ANAGRAFICA_ANNO_NASCITA_FUTURO',
        gravita: 'ERRORE',
        campo: 'AnnoNascita',
        messaggio:
          "Prestazione n. 1 (A1.04, domanda 2024/SC00001) del beneficiario 007******57: l'anno di nascita 2025 " +
          "(AnnoNascita) è successivo all'anno in corso, 2024. Correggere l'anno di nascita e inviare di nuovo la " +
          'prestazione.',
      },
    ]);
  });

  it('puts the problems of the beneficiary on each of its benefits', () => {
    const b = beneficiario(
      [prestazionePeriodica({ posizione: { numero: 1, riga: 6 } }), prestazioneOccasionale({ posizione: { numero: 2, riga: 7 } })],
      anagrafica({ annoNascita: '1986' }),
    );
    const esiti = valida(b);
    expect(esiti.map((e) => [e.numero, e.stato, codici(e)])).toEqual([
      [1, 'ACCETTATO_CON_AVVISI', ['ANAGRAFICA_CF_ANNO_INCOERENTE']],
      [2, 'ACCETTATO_CON_AVVISI', ['ANAGRAFICA_CF_ANNO_INCOERENTE']],
    ]);
    expect(esiti[1]?.segnalazioni[0]?.messaggio.startsWith(`Prestazione n. 2 (A1.06, domanda 2024/BS00042) del beneficiario ${CF_MASCHERATO}: `)).toBe(true);
  });
});

describe('validaBeneficiario: Indirizzo (table 7)', () => {
  function indirizzi(...list: BeneficiarioFlusso['indirizzi']): Partial<BeneficiarioFlusso> {
    return { indirizzi: list };
  }

  it('rejects a residence in Italy without CodiceRegione, for every benefit', () => {
    const b = beneficiario(
      [prestazionePeriodica({ posizione: { numero: 1, riga: 6 } }), prestazioneOccasionale({ posizione: { numero: 2, riga: 7 } })],
      indirizzi({ codiceComune: '058091', codiceNazione: '380' }),
    );
    const esiti = valida(b);
    expect(esiti.map((e) => [e.stato, codici(e)])).toEqual([
      ['RIFIUTATO', ['INDIRIZZO_REGIONE_MANCANTE']],
      ['RIFIUTATO', ['INDIRIZZO_REGIONE_MANCANTE']],
    ]);
    expect(esiti[0]?.segnalazioni[0]).toEqual({
      codice: 'INDIRIZZO_REGIONE_MANCANTE',
      gravita: 'ERRORE',
      campo: 'CodiceRegione',
      messaggio:
        `${RIF_PERIODICA}: la residenza è in Italia (CodiceNazione 380) ma manca CodiceRegione. Indicare il ` +
        'codice della regione di residenza (due cifre, codifica DM1986, ad esempio 08 per il Lazio) e inviare di nuovo le 2 ' +
        'prestazioni del beneficiario.',
    });
  });

  it('rejects a residence in Italy without CodiceComune', () => {
    const s = unica(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '08', codiceNazione: '380' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['INDIRIZZO_COMUNE_MANCANTE', 'ERRORE', 'CodiceComune']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_PERIODICA);
  });

  it('accepts a residence abroad without region and comune', () => {
    expect(esitoDi(prestazionePeriodica(), indirizzi({ codiceNazione: '642' })).segnalazioni).toEqual([]);
  });

  it('warns about a comune missing from the 2020 ISTAT list', () => {
    const s = unica(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '08', codiceComune: '058999', codiceNazione: '380' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['INDIRIZZO_COMUNE_SCONOSCIUTO', 'AVVISO', 'CodiceComune']);
    expect(s.messaggio).toBe(
      `${RIF_PERIODICA}: CodiceComune «058999» non è nell'elenco ISTAT dei comuni al 1° gennaio 2020. Questo ` +
        'non blocca la prestazione; se il comune è stato istituito dopo il 2020 non occorre fare nulla, ' +
        'altrimenti correggere il codice nei prossimi invii.',
    );
  });

  it('warns when the comune is not in the region given, reading CodiceRegione in the DM1986 coding', () => {
    // 12 is Lazio for ISTAT but Molise in DM1986: sent with Rome, it is incoherent.
    const s = unica(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '12', codiceComune: '058091', codiceNazione: '380' })));
    expect(s).toEqual({
      codice: 'INDIRIZZO_REGIONE_INCOERENTE',
      gravita: 'AVVISO',
      campo: 'CodiceRegione',
      messaggio:
        `${RIF_PERIODICA}: il comune di residenza Roma (CodiceComune 058091) è in Lazio (codice DM1986 08), ` +
        'ma CodiceRegione è «12» (Molise). Questo non blocca la prestazione; correggere CodiceRegione o ' +
        'CodiceComune nei prossimi invii.',
    });
  });

  it('tells the autonomous provinces apart: Bolzano 03 and Trento 18, both ISTAT region 04', () => {
    // 021008 Bolzano, 022205 Trento.
    expect(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '03', codiceComune: '021008', codiceNazione: '380' })).segnalazioni).toEqual([]);
    expect(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '18', codiceComune: '022205', codiceNazione: '380' })).segnalazioni).toEqual([]);
    expect(codici(esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '18', codiceComune: '021008', codiceNazione: '380' })))).toEqual([
      'INDIRIZZO_REGIONE_INCOERENTE',
    ]);
  });

  it('warns about a region code that is no region when the comune cannot tell', () => {
    const esito = esitoDi(prestazionePeriodica(), indirizzi({ codiceRegione: '25', codiceComune: '999999', codiceNazione: '380' }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(codici(esito)).toEqual(['INDIRIZZO_COMUNE_SCONOSCIUTO', 'INDIRIZZO_REGIONE_SCONOSCIUTA']);
  });

  it('names which address is wrong when there are several', () => {
    const s = unica(
      esitoDi(
        prestazionePeriodica(),
        indirizzi({ codiceRegione: '08', codiceComune: '058091', codiceNazione: '380' }, { codiceRegione: '10', codiceNazione: '380' }),
      ),
    );
    expect(s.codice).toBe('INDIRIZZO_COMUNE_MANCANTE');
    expect(s.messaggio).toContain("manca CodiceComune nell'indirizzo n. 2.");
  });
});

describe('validaBeneficiario: table 9, periodic and one-off', () => {
  it('rejects a benefit without CaratterePrestazione, which the XSD allows and table 9 does not', () => {
    const s = unica(esitoDi(prestazionePeriodica({ caratterePrestazione: undefined })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_CARATTERE_MANCANTE',
      gravita: 'ERRORE',
      campo: 'CaratterePrestazione',
      messaggio:
        `${RIF_PERIODICA}: manca CaratterePrestazione (1 periodica, 2 occasionale): la tabella 9 della ` +
        'specifica lo rende obbligatorio anche se lo schema XSD lo ammette assente. Indicarlo e inviare di ' +
        'nuovo la prestazione.',
    });
  });

  it('rejects a periodic benefit without DataInizioPrestazione', () => {
    const s = unica(esitoDi(prestazionePeriodica({ dataInizioPrestazione: undefined })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_DATA_INIZIO_MANCANTE', 'ERRORE', 'DataInizioPrestazione']);
    expect(s.messaggio).toBe(
      `${RIF_PERIODICA}: la prestazione è periodica (CaratterePrestazione 1) ma manca DataInizioPrestazione. ` +
        'Indicare la data di inizio e inviare di nuovo la prestazione.',
    );
  });

  it('rejects a periodic benefit without ImportoMensile', () => {
    const s = unica(esitoDi(prestazionePeriodica({ importoMensile: undefined })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_MENSILE_MANCANTE', 'ERRORE', 'ImportoMensile']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_PERIODICA);
  });

  it('rejects a one-off benefit without DataErogazionePrestazione', () => {
    const s = unica(esitoDi(prestazioneOccasionale({ dataErogazionePrestazione: undefined })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_DATA_EROGAZIONE_MANCANTE', 'ERRORE', 'DataErogazionePrestazione']);
    expect(s.messaggio).toBe(
      `${RIF_OCCASIONALE}: la prestazione è occasionale (CaratterePrestazione 2) ma manca ` +
        "DataErogazionePrestazione. Indicare la data dell'erogazione e inviare di nuovo la prestazione.",
    );
  });

  it('rejects a one-off benefit without ImportoPrestazione', () => {
    const s = unica(esitoDi(prestazioneOccasionale({ importoPrestazione: undefined })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_MANCANTE', 'ERRORE', 'ImportoPrestazione']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_OCCASIONALE);
  });
});

describe('validaBeneficiario: table 9, dates', () => {
  it('rejects an end date in another year than the start', () => {
    const s = unica(esitoDi(prestazionePeriodica({ dataInizioPrestazione: '2023-11-01', dataFinePrestazione: '2024-02-29' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_DATA_FINE_ANNO_DIVERSO',
      gravita: 'ERRORE',
      campo: 'DataFinePrestazione',
      messaggio:
        `${RIF_PERIODICA}: DataFinePrestazione 2024-02-29 non è nello stesso anno di DataInizioPrestazione ` +
        '2023-11-01, come richiede la specifica. Chiudere la prestazione al 2023-12-31 e inviare il periodo dal ' +
        '2024-01-01 come nuova prestazione.',
    });
  });

  it('rejects an end date before the start', () => {
    const s = unica(esitoDi(prestazionePeriodica({ dataFinePrestazione: '2024-01-31' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_DATA_FINE_PRECEDENTE', 'ERRORE', 'DataFinePrestazione']);
    expect(s.messaggio).toBe(
      `${RIF_PERIODICA}: DataFinePrestazione 2024-01-31 precede DataInizioPrestazione 2024-02-01. Correggere le ` +
        'date e inviare di nuovo la prestazione.',
    );
  });

  it('rejects start, payment, event and DSU dates after the day of reception', () => {
    const casi = [
      [prestazionePeriodica({ dataInizioPrestazione: '2024-07-01', dataFinePrestazione: undefined }), 'DataInizioPrestazione', RIF_PERIODICA],
      [prestazioneOccasionale({ dataErogazionePrestazione: '2024-07-01' }), 'DataErogazionePrestazione', RIF_OCCASIONALE],
      [prestazionePeriodica({ dataEvento: '2024-12-01' }), 'DataEvento', RIF_PERIODICA],
      [prestazionePeriodica({ dataDSU: '2024-07-01' }), 'DataDSU', RIF_PERIODICA],
    ] as const;
    for (const [p, campo, rif] of casi) {
      const s = unica(esitoDi(p));
      expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_DATA_FUTURA', 'ERRORE', campo]);
      expectIndirizzataAllaPrestazione(s.messaggio, rif);
    }
    expect(unica(esitoDi(casi[0][0])).messaggio).toBe(
      `${RIF_PERIODICA}: DataInizioPrestazione 2024-07-01 è successiva alla data di ricezione, 2024-06-30: il ` +
        'casellario registra prestazioni già concesse. Correggere la data o inviare la prestazione quando è ' +
        'stata concessa.',
    );
  });

  it('accepts a planned end date later in the year', () => {
    const esito = esitoDi(prestazionePeriodica({ dataFinePrestazione: '2024-12-31', periodoErogazione: '11' }));
    expect(esito.segnalazioni).toEqual([]);
  });
});

describe('validaBeneficiario: table 9, amounts', () => {
  it('rejects a zero ImportoMensile', () => {
    const s = unica(
      esitoDi(prestazionePeriodica({ importoMensile: '0.00', importoQuotaEnte: undefined, importoQuotaUtente: undefined })),
    );
    expect(s).toEqual({
      codice: 'PRESTAZIONE_IMPORTO_NON_POSITIVO',
      gravita: 'ERRORE',
      campo: 'ImportoMensile',
      messaggio:
        `${RIF_PERIODICA}: ImportoMensile vale 0.00, ma la specifica lo vuole maggiore di zero. Indicare ` +
        "l'importo mensile erogato e inviare di nuovo la prestazione.",
    });
  });

  it('rejects a negative ImportoPrestazione', () => {
    const s = unica(esitoDi(prestazioneOccasionale({ importoPrestazione: '-150.00' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_NON_POSITIVO', 'ERRORE', 'ImportoPrestazione']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_OCCASIONALE);
  });

  it('rejects a zero ImportoQuotaEnte', () => {
    const s = unica(esitoDi(prestazionePeriodica({ importoQuotaEnte: '0', importoQuotaUtente: '300.00' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_NON_POSITIVO', 'ERRORE', 'ImportoQuotaEnte']);
    expect(s.messaggio).toContain("Se l'ente non paga una quota, omettere l'attributo");
  });

  it('rejects a zero ImportoQuotaSSN', () => {
    const s = unica(esitoDi(prestazioneConSina({ importoQuotaEnte: '640.50', importoQuotaSSN: '0.0' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_NON_POSITIVO', 'ERRORE', 'ImportoQuotaSSN']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_SINA);
  });

  it('accepts a zero ImportoQuotaUtente and rejects a negative one', () => {
    expect(esitoDi(prestazionePeriodica({ importoQuotaEnte: '300.00', importoQuotaUtente: '0' })).segnalazioni).toEqual([]);
    const s = unica(esitoDi(prestazionePeriodica({ importoQuotaEnte: '350.00', importoQuotaUtente: '-50.00' })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_IMPORTO_NEGATIVO', 'ERRORE', 'ImportoQuotaUtente']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_PERIODICA);
  });

  it('rejects quotas that miss the monthly amount by one cent, giving the difference', () => {
    const s = unica(esitoDi(prestazionePeriodica({ importoQuotaUtente: '49.99' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_QUOTE_SOMMA_DIVERSA',
      gravita: 'ERRORE',
      campo: 'ImportoMensile',
      messaggio:
        `${RIF_PERIODICA}: le quote (ImportoQuotaEnte 250.00 + ImportoQuotaUtente 49.99) sommano a 299.99, ma ` +
        "ImportoMensile è 300.00 (differenza 0.01). Le quote indicate devono sommare esattamente, al centesimo, all'importo " +
        "mensile. Correggere le quote o l'importo e inviare di nuovo la prestazione.",
    });
  });

  it('compares the quotas of a one-off benefit with ImportoPrestazione', () => {
    const s = unica(esitoDi(prestazioneOccasionale({ importoQuotaEnte: '100.00', importoQuotaSSN: '40.00' })));
    expect([s.codice, s.campo]).toEqual(['PRESTAZIONE_QUOTE_SOMMA_DIVERSA', 'ImportoPrestazione']);
    expect(s.messaggio).toContain('sommano a 140.00, ma ImportoPrestazione è 150.00 (differenza 10.00)');
  });

  it('sums exactly, to the cent, amounts with more decimals than binary floats hold', () => {
    expect(esitoDi(prestazionePeriodica({ importoMensile: '0.3', importoQuotaEnte: '0.1', importoQuotaUtente: '0.2' })).segnalazioni).toEqual([]);
    expect(esitoDi(prestazionePeriodica({ importoQuotaEnte: '200.005', importoQuotaUtente: '99.995' })).segnalazioni).toEqual([]);
  });
});

describe('validaBeneficiario: table 9, DSU', () => {
  it('rejects a DSU reference with a field missing', () => {
    const s = unica(esitoDi(prestazionePeriodica({ dataDSU: undefined })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_DSU_INCOMPLETA',
      gravita: 'ERRORE',
      campo: 'DataDSU',
      messaggio:
        `${RIF_PERIODICA}: sono indicati NumeroProtocolloDSU e AnnoProtocolloDSU ma manca DataDSU: i dati della ` +
        'DSU (NumeroProtocolloDSU, AnnoProtocolloDSU, DataDSU) vanno indicati tutti o nessuno. Completare i dati ' +
        'della DSU e inviare di nuovo la prestazione.',
    });
  });

  it('counts an empty NumeroProtocolloDSU (the XSD allows it) as missing', () => {
    const s = unica(esitoDi(prestazionePeriodica({ numeroProtocolloDSU: '' })));
    expect([s.codice, s.campo]).toEqual(['PRESTAZIONE_DSU_INCOMPLETA', 'NumeroProtocolloDSU']);
  });

  it('warns about an ISEE-tested benefit without any DSU reference', () => {
    const esito = esitoDi(prestazionePeriodica({ numeroProtocolloDSU: undefined, annoProtocolloDSU: undefined, dataDSU: undefined }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    expect(unica(esito)).toEqual({
      codice: 'PRESTAZIONE_ISEE_SENZA_DSU',
      gravita: 'AVVISO',
      campo: 'PresenzaProvaMezzi',
      messaggio:
        `${RIF_PERIODICA}: la prestazione è soggetta a ISEE (PresenzaProvaMezzi 1) ma non indica la DSU. Questo ` +
        'non blocca la prestazione; indicare NumeroProtocolloDSU, AnnoProtocolloDSU e DataDSU della ' +
        'dichiarazione usata per concederla, oppure correggere PresenzaProvaMezzi se la prestazione non è ' +
        'soggetta a ISEE.',
    });
  });
});

describe('validaBeneficiario: table 9, presa in carico', () => {
  it('rejects a presa in carico without AreaUtenza', () => {
    const s = unica(esitoDi(prestazionePeriodica({ areaUtenza: undefined })));
    expect([s.codice, s.gravita, s.campo]).toEqual(['PRESTAZIONE_AREA_UTENZA_MANCANTE', 'ERRORE', 'AreaUtenza']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_PERIODICA);
  });

  it('rejects codes A2.16–A2.29 without presa in carico', () => {
    const p = prestazionePeriodica({
      codicePrestazione: 'A2.16',
      denominazionePrestazione: 'Interventi di supporto per il reperimento di alloggi',
      presaCarico: '2',
      areaUtenza: undefined,
    });
    const s = unica(esitoDi(p));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_RICHIEDE_PRESA_IN_CARICO',
      gravita: 'ERRORE',
      campo: 'PresaCarico',
      messaggio:
        `Prestazione n. 1 (A2.16, domanda 2024/SC00001) del beneficiario ${CF_MASCHERATO}: il codice A2.16 si ` +
        'invia solo con la presa in carico del servizio sociale professionale (codici da A2.16 a A2.29), ma ' +
        "PresaCarico è «2». Se c'è presa in carico indicare PresaCarico 1 e AreaUtenza, altrimenti usare il " +
        'codice della prestazione effettivamente erogata; poi inviare di nuovo la prestazione.',
    });
    expect(esitoDi({ ...p, presaCarico: '1', areaUtenza: '3' }).segnalazioni).toEqual([]);
  });
});

describe('validaBeneficiario: table 9, codes and names', () => {
  it('rejects a malformed CodicePrestazione', () => {
    const s = unica(esitoDi(prestazionePeriodica({ codicePrestazione: 'A1-04' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_CODICE_FORMATO',
      gravita: 'ERRORE',
      campo: 'CodicePrestazione',
      messaggio:
        `Prestazione n. 1 (A1-04, domanda 2024/SC00001) del beneficiario ${CF_MASCHERATO}: CodicePrestazione ` +
        '«A1-04» non ha la forma dei codici del nomenclatore (una lettera maiuscola, una cifra, un punto e due ' +
        'cifre, ad esempio A1.04). Correggere il codice e inviare di nuovo la prestazione.',
    });
  });

  it('accepts a well-formed code missing from the nomenclatore, with an AVVISO', () => {
    const esito = esitoDi(prestazionePeriodica({ codicePrestazione: 'A1.99' }));
    expect(esito).toEqual({
      numero: 1,
      riga: 6,
      stato: 'ACCETTATO_CON_AVVISI',
      segnalazioni: [
        {
          codice: 'PRESTAZIONE_CODICE_SCONOSCIUTO',
          gravita: 'AVVISO',
          campo: 'CodicePrestazione',
          messaggio:
            `Prestazione n. 1 (A1.99, domanda 2024/SC00001) del beneficiario ${CF_MASCHERATO}: CodicePrestazione ` +
            '«A1.99» è ben formato ma non è nel nomenclatore in uso. Questo non blocca la prestazione; se il codice ' +
            'non è stato introdotto di recente, verificare che sia quello giusto.',
        },
      ],
    });
  });

  it("warns when the name differs from the nomenclatore's, without quoting the flow's free text", () => {
    const s = unica(esitoDi(prestazionePeriodica({ denominazionePrestazione: 'Contributo affitto famiglia Rossi' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_DENOMINAZIONE_DIVERSA',
      gravita: 'AVVISO',
      campo: 'DenominazionePrestazione',
      messaggio:
        `${RIF_PERIODICA}: DenominazionePrestazione è diversa dalla denominazione del nomenclatore per A1.04, ` +
        '«Contributi economici a integrazione del reddito familiare». Questo non blocca la prestazione, ' +
        'registrata con il codice A1.04; verificare che il codice sia quello della prestazione erogata e usare ' +
        'la denominazione del nomenclatore nei prossimi invii.',
    });
    expect(s.messaggio).not.toContain('Rossi');
  });

  it('ignores case, accents and spacing in the name, and does not expect "Altro" for Z9.99', () => {
    const maiuscolo = prestazionePeriodica({ denominazionePrestazione: 'CONTRIBUTI ECONOMICI A INTEGRAZIONE DEL  REDDITO FAMILIARE ' });
    expect(esitoDi(maiuscolo).segnalazioni).toEqual([]);
    const altro = prestazioneOccasionale({ codicePrestazione: 'Z9.99', denominazionePrestazione: 'Contributo straordinario per calamità' });
    expect(esitoDi(altro).segnalazioni).toEqual([]);
  });
});

describe('validaBeneficiario: table 9, period and hours', () => {
  it('warns when PeriodoErogazione does not match the months between start and end', () => {
    const s = unica(esitoDi(prestazionePeriodica({ periodoErogazione: '6' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_PERIODO_INCOERENTE',
      gravita: 'AVVISO',
      campo: 'PeriodoErogazione',
      messaggio:
        `${RIF_PERIODICA}: PeriodoErogazione è 6 mesi, ma tra DataInizioPrestazione 2024-02-01 e ` +
        'DataFinePrestazione 2024-05-31 ci sono 4 mesi. Questo non blocca la prestazione; verificare le date o ' +
        'il numero di mesi di erogazione e correggerli nei prossimi invii.',
    });
  });

  it('accepts either count for a span that starts or ends mid-month', () => {
    const base = { dataInizioPrestazione: '2024-02-15', dataFinePrestazione: '2024-05-31' };
    expect(esitoDi(prestazionePeriodica({ ...base, periodoErogazione: '3' })).segnalazioni).toEqual([]);
    expect(esitoDi(prestazionePeriodica({ ...base, periodoErogazione: '4' })).segnalazioni).toEqual([]);
    const s = unica(esitoDi(prestazionePeriodica({ ...base, periodoErogazione: '5' })));
    expect(s.messaggio).toContain('ci sono tra 3 e 4 mesi');
  });

  it('reads OreServizioMensile as hours and minutes, with a comma or a point', () => {
    for (const ore of ['20,30', '20.30', '20.5', '744', '0.59', '12.300']) {
      expect(esitoDi(prestazioneConSina({ oreServizioMensile: ore })).segnalazioni).toEqual([]);
    }
  });

  it('rejects OreServizioMensile with 60 minutes or more, too many digits, or more hours than a month', () => {
    const s = unica(esitoDi(prestazioneConSina({ oreServizioMensile: '20.75' })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_ORE_SERVIZIO_FORMATO',
      gravita: 'ERRORE',
      campo: 'OreServizioMensile',
      messaggio:
        `${RIF_SINA}: OreServizioMensile «20.75» indica 75 minuti, ma i minuti vanno da 00 a 59 (HH,MM: ore, ` +
        'virgola o punto, minuti). Indicare le ore del mese come ore e minuti (ad esempio 12,30 o 12.30 per ' +
        'dodici ore e mezza) e inviare di nuovo la prestazione.',
    });
    expect(unica(esitoDi(prestazioneConSina({ oreServizioMensile: '20.305' }))).messaggio).toContain(
      'ha 3 cifre dopo il separatore, ma i minuti sono al massimo due cifre',
    );
    expect(unica(esitoDi(prestazioneConSina({ oreServizioMensile: '745' }))).messaggio).toContain(
      'supera le 744 ore che un mese può contenere',
    );
  });
});

describe('validaBeneficiario: SINA', () => {
  it('rejects a malformed NecessitaInterventiSociali code', () => {
    const p = prestazioneConSina();
    const s = unica(esitoDi({ ...p, sina: p.sina && { ...p.sina, necessitaInterventiSociali: ['A2.07', 'ADI-01'] } }));
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINA_CODICE_FORMATO', 'ERRORE', 'NecessitaInterventiSociali']);
    expect(s.messaggio).toContain('il codice «ADI-01» di NecessitaInterventiSociali (valutazione SINA) non ha la forma');
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_SINA);
  });

  it('accepts an unknown well-formed NecessitaInterventiSociali code with an AVVISO', () => {
    const p = prestazioneConSina();
    const esito = esitoDi({ ...p, sina: p.sina && { ...p.sina, necessitaInterventiSociali: ['A2.17'] } });
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    const s = unica(esito);
    expect([s.codice, s.gravita, s.campo]).toEqual(['SINA_CODICE_SCONOSCIUTO', 'AVVISO', 'NecessitaInterventiSociali']);
    expectIndirizzataAllaPrestazione(s.messaggio, RIF_SINA);
  });
});

describe('validaBeneficiario: cancellation (TipoOperazione C)', () => {
  /** Only the key and what the XSD requires anyway. */
  function cancellazione(over: Partial<PrestazioneFlusso> = {}): PrestazioneFlusso {
    return {
      posizione: { numero: 1, riga: 6 },
      tipoOperazione: 'C',
      presenzaProvaMezzi: '1',
      codicePrestazione: 'A1.04',
      denominazionePrestazione: 'Contributi economici a integrazione del reddito familiare',
      protocolloDomanda: '2024/SC00001',
      dataInizioPrestazione: '2024-02-01',
      presaCarico: '1',
      ...over,
    };
  }

  it('accepts a cancellation carrying only its key, ignoring the rules on what it does not store', () => {
    // No CaratterePrestazione, no DSU with PresenzaProvaMezzi 1, no AreaUtenza with PresaCarico 1, no region: all fine for a C.
    const esito = esitoDi(cancellazione(), { indirizzi: [{ codiceComune: '058091', codiceNazione: '380' }] });
    expect(esito).toEqual({ numero: 1, riga: 6, stato: 'ACCETTATO', segnalazioni: [] });
    expect(esitoDi(cancellazione({ denominazionePrestazione: 'Testo qualsiasi libero', importoMensile: '-1' })).segnalazioni).toEqual([]);
  });

  it('rejects a cancellation without the date that identifies the benefit', () => {
    const s = unica(esitoDi(cancellazione({ dataInizioPrestazione: undefined })));
    expect(s).toEqual({
      codice: 'PRESTAZIONE_CANCELLAZIONE_DATA_MANCANTE',
      gravita: 'ERRORE',
      campo: 'DataInizioPrestazione',
      messaggio:
        `${RIF_PERIODICA}: è una cancellazione (TipoOperazione C) ma manca DataInizioPrestazione o ` +
        'DataErogazionePrestazione, che insieme a ente, codice fiscale, CodicePrestazione e ProtocolloDomanda ' +
        'identifica la prestazione da cancellare. Indicare la data della prestazione inviata in origine e ' +
        'inviare di nuovo la cancellazione.',
    });
    const occasionale = unica(esitoDi(cancellazione({ caratterePrestazione: '2' })));
    expect([occasionale.codice, occasionale.campo]).toEqual(['PRESTAZIONE_CANCELLAZIONE_DATA_MANCANTE', 'DataErogazionePrestazione']);
    expect(esitoDi(cancellazione({ dataInizioPrestazione: undefined, dataErogazionePrestazione: '2024-03-15' })).segnalazioni).toEqual([]);
  });

  it('leaves a cancellation out of the problems of the person, which concern only the other benefits', () => {
    const b = beneficiario([prestazionePeriodica(), cancellazione({ posizione: { numero: 2, riga: 7 } })], {
      indirizzi: [{ codiceComune: '058091', codiceNazione: '380' }],
    });
    const esiti = valida(b);
    expect(esiti.map((e) => [e.numero, e.stato, codici(e)])).toEqual([
      [1, 'RIFIUTATO', ['INDIRIZZO_REGIONE_MANCANTE']],
      [2, 'ACCETTATO', []],
    ]);
    expect(esiti[0]?.segnalazioni[0]?.messaggio).toContain('e inviare di nuovo la prestazione.');
  });

  it('still judges the key: codice fiscale, code shape and key date', () => {
    expect(codici(esitoDi(cancellazione(), { codiceFiscale: 'RSSMRA85T10A562X' }))).toEqual(['BENEFICIARIO_CF_CONTROLLO']);
    expect(codici(esitoDi(cancellazione({ codicePrestazione: 'A1-04' })))).toEqual(['PRESTAZIONE_CODICE_FORMATO']);
    expect(codici(esitoDi(cancellazione({ dataInizioPrestazione: '2024-07-01' })))).toEqual(['PRESTAZIONE_DATA_FUTURA']);
    // An unknown but well-formed code was accepted when sent; cancelling it warns no more.
    expect(codici(esitoDi(cancellazione({ codicePrestazione: 'A1.99' })))).toEqual([]);
  });
});

describe('validaBeneficiario: flow header', () => {
  it('copies the AVVISI of the header to every benefit', () => {
    const intestazione = intestazionePs({ ente: { codice: 'H501', indirizzo: 'H501', cfOperatore: 'CCCDDD25A42H199X' } });
    const b = beneficiario([prestazionePeriodica(), prestazioneOccasionale({ posizione: { numero: 2, riga: 7 } })]);
    const esiti = validaBeneficiario(b, contesto(intestazione));
    expect(esiti.map((e) => [e.numero, e.stato, codici(e)])).toEqual([
      [1, 'ACCETTATO_CON_AVVISI', ['OPERATORE_CF_NON_VALIDO']],
      [2, 'ACCETTATO_CON_AVVISI', ['OPERATORE_CF_NON_VALIDO']],
    ]);
  });

  it('rejects every benefit of a flow whose header is wrong, still listing their own problems', () => {
    const intestazione = intestazionePs({ nome: 'F205.PS.20240115.0000001' });
    const b = beneficiario([prestazionePeriodica(), prestazioneOccasionale({ posizione: { numero: 2, riga: 7 }, importoPrestazione: undefined })]);
    const esiti = validaBeneficiario(b, contesto(intestazione));
    expect(esiti.map((e) => [e.numero, e.stato, codici(e)])).toEqual([
      [1, 'RIFIUTATO', ['FLUSSO_NOME_ENTE']],
      [2, 'RIFIUTATO', ['FLUSSO_NOME_ENTE', 'PRESTAZIONE_IMPORTO_MANCANTE']],
    ]);
  });

  it('never writes the codice fiscale in clear, whatever goes wrong', () => {
    const b = beneficiario(
      [
        prestazionePeriodica({ importoQuotaUtente: '1', dataDSU: undefined, areaUtenza: undefined, periodoErogazione: '9' }),
        prestazioneOccasionale({ posizione: { numero: 2, riga: 7 }, codicePrestazione: 'A9.99', oreServizioMensile: '1.99' }),
      ],
      { anagrafica: { ...beneficiario().anagrafica, annoNascita: '1984', genere: '2', luogoNascita: 'F205' } },
    );
    const messaggi = valida(b).flatMap((e) => e.segnalazioni.map((s) => s.messaggio));
    expect(messaggi).toHaveLength(12);
    for (const m of messaggi) {
      expect(m).not.toContain(CF);
      expect(m).toContain(CF_MASCHERATO);
    }
  });
});
