import type { DemoCasoSinba, DemoDataset } from '@casellario/demo-data';

/** The required attributes of SinbaType with ordinary values; cases override what they test. */
function minimi(overrides: Record<string, string>): Record<string, string> {
  return {
    minoreStranieroNoAcc: '2',
    condizioneMinore: '1',
    luogoVita: '1',
    scuolaFrequentata: '5',
    condizioneLavoro: '1',
    disabilita: '2',
    fonteSegnalazione: '2',
    valutazioneMinore: '2',
    valutazioneFamigliaMinore: '12',
    segnalazioneAutoritaGiudiziaria: '2',
    provvedimentoGiudiziario: '2',
    fasciaEtaBeneficiario: '3',
    annoNascita: '2016',
    codiceNazioneResidenza: '380',
    ...overrides,
  };
}

function caso(n: number, enteCodice: string, idBeneficiario: string, attributi: Record<string, string>): DemoCasoSinba {
  return {
    id: `5b1a0c2e-7d3f-4e21-9c4b-${String(n).padStart(12, '0')}`,
    enteCodice,
    idBeneficiario,
    prestazioni: ['A2.02'],
    composizioneFamiglia: ['1', '2'],
    attributi,
  };
}

/**
 * Every attribute of SinbaType, with a value different from the default where the
 * enumeration allows, so a swapped column would show. Keys as the generator writes
 * them: the XSD names with the first letter lower-cased.
 */
export const ROMA_COMPLETO: DemoCasoSinba = {
  ...caso(1, 'H501', 'RM-0001', {
    minoreStranieroNoAcc: '2',
    condizioneMinore: '3',
    luogoVita: '4',
    scuolaFrequentata: '6',
    condizioneLavoro: '1',
    disabilita: '1',
    tipoDisabilita: '2',
    invCivCertificazioni: '4',
    codiceCittadinanzaPadre: '380',
    codiceCittadinanzaMadre: '642',
    codiceRegioneResidenzaPadre: '12',
    codiceRegioneResidenzaMadre: '03',
    titoloStudioPadre: '3',
    titoloStudioMadre: '5',
    occupazionePadre: '7',
    occupazioneMadre: '4',
    dataPrimaSegnalazione: '03/2022',
    fonteSegnalazione: '13',
    valutazioneMinore: '7',
    valutazioneFamigliaMinore: '2',
    segnalazioneAutoritaGiudiziaria: '1',
    dataSegnalazione: '05/2022',
    provvedimentoGiudiziario: '1',
    dataProvvedimentoGiudiziario: '09/2022',
    autoritaProvvedimento: '2',
    potestaTutela: '1',
    tipoProvvedimentoGiudiziario: '8',
    formaInterventoAffido: '2',
    tipoInterventoAffido: '2',
    durataAffido: '1',
    carattereAffido: '1',
    esitoAffido: '4',
    carattereInserimentoResidenziale: '10',
    formaInserimentoResidenziale: '2',
    tipoInserimentoResidenziale: '2',
    esitoInserimentoStruttura: '6',
    motivazioneChiusuraCarico: '3',
    situazioneChiusuraCarico: '4',
    collaborazioniInterventi: '2',
    numeroComponentiISEE: '4',
    fasciaEtaBeneficiario: '6',
    fasciaISEEBeneficiario: '3',
    annoNascita: '2007',
    codiceRegioneResidenza: '12',
    codiceNazioneResidenza: '380',
  }),
  prestazioni: ['A2.02', 'A3.02'],
  composizioneFamiglia: ['1', '3', '5'],
};

/** The same child (same local id) taken in charge again after the first case closed. */
export const ROMA_RIPRESO = caso(7, 'H501', 'RM-0001', minimi({ dataPrimaSegnalazione: '02/2025', codiceRegioneResidenza: '12' }));
export const ROMA_2 = caso(2, 'H501', 'RM-0002', minimi({ dataPrimaSegnalazione: '01/2023', codiceRegioneResidenza: '12' }));
export const ROMA_3 = caso(
  3,
  'H501',
  'RM-0003',
  minimi({
    dataPrimaSegnalazione: '06/2024',
    codiceRegioneResidenza: '12',
    luogoVita: '3',
    segnalazioneAutoritaGiudiziaria: '1',
    dataSegnalazione: '07/2024',
    provvedimentoGiudiziario: '1',
    dataProvvedimentoGiudiziario: '10/2024',
    tipoProvvedimentoGiudiziario: '4',
    formaInterventoAffido: '2',
  }),
);
/** Same month as ROMA_RIPRESO: the id breaks the tie in the listing order. */
export const ROMA_4 = caso(8, 'H501', 'RM-0004', minimi({ dataPrimaSegnalazione: '02/2025', codiceRegioneResidenza: '12' }));
/** Withdrawn by the ente after loading (the test marks it): hidden from listings unless asked. */
export const ROMA_ANNULLATO = caso(9, 'H501', 'RM-0009', minimi({ dataPrimaSegnalazione: '12/2021', codiceRegioneResidenza: '12' }));
export const MILANO = caso(4, 'F205', 'MI-0001', minimi({ dataPrimaSegnalazione: '04/2023', codiceRegioneResidenza: '03' }));
/** Milano happens to use the same local id as a Roma case: local ids mean nothing across enti. */
export const MILANO_OMONIMO = caso(5, 'F205', 'RM-0001', minimi({ dataPrimaSegnalazione: '07/2023', codiceRegioneResidenza: '03', luogoVita: '3' }));
export const LATINA = caso(6, 'E472', 'LT-0001', minimi({ dataPrimaSegnalazione: '11/2022', codiceRegioneResidenza: '12', luogoVita: '2' }));

export const fixture: Pick<DemoDataset, 'enti' | 'casiSinba'> = {
  enti: [
    { codice: 'H501', denominazione: 'Comune di Roma', tipo: 'COMUNE', belfiore: 'H501', codiceComune: '058091', codiceRegione: '12' },
    { codice: 'F205', denominazione: 'Comune di Milano', tipo: 'COMUNE', belfiore: 'F205', codiceComune: '015146', codiceRegione: '03' },
    { codice: 'E472', denominazione: 'Comune di Latina', tipo: 'COMUNE', belfiore: 'E472', codiceComune: '059011', codiceRegione: '12' },
  ],
  casiSinba: [ROMA_COMPLETO, ROMA_RIPRESO, ROMA_2, ROMA_3, ROMA_4, ROMA_ANNULLATO, MILANO, MILANO_OMONIMO, LATINA],
};

/** Listing order (first report, then id) of the cases that are not withdrawn. */
export const ORDINE_ELENCO = [ROMA_COMPLETO, LATINA, ROMA_2, MILANO, MILANO_OMONIMO, ROMA_3, ROMA_RIPRESO, ROMA_4];
