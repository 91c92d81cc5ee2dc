import { describe, expect, it } from 'vitest';
import { scadenzeCaso, type CasoPerScadenze } from './scadenze';

const REI: CasoPerScadenze = {
  misura: 'REI',
  dataDomanda: '2018-04-03',
  dataPattoDigitale: null,
  dataChiusura: null,
  analisiPreliminare: null,
  progetto: null,
  incontri: [],
  componenti: [{ attivabileLavoro: true }],
};

const ADI: CasoPerScadenze = {
  misura: 'ADI',
  dataDomanda: '2024-03-04',
  dataPattoDigitale: '2024-03-05',
  dataChiusura: null,
  analisiPreliminare: null,
  progetto: null,
  incontri: [],
  componenti: [{ attivabileLavoro: true }, { attivabileLavoro: false }],
};

const REI_ANALISI = 'Analisi preliminare entro 25 giorni lavorativi dalla domanda';
const REI_PROGETTO = "Progetto sottoscritto entro 20 giorni lavorativi dall'analisi preliminare";
const ADI_PRIMO = 'Primo incontro con i servizi entro 120 giorni dal patto di attivazione digitale';
const ADI_PERIODICO = 'Incontro di aggiornamento entro 90 giorni dal precedente (componenti non attivabili al lavoro)';

describe('scadenzeCaso: REI', () => {
  it('judges the analisi (25 working days) and the project (20 working days of the analisi)', () => {
    const met = scadenzeCaso(
      { ...REI, analisiPreliminare: { data: '2018-05-10', prevedeProgetto: true }, progetto: { dataSottoscrizione: '2018-06-07' } },
      '2026-01-01',
    );
    expect(met).toEqual([
      { tipo: 'REI_ANALISI_PRELIMINARE', descrizione: REI_ANALISI, dataLimite: '2018-05-10', dataAdempimento: '2018-05-10', rispettata: true },
      // 20 working days after 10 May 2018 end on 7 June: on the day is in time.
      { tipo: 'REI_PROGETTO', descrizione: REI_PROGETTO, dataLimite: '2018-06-07', dataAdempimento: '2018-06-07', rispettata: true },
    ]);
    const late = scadenzeCaso({ ...REI, analisiPreliminare: { data: '2018-05-11', prevedeProgetto: true } }, '2018-05-20');
    expect(late).toEqual([
      { tipo: 'REI_ANALISI_PRELIMINARE', descrizione: REI_ANALISI, dataLimite: '2018-05-10', dataAdempimento: '2018-05-11', rispettata: false },
      { tipo: 'REI_PROGETTO', descrizione: REI_PROGETTO, dataLimite: '2018-06-08', dataAdempimento: null, rispettata: null },
    ]);
  });

  it('marks a missing act as pending before the limit and missed after it', () => {
    expect(scadenzeCaso(REI, '2018-05-10')).toEqual([
      { tipo: 'REI_ANALISI_PRELIMINARE', descrizione: REI_ANALISI, dataLimite: '2018-05-10', dataAdempimento: null, rispettata: null },
    ]);
    expect(scadenzeCaso(REI, '2018-05-11')[0]?.rispettata).toBe(false);
  });

  it('has no project deadline when the analisi sends the case outside SIP', () => {
    const cpi = scadenzeCaso({ ...REI, analisiPreliminare: { data: '2018-04-20', prevedeProgetto: false } }, '2026-01-01');
    expect(cpi.map((s) => s.tipo)).toEqual(['REI_ANALISI_PRELIMINARE']);
  });

  it('drops a deadline that fell after the closure with its act never done', () => {
    expect(scadenzeCaso({ ...REI, dataChiusura: '2018-04-30' }, '2026-01-01')).toEqual([]);
    expect(scadenzeCaso({ ...REI, dataChiusura: '2018-06-30' }, '2026-01-01')[0]?.rispettata).toBe(false);
  });
});

describe('scadenzeCaso: ADI', () => {
  it('judges the first meeting within 120 days of the digital pact, then one every 90 days', () => {
    const caso: CasoPerScadenze = {
      ...ADI,
      analisiPreliminare: { data: '2024-04-10', prevedeProgetto: true },
      progetto: { dataSottoscrizione: '2024-05-20' },
      incontri: [
        { data: '2024-07-01', esito: 'SVOLTO' },
        { data: '2024-09-20', esito: 'ASSENZA_GIUSTIFICATA' },
        { data: '2024-10-15', esito: 'SVOLTO' },
      ],
    };
    expect(scadenzeCaso(caso, '2024-12-01')).toEqual([
      { tipo: 'ADI_PRIMO_INCONTRO', descrizione: ADI_PRIMO, dataLimite: '2024-07-03', dataAdempimento: '2024-04-10', rispettata: true },
      { tipo: 'ADI_INCONTRO_PERIODICO', descrizione: ADI_PERIODICO, dataLimite: '2024-07-09', dataAdempimento: '2024-07-01', rispettata: true },
      // An absence is not a meeting: the next one held came late.
      { tipo: 'ADI_INCONTRO_PERIODICO', descrizione: ADI_PERIODICO, dataLimite: '2024-09-29', dataAdempimento: '2024-10-15', rispettata: false },
      { tipo: 'ADI_INCONTRO_PERIODICO', descrizione: ADI_PERIODICO, dataLimite: '2025-01-13', dataAdempimento: null, rispettata: null },
    ]);
  });

  it('needs no periodic meetings when every member can be activated for work', () => {
    const caso = { ...ADI, componenti: [{ attivabileLavoro: true }], analisiPreliminare: { data: '2024-04-10', prevedeProgetto: true } };
    expect(scadenzeCaso(caso, '2025-01-01').map((s) => s.tipo)).toEqual(['ADI_PRIMO_INCONTRO']);
  });

  it('counts from the application when the digital pact is not recorded, and says so', () => {
    const [primo] = scadenzeCaso({ ...ADI, dataPattoDigitale: null }, '2024-08-01');
    expect(primo).toEqual({
      tipo: 'ADI_PRIMO_INCONTRO',
      descrizione: 'Primo incontro con i servizi entro 120 giorni dalla domanda (data del patto di attivazione digitale non registrata)',
      dataLimite: '2024-07-02',
      dataAdempimento: null,
      rispettata: false,
    });
  });

  it('stops the chain at the first missing meeting and at closure', () => {
    const caso = { ...ADI, analisiPreliminare: { data: '2024-04-10', prevedeProgetto: true } };
    expect(scadenzeCaso(caso, '2025-06-01').map((s) => [s.tipo, s.dataLimite, s.rispettata])).toEqual([
      ['ADI_PRIMO_INCONTRO', '2024-07-03', true],
      ['ADI_INCONTRO_PERIODICO', '2024-07-09', false],
    ]);
    expect(scadenzeCaso({ ...caso, dataChiusura: '2024-06-30' }, '2025-06-01').map((s) => s.tipo)).toEqual(['ADI_PRIMO_INCONTRO']);
  });
});

describe('scadenzeCaso: other measures', () => {
  it('gives none for Reddito di cittadinanza and SFL, which the notes set no deadline for', () => {
    expect(scadenzeCaso({ ...ADI, misura: 'RDC' }, '2025-01-01')).toEqual([]);
    expect(scadenzeCaso({ ...ADI, misura: 'SFL' }, '2025-01-01')).toEqual([]);
  });
});
