/**
 * Rules on a case of a SIP flow (our schema, platform/flussi-formato/schemas/SIP.xsd)
 * that the XSD cannot express: the household members' codici fiscali and their
 * Anagrafica, exactly one applicant, each commitment's member in the household,
 * dates that are storable, in the past and in the order of the stages, and the
 * codes of the configurable lists.
 *
 * Members arrive by codice fiscale and anagrafe creates the persons from their
 * Anagrafica; a case accepted here is then delivered to anagrafe and to sip,
 * whose constraints (one RICHIEDENTE, an impegno's member in the household, a
 * closure not before the application, valid codici fiscali) these rules mirror
 * as ERRORE, so that an accepted case can always be stored.
 */
import { CATALOGO_SIP_INIZIALE } from '../catalogo-sip';
import type { CasoSipFlusso, ComponenteNucleoFlusso } from './records';
import type { ContestoValidazione } from './contesto';
import { creaSegnalazione, statoEsito } from './esito';
import type { CodiceSegnalazione, EsitoRecord, Segnalazione } from './esito';
import { haFormaCodiceFiscale, maiuscola, mascheraCodiceFiscale, riferimentoCasoSip } from './riferimenti';
import { datiCodiceFiscale, verificaCodiceFiscale } from './codice-fiscale-flusso';
import { leggiOggi, validaIntestazione } from './intestazione';
import { confrontaDate, formatData, leggiData } from './valori';
import type { DataCalendario } from './valori';

/** A finding before it is addressed: `dove` narrows the case's reference (a member, a commitment). */
interface Problema {
  codice: CodiceSegnalazione;
  campo: string;
  testo: string;
  dove?: string;
}

const GENERI: Readonly<Record<string, string>> = { '1': 'maschio', '2': 'femmina' };
const REINVIO = 'inviare di nuovo il caso';

function elenco(voci: readonly string[]): string {
  return voci.length <= 1 ? (voci[0] ?? '') : `${voci.slice(0, -1).join(', ')} e ${voci.at(-1)}`;
}

/** The codice fiscale as anagrafe keys persons: surrounding spaces dropped, upper case. */
function normalizza(cf: string): string {
  return cf.trim().toUpperCase();
}

function componente(n: number, m: ComponenteNucleoFlusso): string {
  return `componente n. ${n} (${mascheraCodiceFiscale(m.codiceFiscale)})`;
}

/** Codice fiscale and Anagrafica of one member. */
function regoleComponente(m: ComponenteNucleoFlusso, n: number, oggi: DataCalendario): Problema[] {
  const problemi: Problema[] = [];
  const { validation, diagnosi } = verificaCodiceFiscale(m.codiceFiscale, 'il codice fiscale');
  if (diagnosi) {
    const codice: CodiceSegnalazione =
      diagnosi.causa === 'CF_CONTROLLO'
        ? 'SIP_COMPONENTE_CF_CONTROLLO'
        : diagnosi.causa === 'CF_TEMPORANEO_CONTROLLO'
          ? 'SIP_COMPONENTE_CF_PROVVISORIO_CONTROLLO'
          : 'SIP_COMPONENTE_CF_FORMATO';
    problemi.push({
      codice,
      campo: 'CodiceFiscale',
      dove: `componente n. ${n}`,
      testo:
        `${diagnosi.testo}. Un codice fiscale non valido non identifica il componente, quindi il caso non è stato ` +
        `acquisito. Correggere il codice fiscale del componente e ${REINVIO}.`,
    });
  }
  const { anagrafica } = m;
  const dove = componente(n, m);
  if (Number(anagrafica.annoNascita) > oggi.anno) {
    problemi.push({
      codice: 'SIP_COMPONENTE_ANNO_NASCITA_FUTURO',
      campo: 'AnnoNascita',
      dove,
      testo:
        `l'anno di nascita ${anagrafica.annoNascita} (AnnoNascita) è successivo all'anno in corso, ${oggi.anno}. ` +
        `Correggere l'anno di nascita e ${REINVIO}.`,
    });
  }
  // Only a valid 16-character code says something reliable about its holder; temporary codes encode nothing.
  const dati = !diagnosi && validation.kind !== 'TEMPORANEO' ? datiCodiceFiscale(normalizza(m.codiceFiscale)) : undefined;
  if (dati) {
    const verifica = 'Questo non blocca il caso; verificare su un documento quale dei due dati è errato e correggerlo.';
    if (dati.anno2 !== anagrafica.annoNascita.slice(-2)) {
      problemi.push({
        codice: 'SIP_COMPONENTE_CF_ANNO_INCOERENTE',
        campo: 'AnnoNascita',
        dove,
        testo: `l'anno di nascita codificato nel codice fiscale (7° e 8° carattere) non corrisponde ad AnnoNascita ${anagrafica.annoNascita}. ${verifica}`,
      });
    }
    if (dati.genere !== anagrafica.genere) {
      problemi.push({
        codice: 'SIP_COMPONENTE_CF_GENERE_INCOERENTE',
        campo: 'Genere',
        dove,
        testo:
          `il codice fiscale è di ${dati.genere === '2' ? 'una donna (giorno di nascita aumentato di 40)' : 'un uomo'}, ` +
          `ma Genere è «${anagrafica.genere}» (${GENERI[anagrafica.genere] ?? 'valore non previsto'}). ${verifica}`,
      });
    }
    if (dati.luogo !== anagrafica.luogoNascita.trim().toUpperCase()) {
      problemi.push({
        codice: 'SIP_COMPONENTE_CF_LUOGO_INCOERENTE',
        campo: 'LuogoNascita',
        dove,
        testo:
          `il luogo di nascita codificato nel codice fiscale (dal 12° al 15° carattere) non corrisponde a ` +
          `LuogoNascita «${anagrafica.luogoNascita}». ${verifica}`,
      });
    }
  }
  return problemi;
}

/** Every member once, exactly one applicant, and each commitment's member in the household. */
function regoleNucleo(caso: CasoSipFlusso, oggi: DataCalendario): Problema[] {
  const problemi: Problema[] = [];
  const primo = new Map<string, number>();
  caso.nucleo.forEach((m, i) => {
    const n = i + 1;
    problemi.push(...regoleComponente(m, n, oggi));
    const cf = normalizza(m.codiceFiscale);
    const prima = primo.get(cf);
    if (prima === undefined) {
      primo.set(cf, n);
    } else {
      problemi.push({
        codice: 'SIP_COMPONENTE_RIPETUTO',
        campo: 'CodiceFiscale',
        dove: componente(n, m),
        testo:
          `ha lo stesso codice fiscale del componente n. ${prima}: ogni persona compare una sola volta nel Nucleo. ` +
          `Togliere il componente ripetuto e ${REINVIO}.`,
      });
    }
  });

  const richiedenti = caso.nucleo.flatMap((m, i) => (m.ruolo === 'RICHIEDENTE' ? [i + 1] : []));
  const unico = 'ogni caso ha esattamente un richiedente, chi ha presentato la domanda';
  if (richiedenti.length === 0) {
    problemi.push({
      codice: 'SIP_RICHIEDENTE_MANCANTE',
      campo: 'Ruolo',
      testo: `nessun componente del Nucleo ha Ruolo RICHIEDENTE: ${unico}. Indicare il richiedente e ${REINVIO}.`,
    });
  } else if (richiedenti.length > 1) {
    problemi.push({
      codice: 'SIP_RICHIEDENTE_MULTIPLO',
      campo: 'Ruolo',
      testo:
        `i componenti n. ${elenco(richiedenti.map(String))} hanno ${richiedenti.length === 2 ? 'entrambi' : 'tutti'} ` +
        `Ruolo RICHIEDENTE: ${unico}. Indicare RICHIEDENTE per uno solo di loro e ${REINVIO}.`,
    });
  }

  caso.progetto?.impegni.forEach((impegno, i) => {
    if (primo.has(normalizza(impegno.codiceFiscale))) return;
    problemi.push({
      codice: 'SIP_IMPEGNO_FUORI_NUCLEO',
      campo: 'CodiceFiscale',
      dove: `impegno n. ${i + 1}`,
      testo:
        `il responsabile dell'impegno (${mascheraCodiceFiscale(impegno.codiceFiscale)}) non è un componente del Nucleo: ` +
        `ogni impegno è di un componente del nucleo. Indicare il codice fiscale del componente responsabile, o ` +
        `aggiungere la persona al Nucleo, e ${REINVIO}.`,
    });
  });
  return problemi;
}

/** A date of the case: how messages name it, its attribute, what it says, and whether it may lie in the future. */
interface DataCaso {
  nome: string;
  campo: string;
  valore: string;
  futuraAmmessa: boolean;
}

function dateDelCaso(caso: CasoSipFlusso): DataCaso[] {
  const date: DataCaso[] = [{ nome: 'DataDomanda', campo: 'DataDomanda', valore: caso.dataDomanda, futuraAmmessa: false }];
  if (caso.dataPattoDigitale !== undefined) date.push({ nome: 'DataPattoDigitale', campo: 'DataPattoDigitale', valore: caso.dataPattoDigitale, futuraAmmessa: false });
  if (caso.dataChiusura !== undefined) date.push({ nome: 'DataChiusura', campo: 'DataChiusura', valore: caso.dataChiusura, futuraAmmessa: false });
  const { analisiPreliminare: analisi, quadroAnalisi: quadro, progetto } = caso;
  if (analisi) date.push({ nome: "la data dell'analisi preliminare (AnalisiPreliminare@Data)", campo: 'AnalisiPreliminare@Data', valore: analisi.data, futuraAmmessa: false });
  if (quadro) date.push({ nome: 'la data del quadro di analisi (QuadroAnalisi@Data)', campo: 'QuadroAnalisi@Data', valore: quadro.data, futuraAmmessa: false });
  if (progetto) {
    date.push({ nome: 'la data di sottoscrizione del progetto (Progetto@DataSottoscrizione)', campo: 'Progetto@DataSottoscrizione', valore: progetto.dataSottoscrizione, futuraAmmessa: false });
    // A commitment's deadline is planned: it may lie in the future.
    progetto.impegni.forEach((m, i) => date.push({ nome: `la scadenza dell'impegno n. ${i + 1} (Impegno@Scadenza)`, campo: 'Impegno@Scadenza', valore: m.scadenza, futuraAmmessa: true }));
    progetto.incontri.forEach((m, i) => date.push({ nome: `la data dell'incontro n. ${i + 1} (Incontro@Data)`, campo: 'Incontro@Data', valore: m.data, futuraAmmessa: false }));
  }
  return date;
}

/**
 * A date the registry can store and compare: `AAAA-MM-GG` with a four-digit
 * year from 0001 (a trailing time zone, which `xs:date` allows, is ignored).
 * The XSD also accepts years of five digits or negative ones, which no case has.
 */
function leggiDataCaso(valore: string): DataCalendario | undefined {
  const d = /^\d{4}-/.test(valore.trim()) ? leggiData(valore) : undefined;
  return d && d.anno >= 1 ? d : undefined;
}

/** Dates storable and not after the day of reception; the stages in their order; the closure after the application. */
function regoleDate(caso: CasoSipFlusso, oggi: DataCalendario): Problema[] {
  const problemi: Problema[] = [];
  const lette = new Map<string, DataCalendario>();
  for (const d of dateDelCaso(caso)) {
    const letta = leggiDataCaso(d.valore);
    if (!letta) {
      problemi.push({
        codice: 'SIP_DATA_FORMATO',
        campo: d.campo,
        testo:
          `${d.nome} «${d.valore}» non è una data che il registro può conservare: è richiesta una data AAAA-MM-GG ` +
          `con l'anno di quattro cifre. Correggere la data e ${REINVIO}.`,
      });
      continue;
    }
    lette.set(d.nome, letta);
    if (!d.futuraAmmessa && confrontaDate(letta, oggi) > 0) {
      problemi.push({
        codice: 'SIP_DATA_FUTURA',
        campo: d.campo,
        testo:
          `${d.nome} ${formatData(letta)} è successiva alla data di ricezione, ${formatData(oggi)}: il casellario ` +
          `registra ciò che è già avvenuto. Correggere la data e ${REINVIO}.`,
      });
    }
  }

  // Each stage against the latest earlier stage recorded with a readable date (the application at least).
  const domanda = lette.get('DataDomanda');
  const tappe: Array<{ nome: string; data: DataCalendario }> = [];
  if (domanda) tappe.push({ nome: `la domanda (DataDomanda ${caso.dataDomanda})`, data: domanda });
  const verifica = (codice: CodiceSegnalazione, campo: string, chi: string, data: DataCalendario | undefined, perche: string): void => {
    const prima = tappe.at(-1);
    if (!data || !prima || confrontaDate(data, prima.data) >= 0) return;
    problemi.push({ codice, campo, testo: `${chi} precede ${prima.nome}${perche}. Correggere le date e ${REINVIO}.` });
  };
  const tappa = (nome: string, data: DataCalendario | undefined): void => {
    if (data) tappe.push({ nome, data });
  };
  const { analisiPreliminare: analisi, quadroAnalisi: quadro, progetto } = caso;
  if (analisi) {
    const data = lette.get("la data dell'analisi preliminare (AnalisiPreliminare@Data)");
    verifica('SIP_ANALISI_PRECEDE_DOMANDA', 'AnalisiPreliminare@Data', `l'analisi preliminare (AnalisiPreliminare@Data ${analisi.data})`, data, '');
    tappa(`l'analisi preliminare (AnalisiPreliminare@Data ${analisi.data})`, data);
  }
  if (quadro) {
    const data = lette.get('la data del quadro di analisi (QuadroAnalisi@Data)');
    verifica('SIP_QUADRO_PRECEDE_ANALISI', 'QuadroAnalisi@Data', `il quadro di analisi (QuadroAnalisi@Data ${quadro.data})`, data, ', che si fa sempre prima');
    tappa(`il quadro di analisi (QuadroAnalisi@Data ${quadro.data})`, data);
  }
  if (progetto) {
    const data = lette.get('la data di sottoscrizione del progetto (Progetto@DataSottoscrizione)');
    verifica(
      'SIP_PROGETTO_PRECEDE_ANALISI',
      'Progetto@DataSottoscrizione',
      `il progetto (Progetto@DataSottoscrizione ${progetto.dataSottoscrizione})`,
      data,
      ', su cui il progetto si fonda',
    );
    tappa(`la sottoscrizione del progetto (Progetto@DataSottoscrizione ${progetto.dataSottoscrizione})`, data);
    progetto.incontri.forEach((m, i) => {
      const data = lette.get(`la data dell'incontro n. ${i + 1} (Incontro@Data)`);
      verifica('SIP_INCONTRO_PRECEDE_PROGETTO', 'Incontro@Data', `l'incontro n. ${i + 1} (Incontro@Data ${m.data})`, data, ': gli incontri di monitoraggio seguono il progetto');
    });
  }
  const chiusura = caso.dataChiusura === undefined ? undefined : lette.get('DataChiusura');
  if (chiusura && domanda && confrontaDate(chiusura, domanda) < 0) {
    problemi.push({
      codice: 'SIP_CHIUSURA_PRECEDE_DOMANDA',
      campo: 'DataChiusura',
      testo: `DataChiusura ${caso.dataChiusura} precede DataDomanda ${caso.dataDomanda}: un caso si chiude dopo la domanda. Correggere le date e ${REINVIO}.`,
    });
  }
  return problemi;
}

/**
 * Whether a catalogue code (`[A-Z][A-Z0-9_]*`) carries a codice fiscale or an 11-digit
 * code in one of its `_`-separated parts: a code first met in a flow enters the list
 * every purpose reads (programmazione and monitoraggio included), so it must not be one.
 */
function codiceIdentificativo(codice: string): boolean {
  return codice.split('_').some((parte) => haFormaCodiceFiscale(parte) || /^\d{11}$/.test(parte));
}

/** Codes of the configurable lists, and a project that the analisi preliminare does not lead to. */
function regoleCatalogo(caso: CasoSipFlusso, contesto: ContestoValidazione): Problema[] {
  const problemi: Problema[] = [];
  const catalogo = contesto.catalogoSip ?? CATALOGO_SIP_INIZIALE;
  const { analisiPreliminare: analisi, progetto } = caso;
  // Refused before the other rules look at them: their warnings quote the code.
  const identificativi = [analisi?.esito, ...(progetto?.sostegni ?? [])].filter((c): c is string => c !== undefined && codiceIdentificativo(c));
  if (identificativi.length > 0) {
    return [
      {
        codice: 'SIP_CODICE_CATALOGO_IDENTIFICATIVO',
        campo: analisi && codiceIdentificativo(analisi.esito) ? 'AnalisiPreliminare@Esito' : 'Sostegno',
        // The code is not quoted: it holds what must not be repeated.
        testo: `un codice degli elenchi (esito dell'analisi preliminare o sostegno) contiene un codice fiscale o un codice di 11 cifre. Il caso non è stato acquisito: i codici nuovi entrano nell'elenco che leggono tutte le finalità. Usare un codice dell'elenco e ${REINVIO}.`,
      },
    ];
  }
  const esito = analisi ? catalogo.esitiAnalisiPreliminare.find((v) => v.codice === analisi.esito) : undefined;
  const nonBlocca = 'Questo non blocca il caso, registrato con questo codice; se il codice non è stato introdotto di recente, verificare che sia quello giusto.';
  if (analisi && !esito) {
    problemi.push({
      codice: 'SIP_ESITO_ANALISI_SCONOSCIUTO',
      campo: 'AnalisiPreliminare@Esito',
      testo: `l'esito dell'analisi preliminare «${analisi.esito}» è ben formato ma non è nell'elenco degli esiti in uso. ${nonBlocca}`,
    });
  }
  if (!progetto) return problemi;
  const noti = new Set(catalogo.sostegni.map((v) => v.codice));
  for (const codice of progetto.sostegni) {
    if (noti.has(codice)) continue;
    problemi.push({
      codice: 'SIP_SOSTEGNO_SCONOSCIUTO',
      campo: 'Sostegno',
      testo: `il sostegno «${codice}» del progetto è ben formato ma non è nell'elenco dei sostegni in uso. ${nonBlocca}`,
    });
  }
  if (!analisi) {
    problemi.push({
      codice: 'SIP_PROGETTO_NON_PREVISTO',
      campo: 'Progetto',
      testo:
        "c'è un progetto ma manca l'analisi preliminare, che si fa sempre e lo precede. Questo non blocca il caso; " +
        "inviare l'analisi preliminare nei prossimi invii.",
    });
  } else if (esito && !esito.prevedeProgetto) {
    problemi.push({
      codice: 'SIP_PROGETTO_NON_PREVISTO',
      campo: 'Progetto',
      testo:
        `c'è un progetto, ma l'esito dell'analisi preliminare «${esito.codice}» (${esito.descrizione}) non prevede un ` +
        `progetto in SIP. Questo non blocca il caso; verificare l'esito dell'analisi o il progetto nei prossimi invii.`,
    });
  }
  return problemi;
}

/**
 * Validates one case of a SIP flow and returns its esito: the flow header's
 * segnalazioni (see `validaIntestazione`), then the case's own, in the order
 * of the rules in README.md — members (codice fiscale, Anagrafica, repeated),
 * applicant, commitments' members, dates, configurable codes. `numero` is the
 * case's `posizione.numero`. A cancellation (TipoOperazione C) is judged on its
 * key only (ente and ProtocolloCaso, both required by the XSD): nothing else of
 * it is stored, and whether the case exists is for the flows component to say.
 */
export function validaCasoSip(caso: CasoSipFlusso, contesto: ContestoValidazione): EsitoRecord {
  const oggi = leggiOggi(contesto.oggi);
  const flusso = validaIntestazione(contesto.intestazione, 'SIP', { oggi: contesto.oggi }).segnalazioni;
  const problemi =
    caso.tipoOperazione === 'C' ? [] : [...regoleNucleo(caso, oggi), ...regoleDate(caso, oggi), ...regoleCatalogo(caso, contesto)];
  const rif = maiuscola(riferimentoCasoSip(caso));
  const segnalazioni: Segnalazione[] = [
    ...flusso.map((s) => ({ ...s })),
    ...problemi.map((x) => creaSegnalazione(x.codice, `${rif}${x.dove ? `, ${x.dove}` : ''}: ${x.testo}`, x.campo)),
  ];
  return { numero: caso.posizione.numero, riga: caso.posizione.riga, stato: statoEsito(segnalazioni), segnalazioni };
}
