/**
 * Rules on a SINBA case (tables 15–16) that the XSD cannot express: months that
 * are real and not in the future, the details a court measure or a report to
 * the judicial authority needs, disability, residence, the age band against
 * the year of birth, the closure of the case, and the benefit codes.
 *
 * SINBA is pseudonymous at source: an IDBeneficiario shaped like a codice
 * fiscale is rejected, and messages mask it.
 */
import { isWellFormedCodicePrestazione } from '../nomenclatore';
import { regioneDm1986 } from '../regioni-dm1986';
import type { CasoSinbaFlusso } from './records';
import type { ContestoValidazione } from './contesto';
import { creaSegnalazione, statoEsito } from './esito';
import type { CodiceSegnalazione, EsitoRecord, Segnalazione } from './esito';
import { haFormaCodiceFiscale, maiuscola, mascheraCodiceFiscale, riferimentoCasoSinba } from './riferimenti';
import { dataDelFlusso, leggiOggi, validaIntestazione } from './intestazione';
import { confrontaDate, confrontaMesi, formatData, leggiMeseAnno } from './valori';
import type { DataCalendario } from './valori';

/** Meanings of `FasciaEtaBeneficiarioType` (SINBA.xsd): band k spans 3(k−1) to 3k years. */
const FASCE_ETA: Readonly<Record<string, { da: number; a: number; etichetta: string }>> = {
  '1': { da: 0, a: 3, etichetta: '0-3 anni' },
  '2': { da: 3, a: 6, etichetta: '3-6 anni' },
  '3': { da: 6, a: 9, etichetta: '6-9 anni' },
  '4': { da: 9, a: 12, etichetta: '9-12 anni' },
  '5': { da: 12, a: 15, etichetta: '12-15 anni' },
  '6': { da: 15, a: 18, etichetta: '15-18 anni' },
};

/** `MotivazioneChiusuraCaricoType` 3: "raggiunta età maggiorenne". */
const CHIUSURA_MAGGIORE_ETA = '3';
/** `MotivazioneChiusuraCaricoType` 8: "decesso" — no situation after closure to report. */
const CHIUSURA_DECESSO = '8';
/** `SituazioneChiusuraCaricoType` 3 and 4: stays with the foster family / in the residential facility "anche se maggiorenne". */
const SITUAZIONI_DA_MAGGIORENNE: Readonly<Record<string, string>> = {
  '3': 'rimane nella famiglia affidataria anche se maggiorenne',
  '4': 'rimane nella struttura residenziale socio-assistenziale anche se maggiorenne',
};

const FORMA_CODICE = 'una lettera maiuscola, una cifra, un punto e due cifre, ad esempio A1.04';

interface Problema {
  codice: CodiceSegnalazione;
  campo: string;
  testo: string;
}

/**
 * Reads the case's attributes by XSD name whatever the case of the keys
 * (`DataPrimaSegnalazione`, `dataPrimaSegnalazione`, `dataprimasegnalazione`),
 * so the rules do not depend on how the parser spelled them. Empty values
 * count as absent.
 */
function lettore(caso: CasoSinbaFlusso): (nomeXsd: string) => string | undefined {
  const perNome = new Map<string, string>();
  for (const [k, v] of Object.entries(caso.attributi)) {
    if (v.trim() !== '') perNome.set(k.toLowerCase(), v.trim());
  }
  return (nomeXsd) => perNome.get(nomeXsd.toLowerCase());
}

function elenco(nomi: readonly string[]): string {
  return nomi.length <= 1 ? (nomi[0] ?? '') : `${nomi.slice(0, -1).join(', ')} e ${nomi.at(-1)}`;
}

/**
 * Validates one SINBA case and returns its esito: the flow header's
 * segnalazioni (see `validaIntestazione`), then the case's own, in the order
 * of the rules in README.md. `numero` is the case's `posizione.numero`.
 */
export function validaCasoSinba(caso: CasoSinbaFlusso, contesto: ContestoValidazione): EsitoRecord {
  const oggi = leggiOggi(contesto.oggi);
  const flusso = validaIntestazione(contesto.intestazione, 'SINBA', { oggi: contesto.oggi }).segnalazioni;
  const attr = lettore(caso);
  const problemi: Problema[] = [];
  const push = (codice: CodiceSegnalazione, campo: string, testo: string): void => {
    problemi.push({ codice, campo, testo });
  };
  const meseOggi = { anno: oggi.anno, mese: oggi.mese };

  if (haFormaCodiceFiscale(caso.idBeneficiario)) {
    push(
      'SINBA_ID_CODICE_FISCALE',
      'IDBeneficiario',
      `IDBeneficiario ha la forma di un codice fiscale (${mascheraCodiceFiscale(caso.idBeneficiario)}): il flusso ` +
        `SINBA è per legge pseudonimo e non può contenere il codice fiscale del minore. Il caso non è stato ` +
        `acquisito; sostituire il codice fiscale con l'identificativo pseudonimo che l'ente assegna al caso e ` +
        `inviarlo di nuovo.`,
    );
  }

  // Dates MM/AAAA.
  const date = new Map<string, { anno: number; mese: number }>();
  for (const campo of ['DataPrimaSegnalazione', 'DataSegnalazione', 'DataProvvedimentoGiudiziario']) {
    const scritto = attr(campo);
    if (scritto === undefined) continue;
    const letto = leggiMeseAnno(scritto);
    if (!letto) {
      push(
        'SINBA_DATA_FORMATO',
        campo,
        `${campo} «${scritto}» non indica un mese reale: il formato è MM/AAAA con il mese da 01 a 12. ` +
          `Correggere la data e inviare di nuovo il caso.`,
      );
    } else if (confrontaMesi(letto, meseOggi) > 0) {
      push(
        'SINBA_DATA_FUTURA',
        campo,
        `${campo} ${scritto} è successiva al mese di ricezione, ${String(oggi.mese).padStart(2, '0')}/${oggi.anno}. ` +
          `Correggere la data e inviare di nuovo il caso.`,
      );
    } else {
      date.set(campo, letto);
    }
  }

  // Year of birth and age band.
  const annoScritto = attr('AnnoNascita');
  const annoNascita = annoScritto === undefined ? undefined : Number(annoScritto);
  // The flow's own date places the case in time; a future or unreadable one falls back to the day of reception.
  const dataFlusso = dataDelFlusso(contesto.intestazione.nome, contesto.intestazione.ente.codice);
  const dataRiferimento: DataCalendario = dataFlusso && confrontaDate(dataFlusso, oggi) <= 0 ? dataFlusso : oggi;
  let annoValido = false;
  if (annoNascita !== undefined && Number.isInteger(annoNascita)) {
    if (annoNascita > oggi.anno) {
      push(
        'SINBA_ANNO_NASCITA_FUTURO',
        'AnnoNascita',
        `AnnoNascita ${annoScritto} è successivo all'anno in corso, ${oggi.anno}. Correggere l'anno di nascita e ` +
          `inviare di nuovo il caso.`,
      );
    } else {
      annoValido = true;
    }
  }
  const fascia = FASCE_ETA[attr('FasciaEtaBeneficiario') ?? ''];
  if (annoValido && annoNascita !== undefined && fascia) {
    // The spec does not say when the band is taken: accept any age the child had while the case was open,
    // from the first report (a year earlier if the birthday had not come) to the date of the flow.
    const prima = date.get('DataPrimaSegnalazione');
    const etaMin = Math.max(0, (prima ? prima.anno : dataRiferimento.anno) - annoNascita - 1);
    const etaMax = Math.max(0, dataRiferimento.anno - annoNascita);
    if (etaMin > fascia.a || etaMax < fascia.da) {
      const quando = prima
        ? `dalla prima segnalazione (${attr('DataPrimaSegnalazione')}) alla data del flusso (${formatData(dataRiferimento)})`
        : `alla data del flusso (${formatData(dataRiferimento)})`;
      push(
        'SINBA_FASCIA_ETA_INCOERENTE',
        'FasciaEtaBeneficiario',
        `FasciaEtaBeneficiario «${attr('FasciaEtaBeneficiario')}» (${fascia.etichetta}) non corrisponde ad ` +
          `AnnoNascita ${annoScritto}: ${quando} il minore ha avuto ` +
          `${etaMin === etaMax ? `${etaMin} anni` : `tra ${etaMin} e ${etaMax} anni`}. Questo non blocca il caso; ` +
          `correggere la fascia d'età o l'anno di nascita nei prossimi invii.`,
      );
    }
  }

  // Court measure and report to the judicial authority. The specification makes the measure's date and
  // authority and the report's date optional with no condition (lines 1107–1134): their absence is said,
  // never refused.
  if (attr('ProvvedimentoGiudiziario') === '1') {
    const mancanti = ['DataProvvedimentoGiudiziario', 'AutoritaProvvedimento'].filter((c) => attr(c) === undefined);
    if (mancanti.length > 0) {
      push(
        'SINBA_PROVVEDIMENTO_SENZA_DATI',
        mancanti[0] ?? 'ProvvedimentoGiudiziario',
        `c'è un provvedimento giudiziario (ProvvedimentoGiudiziario 1) ma ${mancanti.length === 1 ? 'manca' : 'mancano'} ` +
          `${elenco(mancanti)}. Il caso è registrato (${mancanti.length === 1 ? 'il campo è opzionale' : 'i campi sono opzionali'}); ` +
          `${mancanti.length === 1 ? 'indicarlo nei prossimi invii se noto' : 'indicarli nei prossimi invii se noti'}.`,
      );
    }
  } else if (attr('ProvvedimentoGiudiziario') === '2') {
    const indicati = ['DataProvvedimentoGiudiziario', 'AutoritaProvvedimento', 'TipoProvvedimentoGiudiziario', 'PotestaTutela'].filter(
      (c) => attr(c) !== undefined,
    );
    if (indicati.length > 0) {
      push(
        'SINBA_PROVVEDIMENTO_DATI_SENZA_PROVVEDIMENTO',
        indicati[0] ?? 'ProvvedimentoGiudiziario',
        `ProvvedimentoGiudiziario è 2 (nessun provvedimento) ma ${indicati.length === 1 ? 'è indicato' : 'sono indicati'} ` +
          `${elenco(indicati)}. Questo non blocca il caso; se c'è un provvedimento indicare ProvvedimentoGiudiziario 1, ` +
          `altrimenti omettere quei dati nei prossimi invii.`,
      );
    }
  }
  if (attr('SegnalazioneAutoritaGiudiziaria') === '1' && attr('DataSegnalazione') === undefined) {
    push(
      'SINBA_SEGNALAZIONE_SENZA_DATA',
      'DataSegnalazione',
      `c'è una segnalazione all'autorità giudiziaria (SegnalazioneAutoritaGiudiziaria 1) ma manca DataSegnalazione. ` +
        `Il caso è registrato (il campo è opzionale); indicare il mese della segnalazione (MM/AAAA) nei prossimi invii se noto.`,
    );
  } else if (attr('SegnalazioneAutoritaGiudiziaria') === '2' && attr('DataSegnalazione') !== undefined) {
    push(
      'SINBA_DATA_SEGNALAZIONE_SENZA_SEGNALAZIONE',
      'DataSegnalazione',
      `SegnalazioneAutoritaGiudiziaria è 2 (nessuna segnalazione) ma è indicata DataSegnalazione. Questo non blocca il caso; ` +
        `correggere uno dei due dati nei prossimi invii.`,
    );
  }

  // Disability.
  if (attr('Disabilita') === '1' && attr('TipoDisabilita') === undefined) {
    push(
      'SINBA_TIPO_DISABILITA_MANCANTE',
      'TipoDisabilita',
      `il minore ha una disabilità (Disabilita 1) ma manca TipoDisabilita (1 fisica, 2 psichica, 3 sensoriale, ` +
        `4 plurima). Questo non blocca il caso; indicare il tipo di disabilità nei prossimi invii.`,
    );
  } else if (attr('Disabilita') === '2') {
    const indicati = ['TipoDisabilita', 'InvCivCertificazioni'].filter((c) => attr(c) !== undefined);
    if (indicati.length > 0) {
      push(
        'SINBA_DISABILITA_INCOERENTE',
        indicati[0] ?? 'Disabilita',
        `Disabilita è 2 (nessuna disabilità) ma ${indicati.length === 1 ? 'è indicato' : 'sono indicati'} ` +
          `${elenco(indicati)}. Questo non blocca il caso; correggere Disabilita o omettere quei dati nei prossimi invii.`,
      );
    }
  }

  // Residence.
  if (attr('CodiceNazioneResidenza') === '380' && attr('CodiceRegioneResidenza') === undefined) {
    push(
      'SINBA_REGIONE_RESIDENZA_MANCANTE',
      'CodiceRegioneResidenza',
      `la residenza è in Italia (CodiceNazioneResidenza 380) ma manca CodiceRegioneResidenza, obbligatorio in ` +
        `questo caso. Indicare il codice della regione di residenza (due cifre, codifica DM1986, ad esempio 08 per il Lazio) e ` +
        `inviare di nuovo il caso.`,
    );
  }
  for (const campo of ['CodiceRegioneResidenza', 'CodiceRegioneResidenzaPadre', 'CodiceRegioneResidenzaMadre']) {
    const codice = attr(campo);
    if (codice !== undefined && !regioneDm1986(codice)) {
      push(
        'SINBA_REGIONE_SCONOSCIUTA',
        campo,
        `${campo} «${codice}» non è il codice di una regione nella codifica DM1986 (da 01 Abruzzo a 21 Veneto). Questo non blocca il caso; ` +
          `correggere il codice nei prossimi invii.`,
      );
    }
  }

  // Closure of the case.
  const motivazione = attr('MotivazioneChiusuraCarico');
  const situazione = attr('SituazioneChiusuraCarico');
  if (motivazione !== undefined && situazione === undefined && motivazione !== CHIUSURA_DECESSO) {
    push(
      'SINBA_CHIUSURA_INCOMPLETA',
      'SituazioneChiusuraCarico',
      `la presa in carico è chiusa (MotivazioneChiusuraCarico ${motivazione}) ma manca SituazioneChiusuraCarico, ` +
        `dove si trova il minore alla chiusura. Questo non blocca il caso; indicarla nei prossimi invii.`,
    );
  } else if (situazione !== undefined && motivazione === undefined) {
    push(
      'SINBA_CHIUSURA_INCOMPLETA',
      'MotivazioneChiusuraCarico',
      `è indicata SituazioneChiusuraCarico ${situazione} ma manca MotivazioneChiusuraCarico, il motivo della ` +
        `chiusura. Questo non blocca il caso; indicarlo nei prossimi invii.`,
    );
  }
  if (annoValido && annoNascita !== undefined) {
    // Born on 31 December of AnnoNascita at the latest: 18 only from AnnoNascita + 18 on.
    const puoEssereMaggiorenne = dataRiferimento.anno - annoNascita >= 18;
    const perEta =
      motivazione === CHIUSURA_MAGGIORE_ETA
        ? { campo: 'MotivazioneChiusuraCarico', cosa: 'MotivazioneChiusuraCarico 3 (raggiunta età maggiorenne)' }
        : situazione !== undefined && SITUAZIONI_DA_MAGGIORENNE[situazione]
          ? { campo: 'SituazioneChiusuraCarico', cosa: `SituazioneChiusuraCarico ${situazione} (${SITUAZIONI_DA_MAGGIORENNE[situazione]})` }
          : undefined;
    if (perEta && !puoEssereMaggiorenne) {
      push(
        'SINBA_CHIUSURA_MAGGIORE_ETA_INCOERENTE',
        perEta.campo,
        `${perEta.cosa} riguarda un maggiorenne, ma con AnnoNascita ${annoScritto} alla data del flusso ` +
          `(${formatData(dataRiferimento)}) il minore non può avere 18 anni. Questo non blocca il caso; correggere ` +
          `la chiusura o l'anno di nascita nei prossimi invii.`,
      );
    }
  }

  // Household size (table 15: min 1; the XSD only sets the maximum).
  const componenti = attr('NumeroComponentiISEE');
  if (componenti !== undefined && Number(componenti) < 1) {
    push(
      'SINBA_NUMERO_COMPONENTI_ISEE',
      'NumeroComponentiISEE',
      `NumeroComponentiISEE vale ${componenti}, ma il nucleo ISEE ha almeno 1 componente (da 1 a 9). ` +
        `Correggere il dato, o ometterlo se non è noto, e inviare di nuovo il caso.`,
    );
  }

  // Benefit codes.
  for (const codice of caso.prestazioni) {
    if (!isWellFormedCodicePrestazione(codice)) {
      push(
        'SINBA_CODICE_FORMATO',
        'Prestazioni',
        `il codice «${codice}» di Prestazioni non ha la forma dei codici del nomenclatore (${FORMA_CODICE}). ` +
          `Correggerlo e inviare di nuovo il caso.`,
      );
    } else if (!contesto.nomenclatore.has(codice)) {
      push(
        'SINBA_CODICE_SCONOSCIUTO',
        'Prestazioni',
        `il codice «${codice}» di Prestazioni è ben formato ma non è nel nomenclatore in uso. Questo non blocca il caso; ` +
          `se il codice non è stato introdotto di recente, verificare che sia quello giusto.`,
      );
    }
  }

  const prefisso = maiuscola(riferimentoCasoSinba(caso));
  const segnalazioni: Segnalazione[] = [
    ...flusso.map((s) => ({ ...s })),
    ...problemi.map((x) => creaSegnalazione(x.codice, `${prefisso}: ${x.testo}`, x.campo)),
  ];
  return { numero: caso.posizione.numero, riga: caso.posizione.riga, stato: statoEsito(segnalazioni), segnalazioni };
}
