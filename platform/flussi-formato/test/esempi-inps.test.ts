import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chiudiPoolCondiviso, leggiFlusso, validaXsd } from '../src/index';
import { esempioSip, fixture } from './aiuti';

afterAll(() => chiudiPoolCondiviso());

// The two flows carried in base64 by the examples of INPS's api-comuni.yaml (kept
// unchanged in schemas/, MIT licence in schemas/LICENSE-INPS), decoded verbatim into test/fixtures.
const YAML = new URL('../schemas/api-comuni.yaml', import.meta.url);

describe('the INPS sample flows (api-comuni.yaml)', () => {
  it('are the fixtures, byte for byte', () => {
    const yaml = readFileSync(YAML, 'utf8');
    const decoded = [...yaml.matchAll(/flusso: >-\n\s+(\S+)/g)].map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'));
    expect(decoded).toEqual([fixture('inps-ps-psa-sina.xml'), fixture('inps-sinba.xml')]);
  });

  it('PS_PSA_SINA: one beneficiary, three benefits, two with SINA, no schema error', async () => {
    const letto = await leggiFlusso(Buffer.from(fixture('inps-ps-psa-sina.xml')), 'PS_PSA_SINA');
    if (!letto.ok) throw new Error(letto.rifiuto.messaggio);
    expect(letto.erroriFlusso).toEqual([]);
    expect(letto.erroriPerRecord.size).toBe(0);
    expect(letto.numeroRecord).toBe(3);
    expect(letto.intestazione).toEqual({
      nome: 'H501.PS.20210520.0000002',
      ente: { codice: 'H501', denominazione: 'aaaaa', indirizzo: 'H501', cfOperatore: 'CCCDDD25A42H199X' },
    });
    const [b] = letto.records;
    expect(letto.records).toHaveLength(1);
    expect(b?.posizione).toEqual({ numero: 1, riga: 5 });
    expect(b?.codiceFiscale).toBe('AAABBB39M66A351C');
    expect(b?.anagrafica).toEqual({ cognome: 'AAA', nome: 'BBB', annoNascita: '1939', luogoNascita: 'A351', genere: '2', codiceCittadinanza: '380' });
    expect(b?.indirizzi).toEqual([{ codiceRegione: '01', codiceComune: '068001', codiceNazione: '380' }]);
    expect(b?.prestazioni).toHaveLength(3);
    expect(b?.prestazioni[0]).toEqual({
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
      sina: {
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
        necessitaInterventiSociali: ['A2.17', 'A2.18'],
        invaliditaCivile: ['1', '3'],
      },
    });
    expect(b?.prestazioni[1]?.posizione).toEqual({ numero: 2, riga: 20 });
    expect(b?.prestazioni[1]?.codicePrestazione).toBe('A2.16');
    expect(b?.prestazioni[1]?.sina?.necessitaInterventiSociali).toEqual(['A2.17']);
    expect(b?.prestazioni[1]?.sina?.invaliditaCivile).toEqual([]);
    expect(b?.prestazioni[2]).toEqual({
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
    });
  });

  it('SINBA: one pseudonymous case with its benefits and family', async () => {
    const letto = await leggiFlusso(fixture('inps-sinba.xml'), 'SINBA');
    if (!letto.ok) throw new Error(letto.rifiuto.messaggio);
    expect(letto.erroriFlusso).toEqual([]);
    expect(letto.erroriPerRecord.size).toBe(0);
    expect(letto.intestazione).toEqual({
      nome: 'H501.SINBA.20210520.00000004',
      ente: { codice: 'H501', denominazione: 'COMUNE DI ROMA', indirizzo: 'H501', cfOperatore: 'GHBLDE25A42H199X' },
    });
    expect(letto.records).toEqual([
      {
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
      },
    ]);
  });
});

describe('the SIP sample (schemas/esempio-sip.xml)', () => {
  it('validates against SIP.xsd', async () => {
    const v = await validaXsd(esempioSip(), 'SIP');
    expect(v).toEqual({ errori: [], troncato: false, parti: 1 });
  });

  it('parses into three cases with every stage', async () => {
    const letto = await leggiFlusso(esempioSip(), 'SIP');
    if (!letto.ok) throw new Error(letto.rifiuto.messaggio);
    expect(letto.erroriFlusso).toEqual([]);
    expect(letto.intestazione).toEqual({
      nome: 'F839.SIP.20250310.0000001',
      ente: { codice: 'F839', denominazione: 'Comune di Napoli', indirizzo: 'F839', cfOperatore: 'PRTPLA75D58F839Y' },
    });
    expect(letto.records.map((c) => [c.posizione, c.tipoOperazione, c.protocolloCaso])).toEqual([
      [{ numero: 1, riga: 8 }, 'I', 'NA-SIP-2024-000123'],
      [{ numero: 2, riga: 58 }, undefined, 'NA-SIP-2025-000007'],
      [{ numero: 3, riga: 67 }, 'C', 'NA-SIP-2024-000099'],
    ]);
    expect(letto.records[0]).toEqual({
      posizione: { numero: 1, riga: 8 },
      tipoOperazione: 'I',
      protocolloCaso: 'NA-SIP-2024-000123',
      misura: 'ADI',
      dataDomanda: '2024-01-15',
      dataPattoDigitale: '2024-01-20',
      dataChiusura: '2025-02-28',
      codiceComune: '063049',
      codiceRegione: '15',
      nucleo: [
        {
          codiceFiscale: 'SPSNNA85C52F839D',
          ruolo: 'RICHIEDENTE',
          attivabileLavoro: 'true',
          anagrafica: { cognome: 'ESPOSITO', nome: 'ANNA', annoNascita: '1985', luogoNascita: 'F839', genere: '2', codiceCittadinanza: '380' },
        },
        {
          codiceFiscale: 'SPSLCU82L02F839X',
          ruolo: 'CONIUGE',
          attivabileLavoro: 'false',
          anagrafica: { cognome: 'ESPOSITO', nome: 'LUCA', annoNascita: '1982', luogoNascita: 'F839', genere: '1', codiceCittadinanza: '380' },
        },
        {
          codiceFiscale: 'SPSSRA12S65F839Q',
          ruolo: 'FIGLIO',
          attivabileLavoro: 'false',
          anagrafica: { cognome: 'ESPOSITO', nome: 'SARA', annoNascita: '2012', luogoNascita: 'F839', genere: '2', codiceCittadinanza: '380', codiceSecondaCittadinanza: '642' },
        },
      ],
      analisiPreliminare: { data: '2024-02-12', esito: 'QUADRO_ANALISI' },
      quadroAnalisi: {
        data: '2024-03-05',
        dimensioni: [
          { codice: 'FUNZIONAMENTO_PERSONALE', risorse: '2', vulnerabilita: '2', fattoriSostegno: '1' },
          { codice: 'SITUAZIONE_ECONOMICA', risorse: '1', vulnerabilita: '3', fattoriSostegno: '2' },
          { codice: 'SITUAZIONE_LAVORATIVA', risorse: '2', vulnerabilita: '3', fattoriSostegno: '1' },
          { codice: 'EDUCAZIONE_FORMAZIONE', risorse: '2', vulnerabilita: '2', fattoriSostegno: '2' },
          { codice: 'CONDIZIONE_ABITATIVA', risorse: '1', vulnerabilita: '2', fattoriSostegno: '2' },
          { codice: 'RETI_FAMILIARI_SOCIALI', risorse: '3', vulnerabilita: '1', fattoriSostegno: '3' },
        ],
        equipe: ['SERVIZIO_SOCIALE', 'CPI', 'ABITARE'],
      },
      progetto: {
        tipo: 'PROGETTO_PERSONALIZZATO',
        dataSottoscrizione: '2024-03-26',
        obiettivi: ['Raggiungere un reddito da lavoro stabile per almeno un componente', "Ridurre la morosità nel pagamento dell'affitto e delle utenze"],
        sostegni: ['TIROCINIO_INCLUSIONE', 'SOSTEGNO_SOCIO_EDUCATIVO'],
        impegni: [
          { codiceFiscale: 'SPSNNA85C52F839D', descrizione: "Iscrizione e presentazione al Centro per l'impiego", scadenza: '2024-05-31', stato: 'RISPETTATO' },
          { codiceFiscale: 'SPSLCU82L02F839X', descrizione: 'Piano di rientro concordato per le utenze arretrate', scadenza: '2024-12-31', stato: 'NON_RISPETTATO' },
          { codiceFiscale: 'SPSNNA85C52F839D', descrizione: 'Frequenza scolastica regolare dei figli minori', scadenza: '2025-06-30', stato: 'IN_CORSO' },
        ],
        incontri: [
          { data: '2024-05-20', esito: 'SVOLTO' },
          { data: '2024-08-19', esito: 'ASSENZA_GIUSTIFICATA' },
          { data: '2024-09-02', esito: 'SVOLTO' },
        ],
      },
    });
    expect(letto.records[1]).toEqual({
      posizione: { numero: 2, riga: 58 },
      protocolloCaso: 'NA-SIP-2025-000007',
      misura: 'SFL',
      dataDomanda: '2025-01-08',
      codiceComune: '063049',
      codiceRegione: '15',
      nucleo: [
        {
          codiceFiscale: 'BNCMRC70A30F839G',
          ruolo: 'RICHIEDENTE',
          attivabileLavoro: 'true',
          anagrafica: { cognome: 'BIANCO', nome: 'MARCO', annoNascita: '1970', luogoNascita: 'F839', genere: '1', codiceCittadinanza: '380' },
        },
      ],
      analisiPreliminare: { data: '2025-02-03', esito: 'CPI' },
    });
  });
});
