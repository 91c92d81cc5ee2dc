import type { DemoDataset, DemoDsu, DemoPrestazione } from '@casellario/demo-data';

/**
 * A small hand-written data set for the two benefit subgraphs' tests. It holds the
 * benefits of BOTH components (PresenzaProvaMezzi 1–4), so that each subgraph's
 * demo loader is shown to keep only its own. Persons (ids as in anagrafe's fixture):
 * Rossi in Roma (Lazio), Bianchi in Milano (Lombardia), Verdi in Latina (Lazio), and
 * fifty persons in Firenze (Toscana) for the batching test.
 */
export const ROSSI = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e01';
export const BIANCHI = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e03';
export const VERDI = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e05';
/** Rossi's daughter: in his DSU household, no benefit of her own. */
export const ROSSI_FIGLIA = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e06';

const n2 = (i: number) => String(i).padStart(2, '0');
/** Fifty persons resident in Firenze, one benefit each in PSA and in PS. */
export const BATCH_PERSONE = Array.from({ length: 50 }, (_, i) => `6f1c1f0e-2b7a-4c1e-9d3a-1000000000${n2(i)}`);

const ROMA = { codiceComuneResidenza: '058091', codiceRegioneResidenza: '12' } as const;
const MILANO = { codiceComuneResidenza: '015146', codiceRegioneResidenza: '03' } as const;
const LATINA = { codiceComuneResidenza: '059011', codiceRegioneResidenza: '12' } as const;
const FIRENZE = { codiceComuneResidenza: '048017', codiceRegioneResidenza: '09' } as const;

/** The records of one component, under the names the shared suite refers to. */
export interface ComponentFixture {
  /** Rossi, periodic, 2024, Roma (H501). */
  rossiPeriodica: DemoPrestazione;
  /** Rossi, one-off, 2023. */
  rossiOccasionale: DemoPrestazione;
  /** Rossi, 2024, then cancelled by `cancellazione` (same natural key, another id). */
  rossiAnnullata: DemoPrestazione;
  cancellazione: DemoPrestazione;
  /** Bianchi, Milano (F205), 2024. */
  bianchi: DemoPrestazione;
  /** Verdi, Latina (E472): 2024-05-01, 2024-06-10, 2023-05-01. */
  verdi: [DemoPrestazione, DemoPrestazione, DemoPrestazione];
  /** One per BATCH_PERSONE, Firenze (D612), 2022. */
  batch: DemoPrestazione[];
  /** A listing filter (code and year) and the ids it must return, newest first. */
  filtro: { codicePrestazione: string; anno: number; ids: string[] };
  /** The GraphQL view of Rossi's two visible records, as gestione sees them. */
  atteso: { rossiPeriodica: Record<string, unknown>; rossiOccasionale: Record<string, unknown> };
}

// ---------------------------------------------------------------- PSA (1, 3)

const DSU_ROSSI = 'INPS-ISEE-2024-00001234A-00';
const DSU_BIANCHI = 'INPS-ISEE-2024-00005678B-00';

const psaRossiPeriodica: DemoPrestazione = {
  id: 'a0000000-0000-4000-8000-000000000101',
  personaId: ROSSI,
  enteCodice: 'H501',
  tipoOperazione: 'I',
  presenzaProvaMezzi: '1',
  caratterePrestazione: '1',
  numeroProtocolloDSU: DSU_ROSSI,
  annoProtocolloDSU: '2024',
  dataDSU: '2024-01-15',
  codicePrestazione: 'A1.04',
  denominazionePrestazione: 'Contributi economici a integrazione del reddito familiare',
  protocolloDomanda: '2024/0000101',
  dataEvento: '2024-01-20',
  dataInizioPrestazione: '2024-02-01',
  dataFinePrestazione: '2024-12-31',
  periodoErogazione: 11,
  importoMensile: '250.50',
  importoQuotaEnte: '200.50',
  importoQuotaUtente: '50.00',
  importoQuotaRichiesta: '120.00',
  importoSogliaISEE: '9360.00',
  presaCarico: '1',
  areaUtenza: '3',
  ...ROMA,
};

const psaRossiOccasionale: DemoPrestazione = {
  id: 'a0000000-0000-4000-8000-000000000102',
  personaId: ROSSI,
  enteCodice: 'H501',
  presenzaProvaMezzi: '3',
  caratterePrestazione: '2',
  codicePrestazione: 'A1.16',
  denominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
  protocolloDomanda: '2023/0000077',
  dataEvento: '2023-08-01',
  dataErogazionePrestazione: '2023-09-15',
  importoPrestazione: '1200.00',
  importoQuotaEnte: '1000.00',
  importoQuotaUtente: '200.00',
  importoSogliaISEE: '20000.00',
  presaCarico: '2',
  ...ROMA,
};

const psaRossiAnnullata: DemoPrestazione = {
  id: 'a0000000-0000-4000-8000-000000000103',
  personaId: ROSSI,
  enteCodice: 'H501',
  tipoOperazione: 'I',
  presenzaProvaMezzi: '1',
  caratterePrestazione: '1',
  numeroProtocolloDSU: DSU_ROSSI,
  annoProtocolloDSU: '2024',
  dataDSU: '2024-01-15',
  codicePrestazione: 'A1.05',
  denominazionePrestazione: 'Contributi economici per alloggio',
  protocolloDomanda: '2024/0000150',
  dataInizioPrestazione: '2024-03-01',
  importoMensile: '300.00',
  presaCarico: '2',
  ...ROMA,
};

const psaVerdi = (id: string, codice: string, denominazione: string, protocollo: string, date: Partial<DemoPrestazione>): DemoPrestazione => ({
  id,
  personaId: VERDI,
  enteCodice: 'E472',
  presenzaProvaMezzi: '3',
  caratterePrestazione: date.dataInizioPrestazione ? '1' : '2',
  codicePrestazione: codice,
  denominazionePrestazione: denominazione,
  protocolloDomanda: protocollo,
  presaCarico: '2',
  ...date,
  ...LATINA,
});

const PSA_REDDITO = 'Contributi economici a integrazione del reddito familiare';

export const PSA: ComponentFixture = {
  rossiPeriodica: psaRossiPeriodica,
  rossiOccasionale: psaRossiOccasionale,
  rossiAnnullata: psaRossiAnnullata,
  cancellazione: { ...psaRossiAnnullata, id: 'a0000000-0000-4000-8000-000000000104', tipoOperazione: 'C' },
  bianchi: {
    id: 'a0000000-0000-4000-8000-000000000105',
    personaId: BIANCHI,
    enteCodice: 'F205',
    presenzaProvaMezzi: '1',
    caratterePrestazione: '1',
    numeroProtocolloDSU: DSU_BIANCHI,
    annoProtocolloDSU: '2024',
    dataDSU: '2024-02-10',
    codicePrestazione: 'A1.04',
    denominazionePrestazione: PSA_REDDITO,
    protocolloDomanda: '2024/0000033',
    dataInizioPrestazione: '2024-04-01',
    importoMensile: '180.00',
    presaCarico: '1',
    areaUtenza: '3',
    ...MILANO,
  },
  verdi: [
    psaVerdi('a0000000-0000-4000-8000-000000000106', 'A1.04', PSA_REDDITO, '2024/0000009', { dataInizioPrestazione: '2024-05-01', importoMensile: '150.00' }),
    psaVerdi('a0000000-0000-4000-8000-000000000107', 'A1.06', 'Buoni spesa o buoni pasto', '2024/0000010', { dataErogazionePrestazione: '2024-06-10', importoPrestazione: '75.00' }),
    psaVerdi('a0000000-0000-4000-8000-000000000108', 'A1.04', PSA_REDDITO, '2023/0000004', { dataInizioPrestazione: '2023-05-01', importoMensile: '140.00' }),
  ],
  batch: BATCH_PERSONE.map((personaId, i) => ({
    id: `a0000000-0000-4000-8000-1000000000${n2(i)}`,
    personaId,
    enteCodice: 'D612',
    presenzaProvaMezzi: '1',
    caratterePrestazione: '1',
    numeroProtocolloDSU: `INPS-ISEE-2022-100000${n2(i)}C-00`,
    annoProtocolloDSU: '2022',
    dataDSU: '2022-01-20',
    codicePrestazione: 'A1.11',
    denominazionePrestazione: "Assegnazioni economiche per il sostegno della domiciliarità e dell'autonomia personale",
    protocolloDomanda: `2022/00001${n2(i)}`,
    dataInizioPrestazione: '2022-03-01',
    importoMensile: '100.00',
    presaCarico: '2',
    ...FIRENZE,
  })),
  filtro: {
    codicePrestazione: 'A1.04',
    anno: 2024,
    ids: ['a0000000-0000-4000-8000-000000000106', 'a0000000-0000-4000-8000-000000000105', 'a0000000-0000-4000-8000-000000000101'],
  },
  atteso: {
    rossiPeriodica: {
      id: 'a0000000-0000-4000-8000-000000000101',
      persona: { id: ROSSI },
      enteErogatore: { codice: 'H501' },
      presenzaProvaMezzi: 'SOGGETTA_ISEE',
      caratterePrestazione: 'PERIODICA',
      codicePrestazione: 'A1.04',
      denominazionePrestazione: 'Contributi economici a integrazione del reddito familiare',
      protocolloDomanda: '2024/0000101',
      dataEvento: '2024-01-20',
      dataInizio: '2024-02-01',
      dataFine: '2024-12-31',
      dataErogazione: null,
      importoPrestazione: null,
      periodoErogazione: 11,
      importoMensile: 250.5,
      importoQuotaEnte: 200.5,
      importoQuotaUtente: 50,
      importoQuotaSsn: null,
      importoQuotaRichiesta: 120,
      importoSogliaIsee: 9360,
      oreServizioMensile: null,
      presaInCarico: true,
      areaUtenza: 'POVERTA_ESCLUSIONE',
      numeroProtocolloDsu: DSU_ROSSI,
      annoProtocolloDsu: 2024,
      dataDsu: '2024-01-15',
      codiceComuneResidenza: '058091',
      codiceRegioneResidenza: '12',
      annullata: false,
    },
    rossiOccasionale: {
      id: 'a0000000-0000-4000-8000-000000000102',
      persona: { id: ROSSI },
      enteErogatore: { codice: 'H501' },
      presenzaProvaMezzi: 'SOTTRATTA_PROVA_MEZZI',
      caratterePrestazione: 'OCCASIONALE',
      codicePrestazione: 'A1.16',
      denominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
      protocolloDomanda: '2023/0000077',
      dataEvento: '2023-08-01',
      dataInizio: null,
      dataFine: null,
      dataErogazione: '2023-09-15',
      importoPrestazione: 1200,
      periodoErogazione: null,
      importoMensile: null,
      importoQuotaEnte: 1000,
      importoQuotaUtente: 200,
      importoQuotaSsn: null,
      importoQuotaRichiesta: null,
      importoSogliaIsee: 20000,
      oreServizioMensile: null,
      presaInCarico: false,
      areaUtenza: null,
      numeroProtocolloDsu: null,
      annoProtocolloDsu: null,
      dataDsu: null,
      codiceComuneResidenza: '058091',
      codiceRegioneResidenza: '12',
      annullata: false,
    },
  },
};

/** Rossi's household DSU (2 persons, ISE = 8,000 + 20% × 10,000; ISEE = ISE ÷ 1.57). */
export const DSU_ROSSI_RECORD: DemoDsu = {
  id: 'd0000000-0000-4000-8000-000000000301',
  protocollo: DSU_ROSSI,
  anno: '2024',
  dataPresentazione: '2024-01-15',
  dataScadenza: '2024-12-31',
  dichiaranteId: ROSSI,
  componentiIds: [ROSSI, ROSSI_FIGLIA],
  tipoIsee: 'ORDINARIO',
  isr: '8000.00',
  isp: '10000.00',
  scalaEquivalenza: '1.57',
  ise: '10000.00',
  isee: '6369.43',
  omissioniDifformita: false,
};

/** Bianchi's DSU (alone, socio-sanitario, with omissioni/difformità). */
export const DSU_BIANCHI_RECORD: DemoDsu = {
  id: 'd0000000-0000-4000-8000-000000000302',
  protocollo: DSU_BIANCHI,
  anno: '2024',
  dataPresentazione: '2024-02-10',
  dataScadenza: '2024-12-31',
  dichiaranteId: BIANCHI,
  componentiIds: [BIANCHI],
  tipoIsee: 'SOCIO_SANITARIO',
  isr: '12000.00',
  isp: '5000.00',
  scalaEquivalenza: '1.00',
  ise: '13000.00',
  isee: '13000.00',
  omissioniDifformita: true,
};

const DSU_BATCH: DemoDsu[] = BATCH_PERSONE.map((personaId, i) => ({
  id: `d0000000-0000-4000-8000-1000000000${n2(i)}`,
  protocollo: `INPS-ISEE-2022-100000${n2(i)}C-00`,
  anno: '2022',
  dataPresentazione: '2022-01-20',
  dataScadenza: '2022-12-31',
  dichiaranteId: personaId,
  componentiIds: [personaId],
  tipoIsee: 'ORDINARIO',
  isr: '5000.00',
  isp: '0.00',
  scalaEquivalenza: '1.00',
  ise: '5000.00',
  isee: '5000.00',
  omissioniDifformita: false,
}));

// ---------------------------------------------------------------- PS (2, 4)

const psRossiAnnullata: DemoPrestazione = {
  id: 'b0000000-0000-4000-8000-000000000203',
  personaId: ROSSI,
  enteCodice: 'H501',
  tipoOperazione: 'I',
  presenzaProvaMezzi: '4',
  caratterePrestazione: '2',
  codicePrestazione: 'A2.01',
  denominazionePrestazione: 'Mensa sociale',
  protocolloDomanda: '2024/0000160',
  dataErogazionePrestazione: '2024-05-10',
  importoPrestazione: '45.00',
  presaCarico: '2',
  ...ROMA,
};

const psVerdi = (id: string, codice: string, denominazione: string, protocollo: string, date: Partial<DemoPrestazione>): DemoPrestazione => ({
  id,
  personaId: VERDI,
  enteCodice: 'E472',
  presenzaProvaMezzi: '4',
  caratterePrestazione: date.dataInizioPrestazione ? '1' : '2',
  codicePrestazione: codice,
  denominazionePrestazione: denominazione,
  protocolloDomanda: protocollo,
  presaCarico: codice === 'A2.07' ? '1' : '2',
  ...(codice === 'A2.07' ? { areaUtenza: '2' as const } : {}),
  ...date,
  ...LATINA,
});

const PS_DOMICILIARE = 'Assistenza domiciliare socio-assistenziale';

export const PS: ComponentFixture = {
  rossiPeriodica: {
    id: 'b0000000-0000-4000-8000-000000000201',
    personaId: ROSSI,
    enteCodice: 'H501',
    tipoOperazione: 'I',
    presenzaProvaMezzi: '4',
    caratterePrestazione: '1',
    codicePrestazione: 'A2.07',
    denominazionePrestazione: PS_DOMICILIARE,
    protocolloDomanda: '2024/0000102',
    dataEvento: '2024-02-20',
    dataInizioPrestazione: '2024-03-01',
    periodoErogazione: 10,
    importoMensile: '480.00',
    importoQuotaEnte: '380.00',
    importoQuotaUtente: '60.00',
    importoQuotaSSN: '40.00',
    oreServizioMensile: '12.30',
    presaCarico: '1',
    areaUtenza: '2',
    ...ROMA,
  },
  rossiOccasionale: {
    id: 'b0000000-0000-4000-8000-000000000202',
    personaId: ROSSI,
    enteCodice: 'INPS',
    presenzaProvaMezzi: '2',
    caratterePrestazione: '2',
    codicePrestazione: 'A1.02',
    denominazionePrestazione: 'Assegno di maternità erogato dai comuni',
    protocolloDomanda: '2023/0000456',
    dataErogazionePrestazione: '2023-11-30',
    importoPrestazione: '1650.00',
    presaCarico: '2',
    ...ROMA,
  },
  rossiAnnullata: psRossiAnnullata,
  cancellazione: { ...psRossiAnnullata, id: 'b0000000-0000-4000-8000-000000000204', tipoOperazione: 'C' },
  bianchi: {
    id: 'b0000000-0000-4000-8000-000000000205',
    personaId: BIANCHI,
    enteCodice: 'F205',
    presenzaProvaMezzi: '4',
    caratterePrestazione: '1',
    codicePrestazione: 'A2.07',
    denominazionePrestazione: PS_DOMICILIARE,
    protocolloDomanda: '2024/0000034',
    dataInizioPrestazione: '2024-04-01',
    importoMensile: '300.00',
    presaCarico: '1',
    areaUtenza: '2',
    ...MILANO,
  },
  verdi: [
    psVerdi('b0000000-0000-4000-8000-000000000206', 'A2.07', PS_DOMICILIARE, '2024/0000011', { dataInizioPrestazione: '2024-05-01', importoMensile: '200.00' }),
    psVerdi('b0000000-0000-4000-8000-000000000207', 'A2.01', 'Mensa sociale', '2024/0000012', { dataErogazionePrestazione: '2024-06-10', importoPrestazione: '30.00' }),
    psVerdi('b0000000-0000-4000-8000-000000000208', 'A2.07', PS_DOMICILIARE, '2023/0000005', { dataInizioPrestazione: '2023-05-01', importoMensile: '190.00' }),
  ],
  batch: BATCH_PERSONE.map((personaId, i) => ({
    id: `b0000000-0000-4000-8000-1000000000${n2(i)}`,
    personaId,
    enteCodice: 'D612',
    presenzaProvaMezzi: '4',
    caratterePrestazione: '2',
    codicePrestazione: 'A2.01',
    denominazionePrestazione: 'Mensa sociale',
    protocolloDomanda: `2022/00002${n2(i)}`,
    dataErogazionePrestazione: '2022-03-01',
    importoPrestazione: '20.00',
    presaCarico: '2',
    ...FIRENZE,
  })),
  filtro: {
    codicePrestazione: 'A2.07',
    anno: 2024,
    ids: ['b0000000-0000-4000-8000-000000000206', 'b0000000-0000-4000-8000-000000000205', 'b0000000-0000-4000-8000-000000000201'],
  },
  atteso: {
    rossiPeriodica: {
      id: 'b0000000-0000-4000-8000-000000000201',
      persona: { id: ROSSI },
      enteErogatore: { codice: 'H501' },
      presenzaProvaMezzi: 'NON_SOGGETTA_PROVA_MEZZI',
      caratterePrestazione: 'PERIODICA',
      codicePrestazione: 'A2.07',
      denominazionePrestazione: PS_DOMICILIARE,
      protocolloDomanda: '2024/0000102',
      dataEvento: '2024-02-20',
      dataInizio: '2024-03-01',
      dataFine: null,
      dataErogazione: null,
      importoPrestazione: null,
      periodoErogazione: 10,
      importoMensile: 480,
      importoQuotaEnte: 380,
      importoQuotaUtente: 60,
      importoQuotaSsn: 40,
      importoQuotaRichiesta: null,
      importoSogliaIsee: null,
      oreServizioMensile: 12.3,
      presaInCarico: true,
      areaUtenza: 'DISABILITA_NON_AUTOSUFFICIENZA',
      numeroProtocolloDsu: null,
      annoProtocolloDsu: null,
      dataDsu: null,
      codiceComuneResidenza: '058091',
      codiceRegioneResidenza: '12',
      annullata: false,
    },
    rossiOccasionale: {
      id: 'b0000000-0000-4000-8000-000000000202',
      persona: { id: ROSSI },
      enteErogatore: { codice: 'INPS' },
      presenzaProvaMezzi: 'PROVA_MEZZI_NON_ISEE',
      caratterePrestazione: 'OCCASIONALE',
      codicePrestazione: 'A1.02',
      denominazionePrestazione: 'Assegno di maternità erogato dai comuni',
      protocolloDomanda: '2023/0000456',
      dataEvento: null,
      dataInizio: null,
      dataFine: null,
      dataErogazione: '2023-11-30',
      importoPrestazione: 1650,
      periodoErogazione: null,
      importoMensile: null,
      importoQuotaEnte: null,
      importoQuotaUtente: null,
      importoQuotaSsn: null,
      importoQuotaRichiesta: null,
      importoSogliaIsee: null,
      oreServizioMensile: null,
      presaInCarico: false,
      areaUtenza: null,
      numeroProtocolloDsu: null,
      annoProtocolloDsu: null,
      dataDsu: null,
      codiceComuneResidenza: '058091',
      codiceRegioneResidenza: '12',
      annullata: false,
    },
  },
};

function records(c: ComponentFixture): DemoPrestazione[] {
  return [c.rossiPeriodica, c.rossiOccasionale, c.rossiAnnullata, c.cancellazione, c.bianchi, ...c.verdi, ...c.batch];
}

/** The whole fixture as a demo data set: both components' benefits, every DSU, nothing else. */
export const FIXTURE_DATASET: DemoDataset = {
  enti: [],
  persone: [],
  prestazioni: [...records(PSA), ...records(PS)],
  valutazioniSina: [],
  casiSinba: [],
  dsu: [DSU_ROSSI_RECORD, DSU_BIANCHI_RECORD, ...DSU_BATCH],
  casiSip: [],
  anomalie: [],
  showcase: { codiceFiscale: '', personaId: ROSSI, enteCodice: 'H501', codiceRegione: '12', codiceComune: '058091' },
};

/** Rows a component's table holds after loading the fixture: its records, the cancellation merged into its record. */
export function expectedRowCount(c: ComponentFixture): number {
  return records(c).length - 1;
}
