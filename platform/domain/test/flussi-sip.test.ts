import { describe, expect, it } from 'vitest';
import { omocodeVariant } from '../src/codice-fiscale';
import { validaCasoSip } from '../src/flussi/sip';
import type { CodiceSegnalazione, EsitoRecord } from '../src/flussi/esito';
import type { CasoSipFlusso } from '../src/flussi/records';
import type { ContestoValidazione } from '../src/flussi/contesto';
import { CF, CF_CONIUGE, CF_FIGLIA, CF_OPERATORE, casoSip, componenteSip, contesto, intestazioneSip, unica } from './support/flussi';

const RIF = 'Caso SIP n. 1 (ProtocolloCaso «RM-ADI-2024-000123»)';

function valida(caso: CasoSipFlusso, over: Partial<ContestoValidazione> = {}): EsitoRecord {
  return validaCasoSip(caso, { ...contesto(intestazioneSip()), ...over });
}

function codici(esito: EsitoRecord): CodiceSegnalazione[] {
  return esito.segnalazioni.map((s) => s.codice);
}

/** The case with the third member (the daughter, who has no commitment) changed: another code, or other attributes. */
function conFiglia(over: Parameters<typeof componenteSip>[1], cf = CF_FIGLIA): CasoSipFlusso {
  const figlia = componenteSip(CF_FIGLIA, over);
  return casoSip({ nucleo: [componenteSip(CF), componenteSip(CF_CONIUGE), { ...figlia, codiceFiscale: cf }] });
}

const progetto = casoSip().progetto!;

describe('validaCasoSip', () => {
  it('accepts a complete case with no segnalazioni', () => {
    expect(valida(casoSip())).toEqual({ numero: 1, riga: 5, stato: 'ACCETTATO', segnalazioni: [] });
  });

  it('rejects a member whose codice fiscale fails its check character, naming the member by its masked code only', () => {
    const esito = valida(conFiglia({}, 'RSSGLI15C65H501C'));
    expect(esito.stato).toBe('RIFIUTATO');
    expect(unica(esito)).toEqual({
      codice: 'SIP_COMPONENTE_CF_CONTROLLO',
      gravita: 'ERRORE',
      campo: 'CodiceFiscale',
      messaggio:
        `${RIF}, componente n. 3: il codice fiscale RSS***********1C ha il carattere di controllo errato: dai primi 15 ` +
        'caratteri dovrebbe essere «B», nel flusso è «C». Un codice fiscale non valido non identifica il componente, ' +
        'quindi il caso non è stato acquisito. Correggere il codice fiscale del componente e inviare di nuovo il caso.',
    });
    expect(JSON.stringify(esito)).not.toContain('RSSGLI15C65H501C');
    expect(JSON.stringify(esito)).not.toContain('GIULIA');
  });

  it('rejects a temporary code with a wrong check digit, and accepts a right one without judging its Anagrafica', () => {
    expect(unica(valida(conFiglia({}, '12345678901')))).toEqual({
      codice: 'SIP_COMPONENTE_CF_PROVVISORIO_CONTROLLO',
      gravita: 'ERRORE',
      campo: 'CodiceFiscale',
      messaggio:
        `${RIF}, componente n. 3: il codice fiscale provvisorio 123******01 ha la cifra di controllo errata: dalle ` +
        'prime 10 cifre dovrebbe essere «3», nel flusso è «1». Un codice fiscale non valido non identifica il ' +
        'componente, quindi il caso non è stato acquisito. Correggere il codice fiscale del componente e inviare di nuovo il caso.',
    });
    expect(valida(conFiglia({}, '12345678903')).segnalazioni).toEqual([]);
  });

  it('rejects a code with an impossible day of birth', () => {
    expect(unica(valida(conFiglia({}, 'RSSGLI15C95H501B')))).toEqual({
      codice: 'SIP_COMPONENTE_CF_FORMATO',
      gravita: 'ERRORE',
      campo: 'CodiceFiscale',
      messaggio:
        `${RIF}, componente n. 3: il codice fiscale RSS***********1B ha nel 10° e 11° carattere un giorno di nascita ` +
        'impossibile (da 01 a 31 per gli uomini, da 41 a 71 per le donne). Un codice fiscale non valido non identifica ' +
        'il componente, quindi il caso non è stato acquisito. Correggere il codice fiscale del componente e inviare di nuovo il caso.',
    });
  });

  it('accepts an omocode as it is, reading its Anagrafica through the decoded digits', () => {
    const omocodice = omocodeVariant(CF_FIGLIA, 1);
    expect(omocodice).not.toBe(CF_FIGLIA);
    expect(valida(conFiglia({}, omocodice)).segnalazioni).toEqual([]);
  });

  it('warns, without rejecting, when Anagrafica disagrees with the codice fiscale', () => {
    const esito = valida(conFiglia({ anagrafica: { cognome: 'ROSSI', nome: 'GIULIA', annoNascita: '2014', luogoNascita: 'F839', genere: '1', codiceCittadinanza: '380' } }));
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    const verifica = 'Questo non blocca il caso; verificare su un documento quale dei due dati è errato e correggerlo.';
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'SIP_COMPONENTE_CF_ANNO_INCOERENTE',
        gravita: 'AVVISO',
        campo: 'AnnoNascita',
        messaggio: `${RIF}, componente n. 3 (RSS***********1B): l'anno di nascita codificato nel codice fiscale (7° e 8° carattere) non corrisponde ad AnnoNascita 2014. ${verifica}`,
      },
      {
        codice: 'SIP_COMPONENTE_CF_GENERE_INCOERENTE',
        gravita: 'AVVISO',
        campo: 'Genere',
        messaggio: `${RIF}, componente n. 3 (RSS***********1B): il codice fiscale è di una donna (giorno di nascita aumentato di 40), ma Genere è «1» (maschio). ${verifica}`,
      },
      {
        codice: 'SIP_COMPONENTE_CF_LUOGO_INCOERENTE',
        gravita: 'AVVISO',
        campo: 'LuogoNascita',
        messaggio: `${RIF}, componente n. 3 (RSS***********1B): il luogo di nascita codificato nel codice fiscale (dal 12° al 15° carattere) non corrisponde a LuogoNascita «F839». ${verifica}`,
      },
    ]);
    expect(JSON.stringify(esito)).not.toContain('ROSSI');
  });

  it('rejects a year of birth in the future', () => {
    const anagrafica = { ...componenteSip(CF_FIGLIA).anagrafica, annoNascita: '2025' };
    const esito = valida(conFiglia({ anagrafica }));
    expect(codici(esito)).toEqual(['SIP_COMPONENTE_ANNO_NASCITA_FUTURO', 'SIP_COMPONENTE_CF_ANNO_INCOERENTE']);
    expect(esito.segnalazioni[0]).toEqual({
      codice: 'SIP_COMPONENTE_ANNO_NASCITA_FUTURO',
      gravita: 'ERRORE',
      campo: 'AnnoNascita',
      messaggio: `${RIF}, componente n. 3 (RSS***********1B): l'anno di nascita 2025 (AnnoNascita) è successivo all'anno in corso, 2024. Correggere l'anno di nascita e inviare di nuovo il caso.`,
    });
  });

  it('rejects a household where the same person appears twice (whatever the spacing and case of the code)', () => {
    const caso = casoSip({ nucleo: [componenteSip(CF), componenteSip(CF_CONIUGE), { ...componenteSip(CF_CONIUGE, { ruolo: 'ALTRO' }), codiceFiscale: ` ${CF_CONIUGE.toLowerCase()} ` }] });
    expect(unica(valida(caso))).toEqual({
      codice: 'SIP_COMPONENTE_RIPETUTO',
      gravita: 'ERRORE',
      campo: 'CodiceFiscale',
      messaggio:
        `${RIF}, componente n. 3 (BNC***********1V): ha lo stesso codice fiscale del componente n. 2: ogni persona ` +
        'compare una sola volta nel Nucleo. Togliere il componente ripetuto e inviare di nuovo il caso.',
    });
  });

  it('rejects a household without an applicant, or with more than one', () => {
    expect(unica(valida(casoSip({ nucleo: [componenteSip(CF, { ruolo: 'CONIUGE' }), componenteSip(CF_CONIUGE)] })))).toEqual({
      codice: 'SIP_RICHIEDENTE_MANCANTE',
      gravita: 'ERRORE',
      campo: 'Ruolo',
      messaggio:
        `${RIF}: nessun componente del Nucleo ha Ruolo RICHIEDENTE: ogni caso ha esattamente un richiedente, chi ha ` +
        'presentato la domanda. Indicare il richiedente e inviare di nuovo il caso.',
    });
    const tre = casoSip({ nucleo: [CF, CF_CONIUGE, CF_FIGLIA].map((cf) => componenteSip(cf, { ruolo: 'RICHIEDENTE' })) });
    expect(unica(valida(tre))).toEqual({
      codice: 'SIP_RICHIEDENTE_MULTIPLO',
      gravita: 'ERRORE',
      campo: 'Ruolo',
      messaggio:
        `${RIF}: i componenti n. 1, 2 e 3 hanno tutti Ruolo RICHIEDENTE: ogni caso ha esattamente un richiedente, ` +
        'chi ha presentato la domanda. Indicare RICHIEDENTE per uno solo di loro e inviare di nuovo il caso.',
    });
    const due = casoSip({ nucleo: [componenteSip(CF), componenteSip(CF_CONIUGE, { ruolo: 'RICHIEDENTE' })] });
    expect(unica(valida(due)).messaggio).toContain('i componenti n. 1 e 2 hanno entrambi Ruolo RICHIEDENTE');
  });

  it("rejects a commitment whose member is not in the household", () => {
    const caso = casoSip({ nucleo: [componenteSip(CF), componenteSip(CF_FIGLIA)] });
    expect(unica(valida(caso))).toEqual({
      codice: 'SIP_IMPEGNO_FUORI_NUCLEO',
      gravita: 'ERRORE',
      campo: 'CodiceFiscale',
      messaggio:
        `${RIF}, impegno n. 2: il responsabile dell'impegno (BNC***********1V) non è un componente del Nucleo: ogni ` +
        "impegno è di un componente del nucleo. Indicare il codice fiscale del componente responsabile, o aggiungere " +
        'la persona al Nucleo, e inviare di nuovo il caso.',
    });
  });

  it('rejects dates after the day of reception, but not a commitment deadline', () => {
    const esito = valida(casoSip({ dataChiusura: '2024-07-01', progetto: { ...progetto, incontri: [{ data: '2024-07-15', esito: 'SVOLTO' }] } }));
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'SIP_DATA_FUTURA',
        gravita: 'ERRORE',
        campo: 'DataChiusura',
        messaggio: `${RIF}: DataChiusura 2024-07-01 è successiva alla data di ricezione, 2024-06-30: il casellario registra ciò che è già avvenuto. Correggere la data e inviare di nuovo il caso.`,
      },
      {
        codice: 'SIP_DATA_FUTURA',
        gravita: 'ERRORE',
        campo: 'Incontro@Data',
        messaggio: `${RIF}: la data dell'incontro n. 1 (Incontro@Data) 2024-07-15 è successiva alla data di ricezione, 2024-06-30: il casellario registra ciò che è già avvenuto. Correggere la data e inviare di nuovo il caso.`,
      },
    ]);
    // The base case has a commitment due 2024-12-31, after the day of reception: a deadline is planned.
    expect(progetto.impegni[1]?.scadenza).toBe('2024-12-31');
  });

  it('rejects dates the registry cannot store: years of five digits or negative, which xs:date allows', () => {
    const esito = valida(casoSip({ dataPattoDigitale: '-2024-01-20', progetto: { ...progetto, impegni: [{ ...progetto.impegni[0]!, scadenza: '12024-05-31' }] } }));
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'SIP_DATA_FORMATO',
        gravita: 'ERRORE',
        campo: 'DataPattoDigitale',
        messaggio: `${RIF}: DataPattoDigitale «-2024-01-20» non è una data che il registro può conservare: è richiesta una data AAAA-MM-GG con l'anno di quattro cifre. Correggere la data e inviare di nuovo il caso.`,
      },
      {
        codice: 'SIP_DATA_FORMATO',
        gravita: 'ERRORE',
        campo: 'Impegno@Scadenza',
        messaggio: `${RIF}: la scadenza dell'impegno n. 1 (Impegno@Scadenza) «12024-05-31» non è una data che il registro può conservare: è richiesta una data AAAA-MM-GG con l'anno di quattro cifre. Correggere la data e inviare di nuovo il caso.`,
      },
    ]);
    // A time zone, which xs:date allows, does not change the day.
    expect(valida(casoSip({ dataDomanda: '2024-01-15+01:00' })).segnalazioni).toEqual([]);
  });

  it('rejects stages dated before the stage they follow', () => {
    const rinvio = 'Correggere le date e inviare di nuovo il caso.';
    expect(unica(valida(casoSip({ analisiPreliminare: { data: '2024-01-10', esito: 'QUADRO_ANALISI' } })))).toEqual({
      codice: 'SIP_ANALISI_PRECEDE_DOMANDA',
      gravita: 'ERRORE',
      campo: 'AnalisiPreliminare@Data',
      messaggio: `${RIF}: l'analisi preliminare (AnalisiPreliminare@Data 2024-01-10) precede la domanda (DataDomanda 2024-01-15). ${rinvio}`,
    });
    const quadro = casoSip().quadroAnalisi!;
    expect(unica(valida(casoSip({ quadroAnalisi: { ...quadro, data: '2024-02-01' } })))).toEqual({
      codice: 'SIP_QUADRO_PRECEDE_ANALISI',
      gravita: 'ERRORE',
      campo: 'QuadroAnalisi@Data',
      messaggio: `${RIF}: il quadro di analisi (QuadroAnalisi@Data 2024-02-01) precede l'analisi preliminare (AnalisiPreliminare@Data 2024-02-12), che si fa sempre prima. ${rinvio}`,
    });
    expect(unica(valida(casoSip({ progetto: { ...progetto, dataSottoscrizione: '2024-03-01' } })))).toEqual({
      codice: 'SIP_PROGETTO_PRECEDE_ANALISI',
      gravita: 'ERRORE',
      campo: 'Progetto@DataSottoscrizione',
      messaggio: `${RIF}: il progetto (Progetto@DataSottoscrizione 2024-03-01) precede il quadro di analisi (QuadroAnalisi@Data 2024-03-05), su cui il progetto si fonda. ${rinvio}`,
    });
    // Without a quadro, the project rests on the analisi preliminare.
    expect(unica(valida(casoSip({ quadroAnalisi: undefined, analisiPreliminare: { data: '2024-02-12', esito: 'PATTO_SEMPLIFICATO' }, progetto: { ...progetto, tipo: 'PATTO_SEMPLIFICATO', dataSottoscrizione: '2024-02-01' } }))).messaggio).toBe(
      `${RIF}: il progetto (Progetto@DataSottoscrizione 2024-02-01) precede l'analisi preliminare (AnalisiPreliminare@Data 2024-02-12), su cui il progetto si fonda. ${rinvio}`,
    );
    expect(unica(valida(casoSip({ progetto: { ...progetto, incontri: [{ data: '2024-05-20', esito: 'SVOLTO' }, { data: '2024-03-25', esito: 'ASSENZA_GIUSTIFICATA' }] } })))).toEqual({
      codice: 'SIP_INCONTRO_PRECEDE_PROGETTO',
      gravita: 'ERRORE',
      campo: 'Incontro@Data',
      messaggio: `${RIF}: l'incontro n. 2 (Incontro@Data 2024-03-25) precede la sottoscrizione del progetto (Progetto@DataSottoscrizione 2024-03-26): gli incontri di monitoraggio seguono il progetto. ${rinvio}`,
    });
  });

  it('rejects a closure before the application, and accepts one on the same day', () => {
    const senzaTappe = { analisiPreliminare: undefined, quadroAnalisi: undefined, progetto: undefined };
    expect(unica(valida(casoSip({ ...senzaTappe, dataChiusura: '2024-01-14' })))).toEqual({
      codice: 'SIP_CHIUSURA_PRECEDE_DOMANDA',
      gravita: 'ERRORE',
      campo: 'DataChiusura',
      messaggio: `${RIF}: DataChiusura 2024-01-14 precede DataDomanda 2024-01-15: un caso si chiude dopo la domanda. Correggere le date e inviare di nuovo il caso.`,
    });
    expect(valida(casoSip({ ...senzaTappe, dataChiusura: '2024-01-15' })).segnalazioni).toEqual([]);
  });

  it('warns about codes missing from the configurable lists, and knows the lists the contesto gives', () => {
    const caso = casoSip({ analisiPreliminare: { data: '2024-02-12', esito: 'INVIO_CONSULTORIO' }, progetto: { ...progetto, sostegni: ['TIROCINIO_INCLUSIONE', 'ORTO_SOCIALE'] } });
    const esito = valida(caso);
    expect(esito.stato).toBe('ACCETTATO_CON_AVVISI');
    const nonBlocca = 'Questo non blocca il caso, registrato con questo codice; se il codice non è stato introdotto di recente, verificare che sia quello giusto.';
    expect(esito.segnalazioni).toEqual([
      {
        codice: 'SIP_ESITO_ANALISI_SCONOSCIUTO',
        gravita: 'AVVISO',
        campo: 'AnalisiPreliminare@Esito',
        messaggio: `${RIF}: l'esito dell'analisi preliminare «INVIO_CONSULTORIO» è ben formato ma non è nell'elenco degli esiti in uso. ${nonBlocca}`,
      },
      {
        codice: 'SIP_SOSTEGNO_SCONOSCIUTO',
        gravita: 'AVVISO',
        campo: 'Sostegno',
        messaggio: `${RIF}: il sostegno «ORTO_SOCIALE» del progetto è ben formato ma non è nell'elenco dei sostegni in uso. ${nonBlocca}`,
      },
    ]);
    const catalogoSip = {
      esitiAnalisiPreliminare: [{ codice: 'INVIO_CONSULTORIO', descrizione: 'Invio al consultorio familiare', prevedeProgetto: true }],
      sostegni: [
        { codice: 'TIROCINIO_INCLUSIONE', descrizione: 'Tirocinio di inclusione' },
        { codice: 'ORTO_SOCIALE', descrizione: 'Orto sociale' },
      ],
    };
    expect(valida(caso, { catalogoSip }).segnalazioni).toEqual([]);
  });

  it('refuses a catalogue code that carries a codice fiscale or an 11-digit code, without repeating it', () => {
    // A new code enters the list every purpose reads (programmazione and monitoraggio too).
    for (const [analisi, sostegni, campo] of [
      ['QUADRO_ANALISI', ['TIROCINIO_INCLUSIONE', 'BRNLNE51P45D383B'], 'Sostegno'],
      ['QUADRO_ANALISI', ['SOSTEGNO_BRNLNE51P45D383B'], 'Sostegno'],
      ['INVIO_12345678903', ['TIROCINIO_INCLUSIONE'], 'AnalisiPreliminare@Esito'],
    ] as const) {
      const esito = valida(casoSip({ analisiPreliminare: { data: '2024-02-12', esito: analisi }, progetto: { ...progetto, sostegni: [...sostegni] } }));
      expect(esito.stato).toBe('RIFIUTATO');
      expect(unica(esito)).toMatchObject({ codice: 'SIP_CODICE_CATALOGO_IDENTIFICATIVO', gravita: 'ERRORE', campo });
      expect(JSON.stringify(esito)).not.toMatch(/BRNLNE51P45D383B|12345678903/);
    }
    // A code merely long, or with digits, is a code.
    expect(valida(casoSip({ progetto: { ...progetto, sostegni: ['TIROCINIO_INCLUSIONE', 'BORSA_LAVORO_2024'] } })).stato).not.toBe('RIFIUTATO');
  });

  it('warns about a project that no analisi preliminare leads to', () => {
    const senzaAnalisi = valida(casoSip({ analisiPreliminare: undefined }));
    expect(unica(senzaAnalisi)).toEqual({
      codice: 'SIP_PROGETTO_NON_PREVISTO',
      gravita: 'AVVISO',
      campo: 'Progetto',
      messaggio: `${RIF}: c'è un progetto ma manca l'analisi preliminare, che si fa sempre e lo precede. Questo non blocca il caso; inviare l'analisi preliminare nei prossimi invii.`,
    });
    const cpi = valida(casoSip({ quadroAnalisi: undefined, analisiPreliminare: { data: '2024-02-12', esito: 'CPI' } }));
    expect(unica(cpi)).toEqual({
      codice: 'SIP_PROGETTO_NON_PREVISTO',
      gravita: 'AVVISO',
      campo: 'Progetto',
      messaggio:
        `${RIF}: c'è un progetto, ma l'esito dell'analisi preliminare «CPI» (Invio al Centro per l'impiego) non prevede ` +
        "un progetto in SIP. Questo non blocca il caso; verificare l'esito dell'analisi o il progetto nei prossimi invii.",
    });
  });

  it('judges a cancellation on its key only', () => {
    const annullamento = casoSip({
      tipoOperazione: 'C',
      dataChiusura: '2099-01-01',
      nucleo: [componenteSip('RSSGLI15C65H501C', { ruolo: 'FIGLIO' })],
      analisiPreliminare: { data: '2000-01-01', esito: 'SCONOSCIUTO' },
    });
    expect(valida(annullamento)).toEqual({ numero: 1, riga: 5, stato: 'ACCETTATO', segnalazioni: [] });
  });

  it("opens with the header's segnalazioni, and masks a case number shaped like a codice fiscale", () => {
    const esito = valida(casoSip({ protocolloCaso: CF, nucleo: [componenteSip(CF), componenteSip(CF_CONIUGE), componenteSip(CF_FIGLIA, { ruolo: 'RICHIEDENTE' })] }), {
      intestazione: intestazioneSip({ ente: { codice: 'H501', indirizzo: 'H501', cfOperatore: CF_OPERATORE.replace(/X$/, 'Y') } }),
    });
    expect(codici(esito)).toEqual(['OPERATORE_CF_NON_VALIDO', 'SIP_RICHIEDENTE_MULTIPLO']);
    expect(esito.segnalazioni[1]?.messaggio.startsWith('Caso SIP n. 1 (ProtocolloCaso «RSS***********2S»): i componenti n. 1 e 3')).toBe(true);
    expect(JSON.stringify(esito)).not.toContain(CF);
  });
});
