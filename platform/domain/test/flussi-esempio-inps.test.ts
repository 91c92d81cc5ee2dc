/**
 * The two sample flows of INPS's api-comuni.yaml (`RispostaConFlussi` example of
 * GET /flussi), decoded from base64 and turned into records by hand, line by
 * line, as the XML parser would. The expected esiti are written out in full:
 * they are what an ente would read back.
 */
import { describe, expect, it } from 'vitest';
import { validaBeneficiario } from '../src/flussi/beneficiario';
import { validaIntestazione } from '../src/flussi/intestazione';
import { validaCasoSinba } from '../src/flussi/sinba';
import type { Segnalazione } from '../src/flussi/esito';
import type { BeneficiarioFlusso, CasoSinbaFlusso, IntestazioneFlusso, SinaFlusso } from '../src/flussi/records';
import { nomenclatore } from './support/flussi';

// INPS would have collected the flows on the day they are named after.
const OGGI = '2021-05-20';

/*
 * First flow, decoded (29 lines):
 *  2 <IdentificazioneFlusso Nome="H501.PS.20210520.0000002">
 *  3 <Ente Denominazione="aaaaa" Codice="H501" CFOperatore="CCCDDD25A42H199X" Indirizzo="H501"/>
 *  5 <Beneficiario CodiceFiscale="AAABBB39M66A351C">
 *  6 <Anagrafica AnnoNascita="1939" Genere="2" CodiceCittadinanza="380" Nome="BBB" LuogoNascita="A351" Cognome="AAA"/>
 *  7 <Indirizzo CodiceComune="068001" CodiceNazione="380" CodiceRegione="01"/>
 *  8 <PrestazioniSociali CaratterePrestazione="1" AreaUtenza="2" ImportoQuotaUtente="21.71" ImportoQuotaRichiesta="151.64"
 *      TipoOperazione="I" DataInizioPrestazione="2020-10-14" CodicePrestazione="A1.16"
 *      DenominazionePrestazione="Contributi economici per servizio trasporto e mobilità" ProtocolloDomanda="12356Mari"
 *      DataEvento="2020-10-13" ImportoMensile="101.23" ImportoQuotaSSN="0.0" PeriodoErogazione="1"
 *      ImportoSogliaISEE="17000.0" PresaCarico="1" DataFinePrestazione="2020-11-13" ImportoQuotaEnte="52.54"
 *      PresenzaProvaMezzi="2" OreServizioMensile="2.59">
 *  9   <SINA NecessitaCureSanitarie="1" FonteDerivazioneInvalidita="1" AreaReddituale="1" DisturbiAreaCognitiva="1"
 *        StrumentoValutazione="1" FonteDerivazioneValutazione="1" AreaSupporto="1" Mobilita="1"
 *        DisturbiComportamentali="1" AttivitaVitaQuotidiana="1">
 * 10-13  NecessitaInterventiSociali: A2.17, A2.18;  14-17  InvaliditaCivile: 1, 3
 * 20 <PrestazioniSociali ... same as line 8 but DataInizioPrestazione="2020-11-14" CodicePrestazione="A2.16"
 *      DenominazionePrestazione="Interventi di supporto per reperimento alloggi" ImportoQuotaSSN="26.98"
 *      DataFinePrestazione="2020-12-13">
 * 21   <SINA ... same attributes> 22-24 NecessitaInterventiSociali: A2.17
 * 27 <PrestazioniSociali CaratterePrestazione="2" ImportoQuotaUtente="155.56" ImportoQuotaRichiesta="351.64"
 *      TipoOperazione="I" DataErogazionePrestazione="2020-12-01" ImportoPrestazione="1265.23" CodicePrestazione="A1.09"
 *      DenominazionePrestazione="Telesoccorso e teleassistenza" ProtocolloDomanda="test" DataEvento="2020-10-13"
 *      ImportoQuotaSSN="141.98" ImportoSogliaISEE="34308.0" PresaCarico="2" ImportoQuotaEnte="967.69"
 *      PresenzaProvaMezzi="2" OreServizioMensile="2.59"> </PrestazioniSociali>
 */
const intestazionePs: IntestazioneFlusso = {
  nome: 'H501.PS.20210520.0000002',
  ente: { codice: 'H501', denominazione: 'aaaaa', indirizzo: 'H501', cfOperatore: 'CCCDDD25A42H199X' },
};

function sina(necessitaInterventiSociali: string[], invaliditaCivile: string[]): SinaFlusso {
  return {
    mobilita: '1',
    attivitaVitaQuotidiana: '1',
    disturbiAreaCognitiva: '1',
    disturbiComportamentali: '1',
    necessitaCureSanitarie: '1',
    areaReddituale: '1',
    areaSupporto: '1',
    fonteDerivazioneValutazione: '1',
    strumentoValutazione: '1',
    fonteDerivazioneInvalidita: '1',
    necessitaInterventiSociali,
    invaliditaCivile,
  };
}

const beneficiario: BeneficiarioFlusso = {
  posizione: { numero: 1, riga: 5 },
  codiceFiscale: 'AAABBB39M66A351C',
  anagrafica: { cognome: 'AAA', nome: 'BBB', annoNascita: '1939', luogoNascita: 'A351', genere: '2', codiceCittadinanza: '380' },
  indirizzi: [{ codiceRegione: '01', codiceComune: '068001', codiceNazione: '380' }],
  prestazioni: [
    {
      posizione: { numero: 1, riga: 8 },
      tipoOperazione: 'I',
      presenzaProvaMezzi: '2',
      caratterePrestazione: '1',
      codicePrestazione: 'A1.16',
      denominazionePrestazione: 'Contributi economici per servizio trasporto e mobilità',
      protocolloDomanda: '12356Mari',
      dataEvento: '2020-10-13',
      dataInizioPrestazione: '2020-10-14',
      dataFinePrestazione: '2020-11-13',
      periodoErogazione: '1',
      importoMensile: '101.23',
      importoQuotaEnte: '52.54',
      importoQuotaUtente: '21.71',
      importoQuotaSSN: '0.0',
      importoQuotaRichiesta: '151.64',
      importoSogliaISEE: '17000.0',
      oreServizioMensile: '2.59',
      presaCarico: '1',
      areaUtenza: '2',
      sina: sina(['A2.17', 'A2.18'], ['1', '3']),
    },
    {
      posizione: { numero: 2, riga: 20 },
      tipoOperazione: 'I',
      presenzaProvaMezzi: '2',
      caratterePrestazione: '1',
      codicePrestazione: 'A2.16',
      denominazionePrestazione: 'Interventi di supporto per reperimento alloggi',
      protocolloDomanda: '12356Mari',
      dataEvento: '2020-10-13',
      dataInizioPrestazione: '2020-11-14',
      dataFinePrestazione: '2020-12-13',
      periodoErogazione: '1',
      importoMensile: '101.23',
      importoQuotaEnte: '52.54',
      importoQuotaUtente: '21.71',
      importoQuotaSSN: '26.98',
      importoQuotaRichiesta: '151.64',
      importoSogliaISEE: '17000.0',
      oreServizioMensile: '2.59',
      presaCarico: '1',
      areaUtenza: '2',
      sina: sina(['A2.17'], []),
    },
    {
      posizione: { numero: 3, riga: 27 },
      tipoOperazione: 'I',
      presenzaProvaMezzi: '2',
      caratterePrestazione: '2',
      codicePrestazione: 'A1.09',
      denominazionePrestazione: 'Telesoccorso e teleassistenza',
      protocolloDomanda: 'test',
      dataEvento: '2020-10-13',
      dataErogazionePrestazione: '2020-12-01',
      importoPrestazione: '1265.23',
      importoQuotaEnte: '967.69',
      importoQuotaUtente: '155.56',
      importoQuotaSSN: '141.98',
      importoQuotaRichiesta: '351.64',
      importoSogliaISEE: '34308.0',
      oreServizioMensile: '2.59',
      presaCarico: '2',
    },
  ],
};

const OPERATORE: Segnalazione = {
  codice: 'OPERATORE_CF_NON_VALIDO',
  gravita: 'AVVISO',
  campo: 'CFOperatore',
  messaggio:
    "Il codice fiscale dell'operatore CCC***********9X ha il carattere di controllo errato: dai primi 15 caratteri " +
    'dovrebbe essere «E», nel flusso è «X». I record del flusso sono stati esaminati comunque; correggere ' +
    'Ente@CFOperatore nei prossimi flussi.',
};

function cfBeneficiario(rif: string): Segnalazione {
  return {
    codice: 'BENEFICIARIO_CF_CONTROLLO',
    gravita: 'ERRORE',
    campo: 'CodiceFiscale',
    messaggio:
      `${rif}: il codice fiscale AAA***********1C ha il carattere di controllo errato: dai primi 15 caratteri ` +
      'dovrebbe essere «T», nel flusso è «C». Un codice fiscale non valido non identifica il beneficiario, quindi ' +
      'tutte le 3 prestazioni del beneficiario sono state scartate. Correggere il codice fiscale del beneficiario ' +
      'e inviare di nuovo tutte le sue prestazioni.',
  };
}

function sinaSconosciuto(rif: string, codice: string): Segnalazione {
  return {
    codice: 'SINA_CODICE_SCONOSCIUTO',
    gravita: 'AVVISO',
    campo: 'NecessitaInterventiSociali',
    messaggio:
      `${rif}: il codice «${codice}» di NecessitaInterventiSociali (valutazione SINA) è ben formato ma non è nel ` +
      'nomenclatore in uso. Questo non blocca la prestazione; se il codice non è stato introdotto di recente, ' +
      'verificare che sia quello giusto.',
  };
}

function denominazione(rif: string, codice: string, nome: string): Segnalazione {
  return {
    codice: 'PRESTAZIONE_DENOMINAZIONE_DIVERSA',
    gravita: 'AVVISO',
    campo: 'DenominazionePrestazione',
    messaggio:
      `${rif}: DenominazionePrestazione è diversa dalla denominazione del nomenclatore per ${codice}, «${nome}». ` +
      `Questo non blocca la prestazione, registrata con il codice ${codice}; verificare che il codice sia quello ` +
      'della prestazione erogata e usare la denominazione del nomenclatore nei prossimi invii.',
  };
}

describe('INPS sample flow H501.PS.20210520.0000002', () => {
  it('has a header that only warns about the operator\'s codice fiscale', () => {
    expect(validaIntestazione(intestazionePs, 'PS_PSA_SINA', { oggi: OGGI })).toEqual({
      stato: 'ACCETTATO_CON_AVVISI',
      segnalazioni: [OPERATORE],
    });
  });

  it('rejects its three benefits for the beneficiary\'s check character, listing everything else to fix', () => {
    const rif1 = 'Prestazione n. 1 (A1.16, domanda 12356Mari) del beneficiario AAA***********1C';
    const rif2 = 'Prestazione n. 2 (A2.16, domanda 12356Mari) del beneficiario AAA***********1C';
    const rif3 = 'Prestazione n. 3 (A1.09, domanda test) del beneficiario AAA***********1C';

    const esiti = validaBeneficiario(beneficiario, { nomenclatore, oggi: OGGI, intestazione: intestazionePs });

    expect(esiti).toEqual([
      {
        numero: 1,
        riga: 8,
        stato: 'RIFIUTATO',
        segnalazioni: [
          OPERATORE,
          cfBeneficiario(rif1),
          {
            codice: 'PRESTAZIONE_IMPORTO_NON_POSITIVO',
            gravita: 'ERRORE',
            campo: 'ImportoQuotaSSN',
            messaggio:
              `${rif1}: ImportoQuotaSSN vale 0.0, ma la specifica lo vuole maggiore di zero. Se il Servizio ` +
              "sanitario non paga una quota, omettere l'attributo e inviare di nuovo la prestazione.",
          },
          {
            codice: 'PRESTAZIONE_QUOTE_SOMMA_DIVERSA',
            gravita: 'ERRORE',
            campo: 'ImportoMensile',
            messaggio:
              `${rif1}: le quote (ImportoQuotaEnte 52.54 + ImportoQuotaUtente 21.71 + ImportoQuotaSSN 0.0) sommano ` +
              "a 74.25, ma ImportoMensile è 101.23 (differenza 26.98). Le quote indicate devono sommare esattamente, " +
              "al centesimo, all'importo mensile. Correggere le quote o l'importo e inviare di nuovo la prestazione.",
          },
          sinaSconosciuto(rif1, 'A2.17'),
          sinaSconosciuto(rif1, 'A2.18'),
        ],
      },
      {
        numero: 2,
        riga: 20,
        stato: 'RIFIUTATO',
        segnalazioni: [
          OPERATORE,
          cfBeneficiario(rif2),
          denominazione(rif2, 'A2.16', 'Interventi di supporto per il reperimento di alloggi'),
          sinaSconosciuto(rif2, 'A2.17'),
        ],
      },
      {
        numero: 3,
        riga: 27,
        stato: 'RIFIUTATO',
        segnalazioni: [
          OPERATORE,
          cfBeneficiario(rif3),
          denominazione(rif3, 'A1.09', 'Contributi economici per i servizi scolastici'),
        ],
      },
    ]);
    const testo = JSON.stringify(esiti);
    for (const inChiaro of ['AAABBB39M66A351C', 'CCCDDD25A42H199X', 'BBB"', 'AAA"']) expect(testo).not.toContain(inChiaro);
  });

  it('would accept the second and third benefits once the codice fiscale is corrected, with their warnings', () => {
    const corretto = { ...beneficiario, codiceFiscale: 'AAABBB39M66A351T' };
    const esiti = validaBeneficiario(corretto, { nomenclatore, oggi: OGGI, intestazione: intestazionePs });
    expect(esiti.map((e) => [e.numero, e.stato, e.segnalazioni.map((s) => s.codice)])).toEqual([
      [1, 'RIFIUTATO', ['OPERATORE_CF_NON_VALIDO', 'PRESTAZIONE_IMPORTO_NON_POSITIVO', 'PRESTAZIONE_QUOTE_SOMMA_DIVERSA', 'SINA_CODICE_SCONOSCIUTO', 'SINA_CODICE_SCONOSCIUTO']],
      [2, 'ACCETTATO_CON_AVVISI', ['OPERATORE_CF_NON_VALIDO', 'PRESTAZIONE_DENOMINAZIONE_DIVERSA', 'SINA_CODICE_SCONOSCIUTO']],
      [3, 'ACCETTATO_CON_AVVISI', ['OPERATORE_CF_NON_VALIDO', 'PRESTAZIONE_DENOMINAZIONE_DIVERSA']],
    ]);
  });
});

/*
 * Second flow, decoded:
 *  2 <IdentificazioneFlusso Nome="H501.SINBA.20210520.00000004">
 *  3 <Ente Codice="H501" Denominazione="COMUNE DI ROMA" CFOperatore="GHBLDE25A42H199X" Indirizzo="H501"/>
 *  5 <SINBA ValutazioneFamigliaMinore="1" AnnoNascita="2005" NumeroComponentiISEE="9" CodiceNazioneResidenza="380"
 *      InvCivCertificazioni="1" ValutazioneMinore="1" MinoreStranieroNoAcc="1" LuogoVita="1"
 *      ProvvedimentoGiudiziario="1" DataProvvedimentoGiudiziario="03/2012" AutoritaProvvedimento="1"
 *      CondizioneLavoro="1" CondizioneMinore="1" Disabilita="1" TipoDisabilita="1" FonteSegnalazione="1"
 *      DataPrimaSegnalazione="01/2010" FasciaEtaBeneficiario="2" SegnalazioneAutoritaGiudiziaria="1"
 *      DataSegnalazione="06/2016" FasciaISEEBeneficiario="1" ScuolaFrequentata="1" IDBeneficiario="PROVA BENEF">
 *  6-9  Prestazioni: A1.02, A2.06;  10-13  Famiglia: 1, 2
 */
describe('INPS sample flow H501.SINBA.20210520.00000004', () => {
  it('rejects the case: residence in Italy without CodiceRegioneResidenza', () => {
    const intestazione: IntestazioneFlusso = {
      nome: 'H501.SINBA.20210520.00000004',
      ente: { codice: 'H501', denominazione: 'COMUNE DI ROMA', indirizzo: 'H501', cfOperatore: 'GHBLDE25A42H199X' },
    };
    const caso: CasoSinbaFlusso = {
      posizione: { numero: 1, riga: 5 },
      idBeneficiario: 'PROVA BENEF',
      attributi: {
        valutazioneFamigliaMinore: '1',
        annoNascita: '2005',
        numeroComponentiISEE: '9',
        codiceNazioneResidenza: '380',
        invCivCertificazioni: '1',
        valutazioneMinore: '1',
        minoreStranieroNoAcc: '1',
        luogoVita: '1',
        provvedimentoGiudiziario: '1',
        dataProvvedimentoGiudiziario: '03/2012',
        autoritaProvvedimento: '1',
        condizioneLavoro: '1',
        condizioneMinore: '1',
        disabilita: '1',
        tipoDisabilita: '1',
        fonteSegnalazione: '1',
        dataPrimaSegnalazione: '01/2010',
        fasciaEtaBeneficiario: '2',
        segnalazioneAutoritaGiudiziaria: '1',
        dataSegnalazione: '06/2016',
        fasciaISEEBeneficiario: '1',
        scuolaFrequentata: '1',
      },
      prestazioni: ['A1.02', 'A2.06'],
      composizioneFamiglia: ['1', '2'],
    };

    // Born 2005, first report 01/2010: band 2 (3-6 years) is the age at the first report, so it fits.
    expect(validaCasoSinba(caso, { nomenclatore, oggi: OGGI, intestazione })).toEqual({
      numero: 1,
      riga: 5,
      stato: 'RIFIUTATO',
      segnalazioni: [
        {
          codice: 'SINBA_REGIONE_RESIDENZA_MANCANTE',
          gravita: 'ERRORE',
          campo: 'CodiceRegioneResidenza',
          messaggio:
            'Caso SINBA n. 1 (IDBeneficiario «PROVA BENEF»): la residenza è in Italia (CodiceNazioneResidenza 380) ' +
            'ma manca CodiceRegioneResidenza, obbligatorio in questo caso. Indicare il codice della regione di ' +
            'residenza (due cifre, codifica DM1986, ad esempio 08 per il Lazio) e inviare di nuovo il caso.',
        },
      ],
    });
  });
});
