import type { DemoPrestazione, DemoValutazioneSina } from '@casellario/demo-data';
import type { SinaDemoData } from '../src/seed';

/**
 * Five persons and six assessments:
 * - P1, resident in Roma (Lazio, 12): assessed by Roma in 2024 and again in 2025 for the
 *   same benefit (same application protocol, next period);
 * - P2, resident in Roma: assessed by Roma, only the required attributes;
 * - P3, resident in Milano (Lombardia, 03): assessed by Milano;
 * - P4, resident in Roma: assessed by Roma, but the benefit was cancelled;
 * - P5, resident in Milano: assessed by Roma (scope follows residence, not the ente).
 */
export const P1 = '5e1a0000-0000-4000-8000-000000000001';
export const P2 = '5e1a0000-0000-4000-8000-000000000002';
export const P3 = '5e1a0000-0000-4000-8000-000000000003';
export const P4 = '5e1a0000-0000-4000-8000-000000000004';
export const P5 = '5e1a0000-0000-4000-8000-000000000005';

export const V1 = '5e1b0000-0000-4000-8000-000000000001';
export const V2 = '5e1b0000-0000-4000-8000-000000000002';
export const V3 = '5e1b0000-0000-4000-8000-000000000003';
export const V4 = '5e1b0000-0000-4000-8000-000000000004';
export const V5 = '5e1b0000-0000-4000-8000-000000000005';
export const V6 = '5e1b0000-0000-4000-8000-000000000006';

const ROMA = { codiceComuneResidenza: '058091', codiceRegioneResidenza: '12' } as const;
const MILANO = { codiceComuneResidenza: '015146', codiceRegioneResidenza: '03' } as const;

/** A benefit with just what the SINA loader reads, the rest plausible. */
export function prestazione(
  id: string,
  personaId: string,
  enteCodice: string,
  codicePrestazione: string,
  protocolloDomanda: string,
  dataInizioPrestazione: string,
  tipoOperazione: 'I' | 'C' = 'I',
): DemoPrestazione {
  return {
    id,
    personaId,
    enteCodice,
    tipoOperazione,
    presenzaProvaMezzi: '4',
    caratterePrestazione: '1',
    codicePrestazione,
    denominazionePrestazione: `Prestazione ${codicePrestazione}`,
    protocolloDomanda,
    dataInizioPrestazione,
    importoMensile: '300.00',
    presaCarico: '1',
    areaUtenza: '2',
  };
}

export const fixture: SinaDemoData = {
  prestazioni: [
    prestazione('5e1c0000-0000-4000-8000-000000000001', P1, 'H501', 'A1.11', 'RM-2024-0001', '2024-03-01'),
    prestazione('5e1c0000-0000-4000-8000-000000000002', P1, 'H501', 'A1.11', 'RM-2024-0001', '2025-02-10'),
    prestazione('5e1c0000-0000-4000-8000-000000000003', P2, 'H501', 'A1.15', 'RM-2025-0042', '2025-05-20'),
    prestazione('5e1c0000-0000-4000-8000-000000000004', P3, 'F205', 'A1.12', 'MI-2025-0007', '2025-01-15'),
    prestazione('5e1c0000-0000-4000-8000-000000000005', P4, 'H501', 'A1.14', 'RM-2025-0099', '2025-06-01', 'C'),
    prestazione('5e1c0000-0000-4000-8000-000000000006', P5, 'H501', 'A1.16', 'RM-2024-0150', '2024-11-30'),
  ],
  valutazioniSina: [
    {
      id: V1,
      personaId: P1,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000001',
      enteCodice: 'H501',
      dataValutazione: '2024-03-01',
      mobilita: '2',
      attivitaVitaQuotidiana: '2',
      disturbiAreaCognitiva: '1',
      disturbiComportamentali: '1',
      necessitaCureSanitarie: '2',
      areaReddituale: '2',
      areaSupporto: '2',
      fonteDerivazioneValutazione: '1',
      strumentoValutazione: '1',
      fonteDerivazioneInvalidita: '1',
      necessitaInterventiSociali: ['A1.11', 'A2.07'],
      invaliditaCivile: ['1', '6'],
      ...ROMA,
    },
    {
      id: V2,
      personaId: P1,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000002',
      enteCodice: 'H501',
      dataValutazione: '2025-02-10',
      mobilita: '3',
      attivitaVitaQuotidiana: '3',
      disturbiAreaCognitiva: '3',
      disturbiComportamentali: '2',
      necessitaCureSanitarie: '3',
      areaReddituale: '3',
      areaSupporto: '3',
      fonteDerivazioneValutazione: '2',
      strumentoValutazione: '5',
      fonteDerivazioneInvalidita: '1',
      // A repeated code says nothing more: it is stored once.
      necessitaInterventiSociali: ['A1.14', 'A3.01', 'A1.14'],
      invaliditaCivile: ['2', '6', '8'],
      ...ROMA,
    },
    {
      id: V3,
      personaId: P2,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000003',
      enteCodice: 'H501',
      dataValutazione: '2025-05-20',
      mobilita: '1',
      attivitaVitaQuotidiana: '1',
      disturbiComportamentali: '1',
      areaReddituale: '1',
      areaSupporto: '1',
      fonteDerivazioneValutazione: '4',
      strumentoValutazione: '7',
      necessitaInterventiSociali: [],
      invaliditaCivile: [],
      ...ROMA,
    },
    {
      id: V4,
      personaId: P3,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000004',
      enteCodice: 'F205',
      dataValutazione: '2025-01-15',
      mobilita: '2',
      attivitaVitaQuotidiana: '1',
      disturbiAreaCognitiva: '2',
      disturbiComportamentali: '1',
      necessitaCureSanitarie: '1',
      areaReddituale: '1',
      areaSupporto: '2',
      fonteDerivazioneValutazione: '3',
      strumentoValutazione: '2',
      fonteDerivazioneInvalidita: '2',
      necessitaInterventiSociali: ['A1.12'],
      invaliditaCivile: ['4', '7'],
      ...MILANO,
    },
    {
      id: V5,
      personaId: P4,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000005',
      enteCodice: 'H501',
      dataValutazione: '2025-06-01',
      mobilita: '3',
      attivitaVitaQuotidiana: '3',
      disturbiComportamentali: '2',
      areaReddituale: '3',
      areaSupporto: '3',
      fonteDerivazioneValutazione: '1',
      strumentoValutazione: '6',
      necessitaInterventiSociali: ['A1.14'],
      invaliditaCivile: ['2'],
      ...ROMA,
    },
    {
      id: V6,
      personaId: P5,
      prestazioneId: '5e1c0000-0000-4000-8000-000000000006',
      enteCodice: 'H501',
      dataValutazione: '2024-11-30',
      mobilita: '1',
      attivitaVitaQuotidiana: '2',
      disturbiAreaCognitiva: '1',
      disturbiComportamentali: '1',
      necessitaCureSanitarie: '1',
      areaReddituale: '2',
      areaSupporto: '1',
      fonteDerivazioneValutazione: '1',
      strumentoValutazione: '4',
      fonteDerivazioneInvalidita: '1',
      necessitaInterventiSociali: ['A1.16', 'A2.08'],
      invaliditaCivile: ['3', '5'],
      ...MILANO,
    },
  ] satisfies DemoValutazioneSina[],
};

/** What GraphQL gives for V1 and V2 (P1's cartella, newest first), identifying fields included. */
export const P1_VALUTAZIONI = [
  {
    dataValutazione: '2025-02-10',
    mobilita: 'NON_SI_SPOSTA',
    attivitaVitaQuotidiana: 'TOTALMENTE_DIPENDENTE',
    disturbiAreaCognitiva: 'GRAVI',
    disturbiComportamentali: 'PRESENTI',
    necessitaCureSanitarie: 'ALTA',
    areaReddituale: 'BISOGNO_ECONOMICO_SENZA_AIUTO',
    areaSupporto: 'RETE_ASSENTE',
    fonteDerivazioneValutazione: 'CARTELLA_SOCIALE',
    strumentoValutazione: 'SCHEMA_POLARE',
    fonteDerivazioneInvalidita: 'CERTIFICAZIONE_VERIFICATA',
    necessitaInterventiSociali: ['A1.14', 'A3.01'],
    invaliditaCivile: ['TOTALE_CON_ACCOMPAGNAMENTO', 'L104_ART3_COMMA3', 'L104_ART13'],
    codicePrestazione: 'A1.11',
    protocolloDomanda: 'RM-2024-0001',
    codiceComuneResidenza: '058091',
    codiceRegioneResidenza: '12',
    enteErogatore: { codice: 'H501' },
  },
  {
    dataValutazione: '2024-03-01',
    mobilita: 'SI_SPOSTA_ASSISTITO',
    attivitaVitaQuotidiana: 'PARZIALMENTE_DIPENDENTE',
    disturbiAreaCognitiva: 'LIEVI',
    disturbiComportamentali: 'ASSENTI',
    necessitaCureSanitarie: 'MEDIA',
    areaReddituale: 'AIUTO_DA_PARENTI_O_ALTRI',
    areaSupporto: 'RETE_PARZIALE_O_TEMPORANEA',
    fonteDerivazioneValutazione: 'UVM',
    strumentoValutazione: 'SVAMA',
    fonteDerivazioneInvalidita: 'CERTIFICAZIONE_VERIFICATA',
    necessitaInterventiSociali: ['A1.11', 'A2.07'],
    invaliditaCivile: ['PARZIALE_ALMENO_75', 'L104_ART3_COMMA3'],
    codicePrestazione: 'A1.11',
    protocolloDomanda: 'RM-2024-0001',
    codiceComuneResidenza: '058091',
    codiceRegioneResidenza: '12',
    enteErogatore: { codice: 'H501' },
  },
];
