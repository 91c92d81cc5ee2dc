import type { CasoSipDemo } from '../src/seed';

/**
 * SIP cases by hand. Persons are internal ids only (SIP never holds more):
 * a household of three in Roma (madre, padre, figlia) with an ADI case at the
 * progetto stage from the Comune di Roma (H501); the madre also sits in an older,
 * closed REI case in Milano (F205) with another person; more cases in Roma and
 * Latina for listings, one of them cancelled.
 */
const persona = (n: number) => `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;
const caso = (suffix: string) => `cccccccc-0000-4000-8000-${suffix.padStart(12, '0')}`;

export const MADRE = persona(1);
export const PADRE = persona(2);
export const FIGLIA = persona(3);
export const ZIO = persona(4);

export const CASO_ROMA = caso('a');
export const CASO_MILANO = caso('b');
export const CASO_ROMA_2025 = caso('c1');
export const CASO_ROMA_NOV_2 = caso('c2');
export const CASO_ROMA_NOV_3 = caso('c3');
export const CASO_ROMA_2023 = caso('c4');
export const CASO_ANNULLATO = caso('c5');
export const CASO_LATINA = caso('d1');

/** The household at the progetto stage (ADI, Roma). */
const casoRoma: CasoSipDemo = {
  id: CASO_ROMA,
  enteCodice: 'H501',
  protocolloCaso: 'RM-ADI-2024-000123',
  codiceComune: '058091',
  codiceRegione: '12',
  misura: 'ADI',
  dataDomanda: '2024-03-04',
  dataPattoDigitale: '2024-03-05',
  componenti: [
    { personaId: MADRE, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
    { personaId: PADRE, ruolo: 'CONIUGE', attivabileLavoro: true },
    { personaId: FIGLIA, ruolo: 'FIGLIO', attivabileLavoro: false },
  ],
  analisiPreliminare: { data: '2024-04-10', esito: 'QUADRO_ANALISI' },
  quadroAnalisi: {
    data: '2024-05-06',
    dimensioni: [
      { dimensione: 'SITUAZIONE_ECONOMICA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 2 },
      { dimensione: 'FUNZIONAMENTO_PERSONALE', risorse: 3, vulnerabilita: 1, fattoriSostegno: 2 },
      { dimensione: 'SITUAZIONE_LAVORATIVA', risorse: 2, vulnerabilita: 3, fattoriSostegno: 1 },
      { dimensione: 'EDUCAZIONE_FORMAZIONE', risorse: 2, vulnerabilita: 2, fattoriSostegno: 2 },
      { dimensione: 'CONDIZIONE_ABITATIVA', risorse: 1, vulnerabilita: 3, fattoriSostegno: 1 },
      { dimensione: 'RETI_FAMILIARI_SOCIALI', risorse: 2, vulnerabilita: 2, fattoriSostegno: 3 },
    ],
    equipe: ['ISTRUZIONE', 'SERVIZIO_SOCIALE', 'CPI'],
  },
  progetto: {
    tipo: 'PROGETTO_PERSONALIZZATO',
    dataSottoscrizione: '2024-05-20',
    obiettivi: ['Lavoro stabile per la signora Esposito entro un anno', 'Frequenza scolastica regolare di Giulia'],
    // A code and a description (as the generator writes them): both land as codes.
    sostegni: ['TIROCINIO_INCLUSIONE', 'Sostegno socio-educativo domiciliare'],
    impegni: [
      { personaId: MADRE, descrizione: "Iscrizione al Centro per l'impiego di via Appia", scadenza: '2024-07-31', stato: 'RISPETTATO' },
      { personaId: PADRE, descrizione: 'Corso di formazione per magazziniere', scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
      { personaId: MADRE, descrizione: 'Accompagnare Giulia a scuola ogni giorno', scadenza: '2025-06-30', stato: 'IN_CORSO' },
    ],
    incontri: [],
  },
};

/** The madre's earlier REI case in Milano, closed. */
const casoMilano: CasoSipDemo = {
  id: CASO_MILANO,
  enteCodice: 'F205',
  protocolloCaso: 'MI-REI-2018-0042',
  codiceComune: '015146',
  codiceRegione: '03',
  misura: 'REI',
  dataDomanda: '2018-04-03',
  componenti: [
    { personaId: MADRE, ruolo: 'RICHIEDENTE', attivabileLavoro: true },
    { personaId: ZIO, ruolo: 'ALTRO', attivabileLavoro: false },
  ],
  analisiPreliminare: { data: '2018-05-09', esito: 'PATTO_SEMPLIFICATO' },
  progetto: {
    tipo: 'PATTO_SEMPLIFICATO',
    dataSottoscrizione: '2018-06-05',
    obiettivi: ['Rientro dalla morosità sulle utenze'],
    sostegni: ['SEGRETARIATO_SOCIALE'],
    impegni: [{ personaId: MADRE, descrizione: 'Piano di rientro con il gestore', scadenza: '2018-12-31', stato: 'RISPETTATO' }],
    incontri: [
      { data: '2018-12-12', esito: 'ASSENZA_GIUSTIFICATA' },
      { data: '2018-09-10', esito: 'SVOLTO' },
    ],
  },
  dataChiusura: '2019-03-31',
};

const semplice = (
  id: string,
  n: number,
  dataDomanda: string,
  misura: CasoSipDemo['misura'],
  extra: Partial<CasoSipDemo> = {},
): CasoSipDemo => ({
  id,
  enteCodice: 'H501',
  protocolloCaso: `RM-${misura}-${dataDomanda.slice(0, 4)}-${n}`,
  codiceComune: '058091',
  codiceRegione: '12',
  misura,
  dataDomanda,
  componenti: [{ personaId: persona(n), ruolo: 'RICHIEDENTE', attivabileLavoro: true }],
  ...extra,
});

export const casiSip: CasoSipDemo[] = [
  casoRoma,
  casoMilano,
  semplice(CASO_ROMA_2025, 5, '2025-02-10', 'ADI'),
  semplice(CASO_ROMA_NOV_2, 6, '2024-11-05', 'SFL', { analisiPreliminare: { data: '2024-11-20', esito: 'CPI' } }),
  semplice(CASO_ROMA_NOV_3, 7, '2024-11-05', 'ADI', { analisiPreliminare: { data: '2024-12-02', esito: 'PATTO_SEMPLIFICATO' } }),
  semplice(CASO_ROMA_2023, 8, '2023-06-12', 'RDC', { dataChiusura: '2023-12-31' }),
  semplice(CASO_ANNULLATO, 9, '2024-01-15', 'ADI', { annullata: true }),
  semplice(CASO_LATINA, 10, '2024-09-01', 'ADI', { enteCodice: 'E472', codiceComune: '059011', protocolloCaso: 'LT-1' }),
];

/** The fixture as `loadDemo` takes it. */
export const fixture = { casiSip };
