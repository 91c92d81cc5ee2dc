/**
 * A GraphQL client for the gateway that knows which failures are worth another
 * try. A refusal of the registry (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…)
 * is an answer and is never retried; a failure of the transport (no connection,
 * timeout, HTTP 5xx, a masked internal error) is retried with exponential
 * back-off. Resending is safe because the registry is idempotent by flow name
 * and part: a part that did land answers `giaRicevuto` the second time.
 */
import { ErroreApi, ErroreTrasporto } from './errori';

export interface OpzioniClient {
  /** The gateway's GraphQL endpoint. */
  url: string;
  token: string;
  /** Attempts per request, the first included (at least 1). */
  tentativi: number;
  /** Wait before the first retry; it doubles at each further one. Default 1 s. */
  attesaMs?: number;
  /** Longest wait for one answer. Default 10 minutes: a big part takes a while to check. */
  timeoutMs?: number;
}

/** A retry about to happen, for the progress display. */
export interface Riprova {
  /** The attempt that failed (1-based). */
  tentativo: number;
  tentativi: number;
  attesaMs: number;
  motivo: string;
}

/** A successful answer, with how it came about. */
export interface Risposta<T> {
  dati: T;
  tentativi: number;
  /**
   * True when an earlier attempt failed after the request may have reached the
   * registry (timeout, dropped connection, 5xx): an idempotent "already received"
   * in this answer may then be this very request's earlier attempt.
   */
  dopoErroreAmbiguo: boolean;
}

type Esito<T> =
  | { tipo: 'ok'; dati: T }
  | { tipo: 'api'; errore: ErroreApi }
  | { tipo: 'transitorio'; motivo: string; irraggiungibile: boolean; ambiguo: boolean };

/** Codes of the errors the registry writes for its clients: definitive answers. */
const CODICI_CLIENT = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Connection errors where the request never left this machine: nothing can have landed. */
const MAI_ARRIVATA = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

interface ErroreGraphQL {
  message?: string;
  extensions?: { code?: string; motivo?: string };
}

/** Talks to the gateway with one token; see the module comment for the retry policy. */
export class ClientCasellario {
  private readonly attesaMs: number;
  private readonly timeoutMs: number;

  constructor(readonly opzioni: OpzioniClient) {
    this.attesaMs = opzioni.attesaMs ?? 1000;
    this.timeoutMs = opzioni.timeoutMs ?? 10 * 60_000;
  }

  /**
   * Runs one operation, retrying transient failures. Resolves with `data`, or
   * throws `ErroreApi` (the registry refused) or `ErroreTrasporto` (no usable
   * answer after every attempt). `suRiprova` is told before each wait.
   */
  async richiedi<T>(query: string, variabili: Record<string, unknown>, suRiprova?: (r: Riprova) => void): Promise<Risposta<T>> {
    const tentativi = Math.max(1, this.opzioni.tentativi);
    let ambiguo = false;
    for (let tentativo = 1; ; tentativo++) {
      const esito = await this.prova<T>(query, variabili);
      if (esito.tipo === 'ok') return { dati: esito.dati, tentativi: tentativo, dopoErroreAmbiguo: ambiguo };
      if (esito.tipo === 'api') throw esito.errore;
      ambiguo ||= esito.ambiguo;
      if (tentativo >= tentativi) throw new ErroreTrasporto(esito.motivo, esito.irraggiungibile, tentativo);
      const attesaMs = this.attesaMs * 2 ** (tentativo - 1);
      suRiprova?.({ tentativo, tentativi, attesaMs, motivo: esito.motivo });
      await new Promise((r) => setTimeout(r, attesaMs));
    }
  }

  private async prova<T>(query: string, variables: Record<string, unknown>): Promise<Esito<T>> {
    let response: Response;
    let testo: string;
    try {
      response = await fetch(this.opzioni.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${this.opzioni.token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      testo = await response.text();
    } catch (e) {
      return erroreDiRete(e, this.timeoutMs);
    }
    return interpreta<T>(response.status, testo);
  }
}

function erroreDiRete(e: unknown, timeoutMs: number): Esito<never> {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return { tipo: 'transitorio', motivo: `nessuna risposta entro ${Math.round(timeoutMs / 1000)} s`, irraggiungibile: false, ambiguo: true };
  }
  const codice = err.cause?.code;
  if (codice && MAI_ARRIVATA.has(codice)) {
    const cosa = codice === 'ECONNREFUSED' ? 'connessione rifiutata' : codice === 'ENOTFOUND' || codice === 'EAI_AGAIN' ? 'nome host sconosciuto' : 'host non raggiungibile';
    return { tipo: 'transitorio', motivo: `${cosa}, ${codice}`, irraggiungibile: true, ambiguo: false };
  }
  const dettaglio = err.cause?.message ?? err.message ?? String(e);
  return { tipo: 'transitorio', motivo: `connessione interrotta: ${codice ? `${codice}, ` : ''}${dettaglio}`, irraggiungibile: false, ambiguo: true };
}

function interpreta<T>(status: number, testo: string): Esito<T> {
  let corpo: { data?: T | null; errors?: ErroreGraphQL[] } | undefined;
  try {
    corpo = JSON.parse(testo) as typeof corpo;
  } catch {
    corpo = undefined;
  }
  const transitorio = status >= 500 || status === 429 || status === 408;
  if (status === 413) {
    return { tipo: 'api', errore: new ErroreApi('TROPPO_GRANDE', 'la richiesta supera la dimensione massima che il gateway accetta', undefined, status) };
  }
  if (!corpo || typeof corpo !== 'object') {
    if (transitorio) return { tipo: 'transitorio', motivo: `HTTP ${status}`, irraggiungibile: false, ambiguo: true };
    return { tipo: 'api', errore: new ErroreApi(`HTTP_${status}`, `risposta non GraphQL: ${testo.slice(0, 200) || '(vuota)'}`, undefined, status) };
  }
  const primo = corpo.errors?.[0];
  if (primo) {
    const codice = primo.extensions?.code ?? (status === 401 ? 'UNAUTHENTICATED' : undefined);
    if (codice && CODICI_CLIENT.has(codice)) {
      return { tipo: 'api', errore: new ErroreApi(codice, primo.message ?? codice, primo.extensions?.motivo, status) };
    }
    // A masked internal error is what a subgraph timeout or a lost database
    // connection looks like from here: worth another try, the registry being idempotent.
    return { tipo: 'transitorio', motivo: `${primo.message ?? 'errore'}${codice ? ` (${codice})` : ''}${status !== 200 ? `, HTTP ${status}` : ''}`, irraggiungibile: false, ambiguo: true };
  }
  if (transitorio) return { tipo: 'transitorio', motivo: `HTTP ${status}`, irraggiungibile: false, ambiguo: true };
  if (corpo.data == null) return { tipo: 'api', errore: new ErroreApi(`HTTP_${status}`, 'risposta senza dati', undefined, status) };
  return { tipo: 'ok', dati: corpo.data };
}
