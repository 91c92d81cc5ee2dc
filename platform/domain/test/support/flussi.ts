/**
 * Records of a well-formed PS/PSA/SINA flow, of a SINBA and of a SIP flow, built by hand
 * as the XML parser would hand them to the rules. Every test starts from a
 * valid record and changes one thing.
 */
import { expect } from 'vitest';
import { loadNomenclatore } from '../../src/nomenclatore';
import type { ContestoValidazione } from '../../src/flussi/contesto';
import type { EsitoRecord, Segnalazione } from '../../src/flussi/esito';
import type { BeneficiarioFlusso, CasoSinbaFlusso, CasoSipFlusso, ComponenteNucleoFlusso, IntestazioneFlusso, PrestazioneFlusso } from '../../src/flussi/records';

export const OGGI = '2024-06-30';
/** Ordinary code of a man born 10 December 1985 in San Giuliano Terme (A562). */
export const CF = 'RSSMRA85T10A562S';
export const CF_MASCHERATO = 'RSS***********2S';
/** A valid operator code (the one of INPS's SINBA sample). */
export const CF_OPERATORE = 'GHBLDE25A42H199X';

export const nomenclatore = loadNomenclatore();

export function intestazionePs(over: Partial<IntestazioneFlusso> = {}): IntestazioneFlusso {
  return {
    nome: 'H501.PS.20240115.0000001',
    ente: { codice: 'H501', denominazione: 'Comune di Roma', indirizzo: 'H501', cfOperatore: CF_OPERATORE },
    ...over,
  };
}

export function intestazioneSinba(over: Partial<IntestazioneFlusso> = {}): IntestazioneFlusso {
  return { ...intestazionePs(), nome: 'H501.SINBA.20240115.0000001', ...over };
}

export function contesto(intestazione: IntestazioneFlusso = intestazionePs()): ContestoValidazione {
  return { nomenclatore, oggi: OGGI, intestazione };
}

/** Periodic, ISEE-tested, with presa in carico: A1.04 from February to May 2024. */
export function prestazionePeriodica(over: Partial<PrestazioneFlusso> = {}): PrestazioneFlusso {
  return {
    posizione: { numero: 1, riga: 6 },
    tipoOperazione: 'I',
    presenzaProvaMezzi: '1',
    caratterePrestazione: '1',
    numeroProtocolloDSU: 'INPS-ISEE-2024-12345678A-00',
    annoProtocolloDSU: '2024',
    dataDSU: '2024-01-10',
    codicePrestazione: 'A1.04',
    denominazionePrestazione: 'Contributi economici a integrazione del reddito familiare',
    protocolloDomanda: '2024/SC00001',
    dataEvento: '2024-01-20',
    dataInizioPrestazione: '2024-02-01',
    dataFinePrestazione: '2024-05-31',
    periodoErogazione: '4',
    importoMensile: '300.00',
    importoQuotaEnte: '250.00',
    importoQuotaUtente: '50.00',
    presaCarico: '1',
    areaUtenza: '3',
    ...over,
  };
}

/** One-off, not means-tested, without presa in carico: a food voucher. */
export function prestazioneOccasionale(over: Partial<PrestazioneFlusso> = {}): PrestazioneFlusso {
  return {
    posizione: { numero: 1, riga: 6 },
    presenzaProvaMezzi: '4',
    caratterePrestazione: '2',
    codicePrestazione: 'A1.06',
    denominazionePrestazione: 'Buoni spesa o buoni pasto',
    protocolloDomanda: '2024/BS00042',
    dataErogazionePrestazione: '2024-03-15',
    importoPrestazione: '150.00',
    presaCarico: '2',
    ...over,
  };
}

/** Periodic home care with a SINA assessment and monthly hours. */
export function prestazioneConSina(over: Partial<PrestazioneFlusso> = {}): PrestazioneFlusso {
  return {
    posizione: { numero: 1, riga: 6 },
    presenzaProvaMezzi: '3',
    caratterePrestazione: '1',
    codicePrestazione: 'A2.07',
    denominazionePrestazione: 'Assistenza domiciliare socio-assistenziale',
    protocolloDomanda: '2024/AD00007',
    dataInizioPrestazione: '2024-01-01',
    periodoErogazione: '6',
    importoMensile: '640.50',
    importoQuotaEnte: '540.50',
    importoQuotaSSN: '100.00',
    oreServizioMensile: '20.30',
    presaCarico: '1',
    areaUtenza: '2',
    sina: {
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
      necessitaInterventiSociali: ['A2.07', 'A2.08'],
      invaliditaCivile: ['2'],
    },
    ...over,
  };
}

export function beneficiario(
  prestazioni: PrestazioneFlusso[] = [prestazionePeriodica()],
  over: Partial<BeneficiarioFlusso> = {},
): BeneficiarioFlusso {
  return {
    posizione: { numero: 1, riga: 4 },
    codiceFiscale: CF,
    anagrafica: {
      cognome: 'ROSSI',
      nome: 'MARIO',
      annoNascita: '1985',
      luogoNascita: 'A562',
      genere: '1',
      codiceCittadinanza: '380',
    },
    // Rome; Lazio is 08 in the DM1986 coding the specification uses for CodiceRegione.
    indirizzi: [{ codiceRegione: '08', codiceComune: '058091', codiceNazione: '380' }],
    prestazioni,
    ...over,
  };
}

/** A SINBA case that passes every rule: a 10-year-old in care since 2022 with a court measure. */
export function casoSinba(attributi: Record<string, string | undefined> = {}, over: Partial<CasoSinbaFlusso> = {}): CasoSinbaFlusso {
  const base: Record<string, string | undefined> = {
    minoreStranieroNoAcc: '2',
    condizioneMinore: '1',
    luogoVita: '3',
    scuolaFrequentata: '5',
    condizioneLavoro: '1',
    disabilita: '2',
    dataPrimaSegnalazione: '03/2022',
    fonteSegnalazione: '13',
    valutazioneMinore: '2',
    valutazioneFamigliaMinore: '2',
    segnalazioneAutoritaGiudiziaria: '1',
    dataSegnalazione: '05/2022',
    provvedimentoGiudiziario: '1',
    dataProvvedimentoGiudiziario: '09/2022',
    autoritaProvvedimento: '2',
    tipoProvvedimentoGiudiziario: '4',
    formaInterventoAffido: '2',
    tipoInterventoAffido: '2',
    durataAffido: '1',
    carattereAffido: '1',
    fasciaEtaBeneficiario: '4',
    annoNascita: '2014',
    codiceRegioneResidenza: '08',
    codiceNazioneResidenza: '380',
    ...attributi,
  };
  const definiti = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined));
  return {
    posizione: { numero: 1, riga: 4 },
    idBeneficiario: 'RM-2022-000123',
    attributi: definiti,
    prestazioni: ['A2.02'],
    composizioneFamiglia: ['3'],
    ...over,
  };
}

export function intestazioneSip(over: Partial<IntestazioneFlusso> = {}): IntestazioneFlusso {
  return { ...intestazionePs(), nome: 'H501.SIP.20240115.0000001', ...over };
}

/** A woman born 10 May 1988 in Roma, and a girl born 25 March 2015 in Roma: the household of `CF`. */
export const CF_CONIUGE = 'BNCLRA88E50H501V';
export const CF_FIGLIA = 'RSSGLI15C65H501B';

/** A member of the Roma household, with an Anagrafica coherent with the code. */
export function componenteSip(cf: string, over: Partial<ComponenteNucleoFlusso> = {}): ComponenteNucleoFlusso {
  const anagrafiche: Record<string, ComponenteNucleoFlusso['anagrafica']> = {
    [CF]: { cognome: 'ROSSI', nome: 'MARIO', annoNascita: '1985', luogoNascita: 'A562', genere: '1', codiceCittadinanza: '380' },
    [CF_CONIUGE]: { cognome: 'BIANCHI', nome: 'LAURA', annoNascita: '1988', luogoNascita: 'H501', genere: '2', codiceCittadinanza: '380' },
    [CF_FIGLIA]: { cognome: 'ROSSI', nome: 'GIULIA', annoNascita: '2015', luogoNascita: 'H501', genere: '2', codiceCittadinanza: '380' },
  };
  return {
    codiceFiscale: cf,
    ruolo: cf === CF ? 'RICHIEDENTE' : cf === CF_CONIUGE ? 'CONIUGE' : 'FIGLIO',
    attivabileLavoro: cf === CF_FIGLIA ? 'false' : 'true',
    anagrafica: anagrafiche[cf] ?? { cognome: 'ALTRO', nome: 'NOME', annoNascita: '1980', luogoNascita: 'H501', genere: '1', codiceCittadinanza: '380' },
    ...over,
  };
}

/** A SIP case that passes every rule: an ADI household in Roma with every stage up to a monitoring meeting. */
export function casoSip(over: Partial<CasoSipFlusso> = {}): CasoSipFlusso {
  return {
    posizione: { numero: 1, riga: 5 },
    tipoOperazione: 'I',
    protocolloCaso: 'RM-ADI-2024-000123',
    misura: 'ADI',
    dataDomanda: '2024-01-15',
    dataPattoDigitale: '2024-01-20',
    codiceComune: '058091',
    codiceRegione: '12',
    nucleo: [componenteSip(CF), componenteSip(CF_CONIUGE), componenteSip(CF_FIGLIA)],
    analisiPreliminare: { data: '2024-02-12', esito: 'QUADRO_ANALISI' },
    quadroAnalisi: {
      data: '2024-03-05',
      dimensioni: [{ codice: 'SITUAZIONE_ECONOMICA', risorse: '1', vulnerabilita: '3', fattoriSostegno: '2' }],
      equipe: ['SERVIZIO_SOCIALE', 'CPI'],
    },
    progetto: {
      tipo: 'PROGETTO_PERSONALIZZATO',
      dataSottoscrizione: '2024-03-26',
      obiettivi: ['Reddito da lavoro stabile'],
      sostegni: ['TIROCINIO_INCLUSIONE', 'SOSTEGNO_SOCIO_EDUCATIVO'],
      impegni: [
        { codiceFiscale: CF, descrizione: "Iscrizione al Centro per l'impiego", scadenza: '2024-05-31', stato: 'RISPETTATO' },
        { codiceFiscale: CF_CONIUGE, descrizione: 'Corso di formazione', scadenza: '2024-12-31', stato: 'IN_CORSO' },
      ],
      incontri: [{ data: '2024-05-20', esito: 'SVOLTO' }],
    },
    ...over,
  };
}

/** The only record-level segnalazione of an esito, after checking there is exactly one. */
export function unica(esito: EsitoRecord | undefined): Segnalazione {
  expect(esito).toBeDefined();
  expect(esito?.segnalazioni).toHaveLength(1);
  const s = esito?.segnalazioni[0];
  if (!s) throw new Error('no segnalazione');
  return s;
}

/** A message addressed to the benefit, with the codice fiscale masked and never in clear. */
export function expectIndirizzataAllaPrestazione(messaggio: string, rif: string): void {
  expect(messaggio.startsWith(`${rif}: `)).toBe(true);
  expect(messaggio).toContain(CF_MASCHERATO);
  expect(messaggio).not.toContain(CF);
  expect(messaggio).not.toContain('ROSSI');
  expect(messaggio).not.toContain('MARIO');
}
