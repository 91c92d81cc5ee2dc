/**
 * Rules on the flow header (`IdentificazioneFlusso` and `Ente`, tables 1–3 and
 * 12–14). An ERRORE here rejects the whole flow, because a flow whose name or
 * sender cannot be trusted must not half-land; an AVVISO is copied to the esito
 * of every record.
 */
import { comuneByBelfiore } from '../territori';
import type { TipoFlusso, IntestazioneFlusso } from './records';
import type { OpzioniIntestazione } from './contesto';
import { creaSegnalazione, statoEsito } from './esito';
import type { EsitoIntestazione, Segnalazione } from './esito';
import { verificaCodiceFiscale } from './codice-fiscale-flusso';
import { maiuscola } from './riferimenti';
import { leggiData, confrontaDate, formatData } from './valori';
import type { DataCalendario } from './valori';

/** The type segment each kind of flow may carry in its name (tables 2 and 13; SIP is ours). */
const TIPI_NEL_NOME: Readonly<Record<TipoFlusso, readonly string[]>> = {
  PS_PSA_SINA: ['PS', 'PSA', 'SINA'],
  SINBA: ['SINBA'],
  SIP: ['SIP'],
};

// The ente code may itself contain dots: the other three parts are matched from the end.
const NOME_FLUSSO = /^(.+)\.([A-Za-z_]+)\.(\d{8})\.(\d+)$/;
const DOPO_ENTE = /^([A-Za-z_]+)\.(\d{8})\.(\d+)$/;

const NESSUN_RECORD = 'Nessun record del flusso è stato acquisito.';

/** The parts of a well-formed flow name. */
export interface NomeFlusso {
  codiceEnte: string;
  tipo: string;
  /** `AAAAMMGG` as written. */
  data: string;
  progressivo: string;
}

/**
 * Splits a flow name `{Codice Ente}.{TIPO}.{AAAAMMGG}.{progressivo}` into its
 * parts, or returns undefined when it does not have that shape. When the
 * sender's `codiceEnte` is given and the name starts with it, the rest must be
 * the other three parts (so `H501.PS.INPS.20160423.115235` is malformed rather
 * than read as ente «H501.PS»). The date is not checked here.
 */
export function leggiNomeFlusso(nome: string, codiceEnte?: string): NomeFlusso | undefined {
  const n = nome.trim();
  if (codiceEnte !== undefined && codiceEnte !== '' && n.startsWith(`${codiceEnte}.`)) {
    const m = DOPO_ENTE.exec(n.slice(codiceEnte.length + 1));
    if (!m) return undefined;
    return { codiceEnte, tipo: m[1] ?? '', data: m[2] ?? '', progressivo: m[3] ?? '' };
  }
  const m = NOME_FLUSSO.exec(n);
  if (!m) return undefined;
  return { codiceEnte: m[1] ?? '', tipo: m[2] ?? '', data: m[3] ?? '', progressivo: m[4] ?? '' };
}

/**
 * The date a flow carries in its name, when the name is well formed and the
 * date real; undefined otherwise. Rules that need "when the flow was made"
 * (the age of a SINBA child) read it from here.
 */
export function dataDelFlusso(nome: string, codiceEnte?: string): DataCalendario | undefined {
  const parti = leggiNomeFlusso(nome, codiceEnte);
  if (!parti) return undefined;
  return leggiData(`${parti.data.slice(0, 4)}-${parti.data.slice(4, 6)}-${parti.data.slice(6, 8)}`);
}

/** Reads the injected day of reception; a wrong one is a programming error, not a flow error. */
export function leggiOggi(oggi: string): DataCalendario {
  const d = leggiData(oggi);
  if (!d || oggi.trim().length !== 10) throw new RangeError(`oggi must be a real AAAA-MM-GG date, got "${oggi}"`);
  return d;
}

function schemaNome(tipo: TipoFlusso): string {
  return `{Codice Ente}.${tipo === 'PS_PSA_SINA' ? '{PS|PSA|SINA}' : tipo}.{AAAAMMGG}.{progressivo giornaliero}`;
}

/**
 * Validates the header of a flow of type `tipo`: the name pattern
 * (`{Codice Ente}.{PS|PSA|SINA}.{AAAAMMGG}.{progressivo}` for PS_PSA_SINA,
 * `.SINBA.` and `.SIP.` for the others), the ente code in the name equal to
 * `Ente@Codice`, a real calendar date (AVVISO when after `oggi`),
 * `Ente@Indirizzo` a Belfiore code (ERRORE when malformed, AVVISO when not in
 * the 2020 list) and `Ente@CFOperatore` a valid codice fiscale (AVVISO: the
 * operator is who sent the flow, not what it says; see README). ERRORE
 * segnalazioni reject the whole flow; AVVISI are copied to every record.
 */
export function validaIntestazione(
  intestazione: IntestazioneFlusso,
  tipo: TipoFlusso,
  opzioni: OpzioniIntestazione,
): EsitoIntestazione {
  const oggi = leggiOggi(opzioni.oggi);
  const segnalazioni: Segnalazione[] = [];
  const { nome, ente } = intestazione;
  const ammessi = TIPI_NEL_NOME[tipo];

  const parti = leggiNomeFlusso(nome, ente.codice);
  if (!parti) {
    segnalazioni.push(
      creaSegnalazione(
        'FLUSSO_NOME_FORMATO',
        `Il nome del flusso «${nome}» non segue lo schema ${schemaNome(tipo)}, ` +
          `ad esempio «${ente.codice}.${ammessi[0] ?? tipo}.20240115.0000001». ` +
          `Correggere IdentificazioneFlusso@Nome e inviare di nuovo il flusso. ${NESSUN_RECORD}`,
        'Nome',
      ),
    );
  } else {
    if (!ammessi.includes(parti.tipo)) {
      segnalazioni.push(
        creaSegnalazione(
          'FLUSSO_NOME_TIPO',
          `Il nome del flusso «${nome}» indica il tipo «${parti.tipo}», che non è ammesso in un flusso ${tipo}: ` +
            `il nome deve contenere ${ammessi.map((t) => `«${t}»`).join(', ').replace(/, ([^,]*)$/, ' o $1')}. ` +
            `Correggere IdentificazioneFlusso@Nome, o inviare il flusso con il tipo giusto. ${NESSUN_RECORD}`,
          'Nome',
        ),
      );
    }
    if (parti.codiceEnte !== ente.codice) {
      segnalazioni.push(
        creaSegnalazione(
          'FLUSSO_NOME_ENTE',
          `Il nome del flusso «${nome}» inizia con il codice ente «${parti.codiceEnte}», ma il flusso è inviato ` +
            `dall'ente «${ente.codice}» (Ente@Codice). Correggere il nome del flusso o il codice dell'ente e ` +
            `inviare di nuovo il flusso. ${NESSUN_RECORD}`,
          'Nome',
        ),
      );
    }
    const data = dataDelFlusso(nome, ente.codice);
    if (!data) {
      segnalazioni.push(
        creaSegnalazione(
          'FLUSSO_NOME_DATA',
          `Il nome del flusso «${nome}» contiene la data «${parti.data}», che non è una data di calendario ` +
            `(AAAAMMGG: anno, mese, giorno). Indicare la data di invio e inviare di nuovo il flusso. ${NESSUN_RECORD}`,
          'Nome',
        ),
      );
    } else if (confrontaDate(data, oggi) > 0) {
      segnalazioni.push(
        creaSegnalazione(
          'FLUSSO_NOME_DATA_FUTURA',
          `Il nome del flusso «${nome}» porta la data ${formatData(data)}, successiva alla data di ricezione ` +
            `${formatData(oggi)}. I record sono stati esaminati comunque; verificare la data del sistema che ` +
            `produce i flussi.`,
          'Nome',
        ),
      );
    }
  }

  const indirizzo = ente.indirizzo.trim().toUpperCase();
  if (!/^[A-Z]\d{3}$/.test(indirizzo)) {
    segnalazioni.push(
      creaSegnalazione(
        'ENTE_INDIRIZZO_FORMATO',
        `Ente@Indirizzo «${ente.indirizzo}» non è un codice catastale (Belfiore) di comune: deve essere una ` +
          `lettera seguita da tre cifre, ad esempio H501 per Roma. Indicare il codice del comune della sede ` +
          `legale dell'ente e inviare di nuovo il flusso. ${NESSUN_RECORD}`,
        'Indirizzo',
      ),
    );
  } else if (!comuneByBelfiore(indirizzo)) {
    segnalazioni.push(
      creaSegnalazione(
        'ENTE_INDIRIZZO_SCONOSCIUTO',
        `Ente@Indirizzo «${ente.indirizzo}» non è nell'elenco dei comuni usato per il controllo (ISTAT, ` +
          `1° gennaio 2020). I record sono stati esaminati comunque. Se il comune della sede legale è stato ` +
          `istituito dopo il 2020 non occorre fare nulla; altrimenti correggere il codice nei prossimi flussi.`,
        'Indirizzo',
      ),
    );
  }

  const operatore = verificaCodiceFiscale(ente.cfOperatore, "il codice fiscale dell'operatore");
  if (operatore.diagnosi) {
    const testo = operatore.diagnosi.testo;
    segnalazioni.push(
      creaSegnalazione(
        'OPERATORE_CF_NON_VALIDO',
        `${maiuscola(testo)}. I record del flusso sono stati esaminati comunque; ` +
          `correggere Ente@CFOperatore nei prossimi flussi.`,
        'CFOperatore',
      ),
    );
  }

  return { stato: statoEsito(segnalazioni), segnalazioni };
}
