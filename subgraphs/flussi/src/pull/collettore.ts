import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { controllaDocumento } from '@casellario/flussi-formato';
import { logger, safeError } from '@casellario/kit';
import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { fontePull, notificaEsito } from '../db/schema';
import { riceviFlusso, type IngestDeps } from '../ingest/ricevi-flusso';
import { esitoFlussoRegistrato, esitoSenzaAcquisizione, mascheraCodiciFiscali, tronca, type RiferimentoVoce } from './esito-inps';
import { leggiToken, registraFonti, type ConfigFonte } from './fonti';
import { decodificaBase64, leggiDateTime, MAX_VOCI, violazioniFlusso, type CodiceEsito, type EsitoFlusso, type TipoWaas } from './waas';

/**
 * The specification (§3, "Nota"): a flow exchanged through the API holds one
 * beneficiary with one benefit (PS_PSA_SINA) or one case (SINBA). More is a
 * structure the API does not allow: refused whole (`RICHIESTA_INVALIDA`, with the
 * specification's own wording), nothing stored. Counted on the text, before the
 * flow is read: element names with or without a namespace prefix.
 */
function unRecordSolo(xml: string, tipo: TipoWaas): string | null {
  const conta = (elemento: string) => (xml.match(new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${elemento}[\\s/>]`, 'g')) ?? []).length;
  if (tipo === 'SINBA') {
    const casi = conta('SINBA');
    return casi > 1 ? `In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale: il flusso contiene ${casi} casi SINBA. Nulla è stato registrato.` : null;
  }
  const beneficiari = conta('Beneficiario');
  const prestazioni = conta('PrestazioniSociali');
  if (beneficiari > 1 || prestazioni > 1) {
    const quanti = (n: number, uno: string, molti: string) => `${n} ${n === 1 ? uno : molti}`;
    return (
      'In cooperazione è possibile inviare solo un beneficiario e una prestazione sociale: il flusso contiene ' +
      `${quanti(beneficiari, 'beneficiario', 'beneficiari')} e ${quanti(prestazioni, 'prestazione', 'prestazioni')}. Nulla è stato registrato.`
    );
  }
  return null;
}

/** `Retry-After` as the OpenAPI declares it: whole seconds, 0 to 3600 (an HTTP date is read too). */
function leggiRetryAfter(valore: string | null): number | null {
  if (valore === null) return null;
  const v = valore.trim();
  if (/^\d+$/.test(v)) return Math.min(3600, Number(v));
  const data = Date.parse(v);
  return Number.isNaN(data) ? null : Math.min(3600, Math.max(0, Math.ceil((data - Date.now()) / 1000)));
}

/** The `sub` stored as the sender of pulled flows: the registry acting for INPS. */
export const MITTENTE_PULL = 'svc-inps-pull';

export interface PullCollectorOptions {
  /** What `riceviFlusso` needs; the flows component's `FlussiDeps` will do. */
  deps: IngestDeps;
  /** Injectable for tests; the global `fetch` otherwise. */
  fetch?: typeof fetch;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** `limit` sent with `GET /flussi` (1–100; the OpenAPI's default is 10). */
  limit: number;
  /** Time allowed to each HTTP call, body included (default 30 s). */
  timeoutMs?: number;
  /** Sources to store before the first run (PULL_FONTI_FILE); stored ones are used as they are otherwise. */
  fonti?: readonly ConfigFonte[];
  /** Where `tokenEnv` is looked up (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /**
   * PDND vouchers by purpose (`@casellario/policies` `voucherPdnd`): used for the
   * comuni configured with `pdndPurposeId`, whose e-services sit behind PDND.
   */
  voucherPdnd?: (purposeId: string) => Promise<string>;
  /** First delay before re-sending esiti a comune did not take, doubled each time (default 60 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** How long a collector owns a comune without renewing (default 10 min). */
  leaseMs?: number;
  /** Pages read from one comune in one run, so that one busy comune does not hold up the rest (default 20). */
  maxPagine?: number;
  /** Comuni polled at the same time (default 4). */
  concorrenza?: number;
  /** Largest answer read from a comune (default: `limit` flows of 10 MB, plus 1 MB). */
  maxRispostaBytes?: number;
}

/** What one run did with one comune: returned by `runOnce`, summarised in `fonte_pull.ultimo_esito`. */
export interface EsitoRaccolta {
  ente: string;
  /** Entries read and handled (an entry read again after a crash counts again). */
  voci: number;
  /** Flows stored for the first time. */
  acquisiti: number;
  /** Esiti newly queued for the comune, by code. */
  esiti: Partial<Record<CodiceEsito, number>>;
  /** Esiti the comune took (HTTP 2xx). */
  notificati: number;
  /** The cursor after the run. */
  since: number;
  /** Why the run stopped short, or null. */
  errore: string | null;
  avvisi: string[];
  ultimoEsito: string;
}

export interface PullCollector {
  /** Stores the configured sources, then runs at once and every `intervalMs` after the previous run ends. */
  start(): Promise<void>;
  /** Stops polling; in-flight calls are aborted, an ingestion in progress finishes. */
  stop(): Promise<void>;
  /** One run over every active source (tests, the CLI); waits for a run already in progress first. After `stop()` it does nothing. */
  runOnce(): Promise<EsitoRaccolta[]>;
}

/** A failure of a call to a comune, already worded for `ultimo_esito`. */
class ErroreComune extends Error {}

interface VoceLetta extends RiferimentoVoce {
  tsMs: number;
  codiceEnte: string | undefined;
  denominazioneEnte: string | undefined;
  flusso: string | undefined;
  /** Why the entry itself is refused (`RICHIESTA_INVALIDA`), before reading its flow. */
  rifiuti: string[];
}

interface Acquisizione {
  esito: EsitoFlusso;
  nuovo: boolean;
  /** An internal failure: the entry must be read again, the cursor must not pass it. */
  interno: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Network failures as operators read them. */
const CAUSE_RETE: Record<string, string> = {
  ECONNREFUSED: 'connessione rifiutata',
  ECONNRESET: 'connessione interrotta',
  ENOTFOUND: 'nome del server sconosciuto',
  EAI_AGAIN: 'nome del server non risolto',
  EHOSTUNREACH: 'server irraggiungibile',
  ENETUNREACH: 'rete irraggiungibile',
  UND_ERR_SOCKET: 'connessione chiusa dal comune',
  UND_ERR_CONNECT_TIMEOUT: 'connessione non stabilita in tempo',
  CERT_HAS_EXPIRED: 'certificato TLS scaduto',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificato TLS autofirmato',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificato TLS non verificabile',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificato TLS di un altro nome',
};

/** The innermost error message (the driver's, under Drizzle's query error). */
function causaDi(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/** "200 ms", "30 s", "1,5 s": durations in operators' texts. */
function durata(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${String(Math.round(ms / 100) / 10).replace('.', ',')} s`;
}

const TENTATIVI_NOTIFICA_PER_GIRO = 50;

/**
 * The INPS pull interface, from INPS's side (specifica WaaS-SIUSS §2–3): for
 * each active comune, `GET {url}/flussi?since=&limit=` until the comune has
 * nothing newer, each entry in `ts_flusso` order received through `riceviFlusso`
 * (the same durable receipt as the GraphQL API), the cursor moved past it in the
 * same transaction that queues its esito, then the esiti owed `POST {url}/esiti`
 * in batches of at most 100, removed from the queue only on 2xx. An entry that
 * failed inside the registry stops the comune's run where it is, to be read
 * again; a comune that answers garbage is reported in `ultimo_esito` and never
 * holds up the others.
 */
export function createPullCollector(options: PullCollectorOptions): PullCollector {
  const { deps } = options;
  const { db } = deps.handle;
  const fetchFn = options.fetch ?? fetch;
  const env = options.env ?? process.env;
  const limit = Math.max(1, Math.min(MAX_VOCI, Math.trunc(options.limit)));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const backoffMs = options.backoffMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 600_000;
  const maxPagine = options.maxPagine ?? 20;
  const concorrenza = options.concorrenza ?? 4;
  const maxRispostaBytes = options.maxRispostaBytes ?? limit * 10_500_000 + 1_000_000;
  const owner = `pull-${randomUUID()}`;
  let fontiDaRegistrare = options.fonti ?? null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<EsitoRaccolta[]> | null = null;
  let stopped = false;
  let arresto = new AbortController();

  const lease = sql`now() + ${`${leaseMs} milliseconds`}::interval`;

  async function registraSeServe(): Promise<void> {
    if (!fontiDaRegistrare) return;
    await registraFonti(deps.handle, fontiDaRegistrare);
    fontiDaRegistrare = null;
  }

  /**
   * Until when each comune asked not to be called (`Retry-After` with 429 or 503,
   * as the OpenAPI declares it): process memory, since a restart that calls once
   * more only gets the same answer again.
   */
  const attese = new Map<string, number>();

  /** One HTTP call with the per-call timeout and a cap on the answer's size. */
  async function chiama(
    url: string,
    operazione: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; testo: string; location: string | null; retryAfter: number | null }> {
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), arresto.signal]);
    try {
      const res = await fetchFn(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          accept: 'application/json, application/problem+json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        // A redirect could carry the token elsewhere: the configured URL must be the API's own.
        redirect: 'manual',
      });
      const testo = await leggiCorpo(res, operazione);
      return { status: res.status, testo, location: res.headers.get('location'), retryAfter: leggiRetryAfter(res.headers.get('retry-after')) };
    } catch (error) {
      if (error instanceof ErroreComune) throw error;
      if (arresto.signal.aborted) throw new ErroreComune(`${operazione} interrotta dall'arresto del servizio.`);
      if ((error as Error).name === 'TimeoutError' || signal.aborted) throw new ErroreComune(`Nessuna risposta del comune a ${operazione} entro ${durata(timeoutMs)}.`);
      const causa = (error as { cause?: { code?: string; message?: string } }).cause;
      const codice = causa?.code;
      const spiegazione = codice ? (CAUSE_RETE[codice] ? `${CAUSE_RETE[codice]}, ${codice}` : codice) : (causa?.message ?? (error as Error).message);
      throw new ErroreComune(`Comune non raggiungibile (${operazione}: ${spiegazione}).`);
    }
  }

  async function leggiCorpo(res: Response, operazione: string): Promise<string> {
    const troppo = () => new ErroreComune(`La risposta a ${operazione} supera ${Math.round(maxRispostaBytes / 1_000_000)} MB: ridurre PULL_LIMIT.`);
    if (Number(res.headers.get('content-length') ?? 0) > maxRispostaBytes) {
      await res.body?.cancel();
      throw troppo();
    }
    if (!res.body) return '';
    const reader = res.body.getReader();
    const parti: Uint8Array[] = [];
    let totale = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      totale += value.byteLength;
      if (totale > maxRispostaBytes) {
        await reader.cancel();
        throw troppo();
      }
      parti.push(value);
    }
    return Buffer.concat(parti).toString('utf8');
  }

  function erroreHttp(operazione: string, r: { status: number; testo: string; location: string | null }): ErroreComune {
    if (r.status >= 300 && r.status < 400) {
      return new ErroreComune(`Il comune ha risposto HTTP ${r.status} a ${operazione} (reindirizza a ${r.location ?? '?'}): aggiornare l'URL della fonte.`);
    }
    let dettaglio = '';
    try {
      const problem = JSON.parse(r.testo) as unknown;
      if (isObject(problem)) dettaglio = [problem.title, problem.detail].filter((x) => typeof x === 'string' && x).join(': ');
    } catch {
      dettaglio = r.testo.trim().replace(/\s+/g, ' ');
    }
    return new ErroreComune(`Il comune ha risposto HTTP ${r.status} a ${operazione}${dettaglio ? ` (${tronca(mascheraCodiciFiscali(dettaglio), 200)})` : ''}.`);
  }

  /**
   * Reads one page of `GET /flussi`. What cannot be placed or answered (not
   * JSON, not `Entries`, an entry without `id_flusso` or a valid `ts_flusso`)
   * refuses the whole page: nothing is ingested and the cursor stays, since
   * skipping it could lose a flow. What is wrong with one entry's content
   * refuses that entry only, with an esito, like any refused flow.
   */
  async function leggiPagina(base: string, ente: string, since: number, token: string | null): Promise<{ voci: VoceLetta[]; avvisi: string[] }> {
    const operazione = 'GET /flussi';
    const r = await chiama(`${base}/flussi?since=${since}&limit=${limit}`, operazione, token);
    if (r.retryAfter !== null && (r.status === 429 || r.status === 503)) {
      attese.set(ente, Date.now() + r.retryAfter * 1000);
      throw new ErroreComune(`${erroreHttp(operazione, r).message} Il comune chiede di riprovare tra ${r.retryAfter} s (Retry-After): nessuna richiesta prima.`);
    }
    // The OpenAPI lists 404 for GET /flussi: nothing to give since that instant, not a failure.
    if (r.status === 404) return { voci: [], avvisi: [] };
    if (r.status < 200 || r.status >= 300) throw erroreHttp(operazione, r);
    // The specification's "risposta vuota" when nothing is new: an empty body is read as such.
    if (r.status === 204 || r.testo.trim() === '') return { voci: [], avvisi: [] };
    let body: unknown;
    try {
      body = JSON.parse(r.testo);
    } catch (error) {
      throw new ErroreComune(`La risposta a ${operazione} non è JSON valido (${tronca((error as Error).message, 120)}). Nessun flusso acquisito; since resta ${since}.`);
    }
    const nonConforme = (motivo: string) => new ErroreComune(`La risposta a ${operazione} non rispetta lo schema Entries: ${motivo}. Nessun flusso acquisito; since resta ${since}.`);
    if (!isObject(body)) throw nonConforme('non è un oggetto JSON');
    const elenco = body.elenco_flussi ?? [];
    if (!Array.isArray(elenco)) throw nonConforme('elenco_flussi non è un array');
    const avvisi: string[] = [];
    const altre = Object.keys(body).filter((k) => k !== 'elenco_flussi');
    if (altre.length > 0) avvisi.push(`proprietà non previste nella risposta (${altre.slice(0, 5).join(', ')})`);
    if (elenco.length > limit) avvisi.push(`${elenco.length} voci restituite con limit=${limit}`);
    const voci: VoceLetta[] = [];
    elenco.forEach((v, i) => {
      const dove = `elenco_flussi[${i}]`;
      if (!isObject(v)) throw nonConforme(`${dove} non è un oggetto`);
      const idFlusso = v.id_flusso;
      if (typeof idFlusso !== 'string' || idFlusso.trim() === '') throw nonConforme(`${dove} senza id_flusso, senza il quale l'esito non si può notificare`);
      const tsMs = leggiDateTime(v.ts_flusso);
      if (tsMs === null) {
        const valore = typeof v.ts_flusso === 'string' ? `«${tronca(v.ts_flusso, 40)}»` : 'mancante';
        throw nonConforme(`${dove} (${tronca(idFlusso, 64)}) ha ts_flusso ${valore}: serve una data-ora RFC 3339 (es. 2023-11-27T11:04:56.852Z) per collocarlo rispetto a since`);
      }
      const rifiuti: string[] = [];
      let enteNonConforme = false;
      for (const x of violazioniFlusso(v, dove)) {
        const messaggio = x.messaggio.replace(`${dove}.`, '').replace(`${dove}: `, '');
        if (x.campo === 'codice_ente' || x.campo === 'tipo' || x.campo === 'id_flusso') rifiuti.push(messaggio);
        // The content is decoded (and judged) when the entry is received.
        else if (x.campo !== 'flusso') avvisi.push(`${idFlusso}: ${messaggio}`);
        if (x.campo === 'codice_ente') enteNonConforme = true;
      }
      if (v.codice_ente === undefined) rifiuti.push('manca codice_ente');
      else if (!enteNonConforme && v.codice_ente !== ente) {
        rifiuti.push(`codice_ente «${v.codice_ente as string}» non è l'ente interrogato (${ente}): un ente pubblica solo i propri flussi`);
      }
      if (v.tipo === undefined) rifiuti.push('manca tipo');
      if (v.flusso === undefined) rifiuti.push('manca flusso');
      else if (typeof v.flusso !== 'string') rifiuti.push('flusso deve essere una stringa base64');
      if (tsMs <= since) avvisi.push(`${idFlusso}: ts_flusso ${v.ts_flusso as string} non è successivo a since=${since}`);
      voci.push({
        idFlusso,
        tipo: typeof v.tipo === 'string' ? v.tipo : '',
        tsFlusso: v.ts_flusso as string,
        tsMs,
        codiceEnte: typeof v.codice_ente === 'string' ? v.codice_ente : undefined,
        denominazioneEnte: typeof v.denominazione_ente === 'string' ? v.denominazione_ente.slice(0, 256) : undefined,
        flusso: typeof v.flusso === 'string' ? v.flusso : undefined,
        rifiuti,
      });
    });
    // Stable: entries of the same instant keep the comune's order.
    voci.sort((a, b) => a.tsMs - b.tsMs);
    return { voci, avvisi };
  }

  /** Receives one entry's flow and works out its esito; never throws. */
  async function acquisisci(voce: VoceLetta, ente: string): Promise<Acquisizione> {
    const rifiuta = (descrizione: string): Acquisizione => ({
      esito: esitoSenzaAcquisizione(voce, 'RICHIESTA_INVALIDA', descrizione, new Date()),
      nuovo: false,
      interno: null,
    });
    if (voce.rifiuti.length > 0) return rifiuta(`Voce non conforme alla specifica WaaS, flusso non letto: ${voce.rifiuti.join('; ')}.`);
    const decodificato = decodificaBase64(voce.flusso!, { aCapo: true });
    if (!decodificato.ok) return rifiuta(`Flusso non letto: ${decodificato.messaggio}.`);
    const tipo = voce.tipo as TipoWaas;
    const { bytes } = decodificato;
    if (!isUtf8(bytes)) {
      // The document check on the bytes says which encoding it is (UTF-16, Latin-1…).
      const controllo = controllaDocumento(bytes, tipo);
      return rifiuta(`Flusso rifiutato: ${controllo.ok ? 'il documento non è UTF-8 valido' : controllo.rifiuto.messaggio} Nulla è stato registrato.`);
    }
    const unico = unRecordSolo(bytes.toString('utf8'), tipo);
    if (unico) return rifiuta(unico);
    try {
      const ricevuta = await riceviFlusso(deps, {
        tipo,
        contenuto: bytes.toString('utf8'),
        mittente: { sub: MITTENTE_PULL, ente: voce.codiceEnte ?? ente },
        origine: 'PULL',
      });
      if (ricevuta.giaRicevuto && ricevuta.contenutoDiverso) {
        return rifiuta(
          `Il flusso ${ricevuta.nome} è già stato acquisito con un contenuto diverso: questo invio non è stato applicato. ` +
            'Per correggere dati già inviati usare un flusso con un nuovo nome (TipoOperazione="C" annulla una prestazione).',
        );
      }
      const esito = await esitoFlussoRegistrato(deps.handle, { nome: ricevuta.nome, ente: voce.codiceEnte ?? ente }, voce);
      return { esito, nuovo: !ricevuta.giaRicevuto, interno: null };
    } catch (error) {
      const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
      if (code === 'BAD_USER_INPUT') return rifiuta((error as Error).message);
      if (code === 'FORBIDDEN') {
        return rifiuta(`L'ente del flusso (Ente@Codice) non è ${voce.codiceEnte ?? ente}, il codice_ente della voce: un ente invia solo i propri flussi. Nulla è stato registrato.`);
      }
      logger.error({ err: safeError(error), ente, idFlusso: voce.idFlusso }, 'pull: internal failure while receiving a flow; it will be read again');
      return {
        esito: esitoSenzaAcquisizione(
          voce,
          'ERRORE_GENERICO',
          'Errore interno del registro durante l\'acquisizione: il flusso non è stato registrato e sarà riletto automaticamente; non occorre reinviarlo.',
          new Date(),
        ),
        nuovo: false,
        // Drizzle wraps the driver's error in one that quotes the whole statement: the cause says what went wrong.
        interno: tronca(mascheraCodiciFiscali(causaDi(error)), 200),
      };
    }
  }

  /**
   * Queues an entry's esito and moves the cursor to `nuovoSince` (never
   * backwards) in one transaction, renewing the lease: a crash between the
   * two would otherwise lose the esito or read the entry twice for nothing.
   * Returns the stored cursor and whether the esito was new, or null when
   * another collector has taken the comune over.
   */
  async function registraVoce(ente: string, voce: VoceLetta, esito: EsitoFlusso, nuovoSince: number): Promise<{ since: number; nuovo: boolean } | null> {
    return db.transaction(async (tx) => {
      const [fonte] = await tx
        .update(fontePull)
        .set({ sinceMs: sql`greatest(${fontePull.sinceMs}, ${nuovoSince}::bigint)`, inCaricoFino: lease })
        .where(and(eq(fontePull.enteCodice, ente), eq(fontePull.proprietario, owner)))
        .returning({ since: fontePull.sinceMs });
      if (!fonte) return null;
      const inserted = await tx
        .insert(notificaEsito)
        .values({ ente, idFlusso: voce.idFlusso, tsFlussoMs: voce.tsMs, codiceEsito: esito.codice_esito, body: esito })
        .onConflictDoNothing()
        .returning({ id: notificaEsito.id });
      return { since: Number(fonte.since), nuovo: inserted.length > 0 };
    });
  }

  /** Where the cursor may go once entry `i` of a sorted page is done. */
  function cursoreDopo(voci: VoceLetta[], i: number, paginaPiena: boolean): number {
    const t = voci[i]!.tsMs;
    const dopo = voci[i + 1];
    // `since` is exclusive: stopping at t while another entry of the same instant
    // is still to do would skip it if the process died now.
    if (dopo) return dopo.tsMs === t ? t - 1 : t;
    // A full page may be cut inside an instant: read that instant again next page
    // (those flows come back as already received), unless it fills the whole page.
    if (paginaPiena && voci[0]!.tsMs !== t) return t - 1;
    return t;
  }

  async function raccogliFlussi(ente: string, base: string, token: string | null, report: EsitoRaccolta): Promise<void> {
    for (let pagina = 0; pagina < maxPagine && !stopped; pagina++) {
      const inizio = report.since;
      const { voci, avvisi } = await leggiPagina(base, ente, inizio, token);
      report.avvisi.push(...avvisi);
      if (voci.length === 0) return;
      const piena = voci.length >= limit;
      if (piena && voci[0]!.tsMs === voci[voci.length - 1]!.tsMs) {
        report.avvisi.push(`${voci.length} voci con lo stesso ts_flusso ${voci[0]!.tsFlusso} riempiono la pagina: altre dello stesso istante non sarebbero restituite (since è esclusivo)`);
      }
      for (let i = 0; i < voci.length; i++) {
        // Between entries: the cursor is already stored up to here.
        if (stopped) return;
        const voce = voci[i]!;
        const a = await acquisisci(voce, ente);
        report.voci++;
        const stored = await registraVoce(ente, voce, a.esito, a.interno ? report.since : cursoreDopo(voci, i, piena));
        if (!stored) throw new ErroreComune('Fonte presa in carico da un altro processo durante la raccolta: interrotta.');
        report.since = stored.since;
        if (stored.nuovo) report.esiti[a.esito.codice_esito] = (report.esiti[a.esito.codice_esito] ?? 0) + 1;
        if (a.nuovo) report.acquisiti++;
        if (a.interno) {
          throw new ErroreComune(`Errore interno acquisendo ${voce.idFlusso} (ts_flusso ${voce.tsFlusso}): ${a.interno}. La voce sarà riletta al prossimo giro; since resta ${report.since}.`);
        }
      }
      if (report.since <= inizio) {
        report.avvisi.push(`il comune ha restituito solo voci non successive a since=${inizio}: raccolta sospesa fino al prossimo giro`);
        return;
      }
    }
  }

  /** Sends what is owed to the comune, oldest first, at most 100 per call, until the queue is empty or the comune refuses. */
  async function notifica(ente: string, base: string, token: string | null, report: EsitoRaccolta): Promise<string | null> {
    for (let giro = 0; giro < TENTATIVI_NOTIFICA_PER_GIRO && !stopped; giro++) {
      const righe = await db
        .select({ id: notificaEsito.id, body: notificaEsito.body })
        .from(notificaEsito)
        .where(and(eq(notificaEsito.ente, ente), isNull(notificaEsito.inviatoIl), lte(notificaEsito.prossimoTentativo, sql`now()`)))
        .orderBy(asc(notificaEsito.id))
        .limit(MAX_VOCI);
      if (righe.length === 0) return null;
      const ids = righe.map((r) => r.id);
      let errore: string;
      try {
        const r = await chiama(`${base}/esiti`, 'POST /esiti', token, { elenco_esiti: righe.map((r) => r.body) });
        if (r.status >= 200 && r.status < 300) {
          await db
            .update(notificaEsito)
            .set({ inviatoIl: sql`now()`, tentativi: sql`${notificaEsito.tentativi} + 1`, ultimoErrore: null })
            .where(inArray(notificaEsito.id, ids));
          report.notificati += righe.length;
          continue;
        }
        errore = erroreHttp('POST /esiti', r).message;
        if (r.retryAfter !== null && (r.status === 429 || r.status === 503)) {
          // The comune says when to come back: not before, whatever the back-off would say.
          attese.set(ente, Date.now() + r.retryAfter * 1000);
          await db
            .update(notificaEsito)
            .set({
              tentativi: sql`${notificaEsito.tentativi} + 1`,
              prossimoTentativo: sql`now() + greatest(${r.retryAfter * 1000}, least(${maxBackoffMs}, ${backoffMs} * power(2, ${notificaEsito.tentativi}))) * interval '1 millisecond'`,
              ultimoErrore: `${errore} Retry-After: ${r.retryAfter} s.`,
            })
            .where(inArray(notificaEsito.id, ids));
          return `${errore} Il comune chiede di riprovare tra ${r.retryAfter} s (Retry-After).`;
        }
      } catch (error) {
        if (!(error instanceof ErroreComune)) throw error;
        errore = error.message;
      }
      // Exponential back-off per esito: base, 2×base, 4×base… capped.
      await db
        .update(notificaEsito)
        .set({
          tentativi: sql`${notificaEsito.tentativi} + 1`,
          prossimoTentativo: sql`now() + least(${maxBackoffMs}, ${backoffMs} * power(2, ${notificaEsito.tentativi})) * interval '1 millisecond'`,
          ultimoErrore: errore,
        })
        .where(inArray(notificaEsito.id, ids));
      return errore;
    }
    return null;
  }

  function riassunto(report: EsitoRaccolta, erroreNotifica: string | null): string {
    const parti: string[] = [];
    if (report.errore) parti.push(`ERRORE: ${report.errore}`);
    const esiti = Object.entries(report.esiti)
      .map(([codice, n]) => `${codice} ${n}`)
      .join(', ');
    if (report.voci > 0) parti.push(`Raccolta: ${report.voci} ${report.voci === 1 ? 'voce letta' : 'voci lette'}, ${report.acquisiti} ${report.acquisiti === 1 ? 'flusso nuovo' : 'flussi nuovi'}${esiti ? `; esiti: ${esiti}` : ''}; since=${report.since}.`);
    else if (!report.errore) parti.push(`Raccolta: nessun flusso nuovo; since=${report.since}.`);
    if (erroreNotifica) parti.push(`Notifica esiti non riuscita: ${erroreNotifica} Nuovo tentativo con attesa crescente.`);
    else if (report.notificati > 0) parti.push(`Notifica: ${report.notificati} ${report.notificati === 1 ? 'esito consegnato' : 'esiti consegnati'}.`);
    if (report.avvisi.length > 0) parti.push(`Avvisi: ${report.avvisi.slice(0, 5).join('; ')}${report.avvisi.length > 5 ? ` (e altri ${report.avvisi.length - 5})` : ''}.`);
    return tronca(parti.join(' '), 4000);
  }

  /** One run for one comune, under its lease; null when another collector has it. */
  async function raccogli(ente: string): Promise<EsitoRaccolta | null> {
    const [fonte] = await db
      .update(fontePull)
      .set({ inCaricoFino: lease, proprietario: owner })
      .where(
        and(
          eq(fontePull.enteCodice, ente),
          eq(fontePull.attiva, true),
          or(isNull(fontePull.inCaricoFino), lt(fontePull.inCaricoFino, sql`now()`), eq(fontePull.proprietario, owner)),
        ),
      )
      .returning();
    if (!fonte) return null;
    const report: EsitoRaccolta = { ente, voci: 0, acquisiti: 0, esiti: {}, notificati: 0, since: Number(fonte.sinceMs), errore: null, avvisi: [], ultimoEsito: '' };
    let erroreNotifica: string | null = null;
    try {
      let token: string | null;
      try {
        if (fonte.pdndPurposeId) {
          if (!options.voucherPdnd) throw new Error(`Voucher PDND non disponibile: la fonte chiede la finalità ${fonte.pdndPurposeId} ma le variabili PDND_* non sono impostate.`);
          token = await options.voucherPdnd(fonte.pdndPurposeId);
        } else token = leggiToken(fonte, env);
      } catch (error) {
        throw new ErroreComune((error as Error).message);
      }
      const attesa = attese.get(ente) ?? 0;
      if (attesa > Date.now()) {
        // The comune answered 429/503 with Retry-After: no request before that time, reading or notifying.
        report.avvisi.push(`il comune ha chiesto di attendere (Retry-After) fino a ${new Date(attesa).toISOString()}`);
      } else {
        try {
          await raccogliFlussi(ente, fonte.baseUrl, token, report);
        } catch (error) {
          if (!(error instanceof ErroreComune)) throw error;
          report.errore = error.message;
        }
        // Esiti go out even when reading failed: those already queued are owed regardless (unless told to wait).
        if ((attese.get(ente) ?? 0) <= Date.now()) erroreNotifica = await notifica(ente, fonte.baseUrl, token, report);
      }
    } catch (error) {
      if (error instanceof ErroreComune) report.errore ??= error.message;
      else {
        report.errore ??= 'Errore interno del registro: dettaglio nei log.';
        logger.error({ err: safeError(error), ente }, 'pull: run failed');
      }
    }
    report.ultimoEsito = riassunto(report, erroreNotifica);
    if (report.errore || erroreNotifica) logger.warn({ ente, ultimoEsito: report.ultimoEsito }, 'pull: comune reported a problem');
    await db
      .update(fontePull)
      .set({
        inCaricoFino: null,
        proprietario: null,
        ultimoEsito: report.ultimoEsito,
        erroriConsecutivi: report.errore || erroreNotifica ? sql`${fontePull.erroriConsecutivi} + 1` : 0,
        aggiornatoIl: sql`now()`,
      })
      .where(and(eq(fontePull.enteCodice, ente), eq(fontePull.proprietario, owner)));
    return report;
  }

  async function giro(): Promise<EsitoRaccolta[]> {
    await registraSeServe();
    const enti = (await db.select({ ente: fontePull.enteCodice }).from(fontePull).where(eq(fontePull.attiva, true)).orderBy(asc(fontePull.enteCodice))).map((r) => r.ente);
    const reports: Array<EsitoRaccolta | null> = new Array(enti.length).fill(null);
    let next = 0;
    const lavoratore = async () => {
      while (next < enti.length && !stopped) {
        const i = next++;
        try {
          reports[i] = await raccogli(enti[i]!);
        } catch (error) {
          // The database itself failed: log and go on with the others.
          logger.error({ err: safeError(error), ente: enti[i] }, 'pull: could not run for this comune');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concorrenza, enti.length) }, lavoratore));
    return reports.filter((r): r is EsitoRaccolta => r !== null);
  }

  async function runOnce(): Promise<EsitoRaccolta[]> {
    while (running) await running.catch(() => []);
    const current = giro();
    running = current;
    try {
      return await current;
    } finally {
      running = null;
    }
  }

  return {
    async start() {
      stopped = false;
      arresto = new AbortController();
      await registraSeServe();
      const tick = async () => {
        if (stopped) return;
        try {
          await runOnce();
        } catch (error) {
          logger.error({ err: safeError(error) }, 'pull: run failed');
        }
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      };
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      arresto.abort();
      while (running) await running.catch(() => []);
    },
    runOnce,
  };
}
