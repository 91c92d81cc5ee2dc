/**
 * The three ways a command can fail, each with what the operator is told:
 * a usage mistake (exit 2), an answer of the registry that refuses something
 * (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…), and a gateway that could not be
 * reached or kept failing after the retries (both exit 1).
 */

/** A mistake in how the command was invoked: exit code 2, with the help hint. */
export class ErroreUso extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErroreUso';
  }
}

/** The registry answered and refused the request: a definitive answer, never retried. */
export class ErroreApi extends Error {
  constructor(
    /** Apollo code: `UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`, … */
    readonly codice: string,
    message: string,
    /** `extensions.motivo`: the stable reason of a BAD_USER_INPUT (e.g. `XML_MALFORMATO`). */
    readonly motivo?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ErroreApi';
  }
}

/** No usable answer after every attempt: the gateway is unreachable, or kept failing. */
export class ErroreTrasporto extends Error {
  constructor(
    message: string,
    /** Whether the gateway was never reached (connection refused, DNS…) rather than failing. */
    readonly irraggiungibile: boolean,
    readonly tentativi: number,
  ) {
    super(message);
    this.name = 'ErroreTrasporto';
  }
}

const COMANDO_TOKEN = 'npx pnpm --silent run token --ruolo gestione --ente <codice>';

/**
 * The sentence an operator reads for a failed request. `contesto` names what
 * was being done («il file flusso.xml», «la parte 3/5 di flusso.xml») so that
 * with several files it is always clear which one failed; `url` is the gateway.
 */
export function descriviErrore(errore: unknown, contesto: string, url: string): string {
  if (errore instanceof ErroreApi) {
    switch (errore.codice) {
      case 'UNAUTHENTICATED':
        return (
          `${maiuscola(contesto)}: il registro non ha accettato il token (${errore.message}). ` +
          `Il token manca, è scaduto o non è firmato da una chiave che il registro riconosce: ` +
          `generarne uno nuovo, ad esempio con «${COMANDO_TOKEN}», e passarlo con --token o nella variabile CASELLARIO_TOKEN.`
        );
      case 'FORBIDDEN':
        return `${maiuscola(contesto)}: operazione non consentita con questo token. ${conPunto(errore.message)} Solo un operatore di gestione può inviare e leggere i flussi del proprio ente.`;
      case 'BAD_USER_INPUT': {
        const motivo = errore.motivo ? ` (motivo ${errore.motivo})` : '';
        return `${maiuscola(contesto)}: rifiutato dal registro${motivo}. ${conPunto(errore.message)}`;
      }
      case 'NON_TROVATO':
        return `${maiuscola(contesto)}: ${conPunto(errore.message)}`;
      default:
        return `${maiuscola(contesto)}: il registro ha risposto con un errore ${errore.codice}${errore.status ? ` (HTTP ${errore.status})` : ''}: ${conPunto(errore.message)}`;
    }
  }
  if (errore instanceof ErroreTrasporto) {
    if (errore.irraggiungibile) {
      return (
        `${maiuscola(contesto)}: il gateway non è raggiungibile all'indirizzo ${url} (${errore.message}; ${tentativiFatti(errore.tentativi)}). ` +
        `Avviare la piattaforma con «npm start» nella cartella del progetto, oppure indicare l'indirizzo giusto con --url o CASELLARIO_URL.`
      );
    }
    return `${maiuscola(contesto)}: il gateway ${url} non ha dato una risposta utilizzabile (${errore.message}; ${tentativiFatti(errore.tentativi)}). Riprovare più tardi: rilanciando lo stesso comando, le parti già ricevute non vengono registrate due volte.`;
  }
  return `${maiuscola(contesto)}: errore inatteso: ${errore instanceof Error ? errore.message : String(errore)}`;
}

function tentativiFatti(n: number): string {
  return n === 1 ? '1 tentativo' : `${n} tentativi`;
}

function maiuscola(testo: string): string {
  return testo.charAt(0).toLocaleUpperCase('it') + testo.slice(1);
}

function conPunto(testo: string): string {
  const t = testo.trim();
  return /[.!?»)]$/.test(t) ? t : `${t}.`;
}
