/**
 * The shapes of INPS's WaaS API (`api-comuni.yaml`, version 2.0.1) and the
 * checks of its JSON schemas (`Entries`, `Flusso`, `ElencoEsiti`,
 * `EsitoFlusso`), written out by hand: the collector checks what a comune
 * answers with them, and the test comune checks its own answers.
 */

/** `TipoFlusso`: the two flows the API carries (SIP is not in it). */
export const TIPI_WAAS = ['PS_PSA_SINA', 'SINBA'] as const;
export type TipoWaas = (typeof TIPI_WAAS)[number];

/** `EsitoFlusso.codice_esito`. */
export const CODICI_ESITO = ['OK', 'DATI_NON_TROVATI', 'RICHIESTA_INVALIDA', 'ERRORE_GENERICO'] as const;
export type CodiceEsito = (typeof CODICI_ESITO)[number];

/** `Entries.elenco_flussi` and `ElencoEsiti.elenco_esiti` hold at most this many items. */
export const MAX_VOCI = 100;

/** Largest `Flusso.flusso` (base64 characters). */
export const MAX_FLUSSO_BASE64 = 10_000_000;

/** An item of `elenco_flussi` (schema `Flusso`: every property optional, none other allowed). */
export interface VoceFlusso {
  codice_ente?: string;
  denominazione_ente?: string;
  id_flusso?: string;
  tipo?: string;
  ts_flusso?: string;
  flusso?: string;
}

/** Schema `EsitoFlusso`: what INPS sends back for each flow it acquired. */
export interface EsitoFlusso {
  /** The entry's ente and name, echoed as the specification's examples of `POST /esiti` show them. */
  codice_ente?: string;
  denominazione_ente?: string;
  id_flusso: string;
  tipo: string;
  ts_flusso: string;
  ts_acquisizione: string;
  codice_esito: CodiceEsito;
  descrizione_esito?: string;
  id_acquisizione_siuss?: string;
}

/** One way a document breaks a schema: where (a JSON path) and what, in Italian. */
export interface Violazione {
  percorso: string;
  campo: string;
  messaggio: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Reads an RFC 3339 `date-time` (the `ts_flusso` format) as milliseconds since
 * the epoch, or null when it is not one. Looser formats `Date.parse` would take
 * (no zone, a space for `T`) are refused: the cursor must not depend on the
 * collector's time zone.
 */
export function leggiDateTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const [mese, giorno, ora, minuti, secondi] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  if (mese < 1 || mese > 12 || giorno < 1 || giorno > 31 || ora > 23 || minuti > 59 || secondi > 60) return null;
  const ms = Date.parse(value.replace('t', 'T').replace('z', 'Z'));
  return Number.isFinite(ms) && ms >= 0 ? Math.floor(ms) : null;
}

/**
 * Decodes standard base64 (RFC 4648, `format: byte`) strictly: Node's own
 * decoder skips characters it does not know, which would turn a damaged entry
 * into a different document instead of a refusal. Line breaks (encoders that
 * wrap at 76 columns) are tolerated when `aCapo` is true. Checked with plain
 * scans, not one regular expression: a 10 MB string overflows the regex stack.
 */
export function decodificaBase64(value: string, opzioni: { aCapo?: boolean } = {}): { ok: true; bytes: Buffer } | { ok: false; messaggio: string } {
  const testo = opzioni.aCapo ? value.replace(/\r?\n/g, '') : value;
  const rifiuto = (dove: string) => ({ ok: false as const, messaggio: `il campo flusso non è base64 valido: ${dove}` });
  const non = /[^A-Za-z0-9+/=]/.exec(testo);
  if (non) return rifiuto(`il carattere «${non[0] === '\n' ? '\\n' : non[0]}» alla posizione ${non.index + 1} non è dell'alfabeto base64`);
  if (testo.length % 4 !== 0) return rifiuto(`la lunghezza (${testo.length} caratteri) non è un multiplo di 4`);
  const uguale = testo.indexOf('=');
  if (uguale >= 0 && (uguale < testo.length - 2 || (uguale === testo.length - 2 && testo.charAt(testo.length - 1) !== '='))) {
    return rifiuto(`il riempimento «=» alla posizione ${uguale + 1} è fuori posto`);
  }
  return { ok: true, bytes: Buffer.from(testo, 'base64') };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function stringa(
  out: Violazione[],
  base: string,
  oggetto: Record<string, unknown>,
  campo: string,
  regole: { obbligatorio?: boolean; maxLength?: number; minLength?: number; pattern?: RegExp; enumerazione?: readonly string[]; dateTime?: boolean; byte?: boolean },
): void {
  const percorso = `${base}.${campo}`;
  const v = oggetto[campo];
  if (v === undefined) {
    if (regole.obbligatorio) out.push({ percorso, campo, messaggio: `${percorso}: manca (obbligatorio)` });
    return;
  }
  if (typeof v !== 'string') {
    out.push({ percorso, campo, messaggio: `${percorso}: deve essere una stringa, è ${v === null ? 'null' : typeof v}` });
    return;
  }
  if (regole.maxLength !== undefined && v.length > regole.maxLength) out.push({ percorso, campo, messaggio: `${percorso}: oltre ${regole.maxLength} caratteri (${v.length})` });
  if (regole.minLength !== undefined && v.length < regole.minLength) out.push({ percorso, campo, messaggio: `${percorso}: meno di ${regole.minLength} caratteri` });
  if (regole.pattern && !regole.pattern.test(v)) out.push({ percorso, campo, messaggio: `${percorso}: «${v.slice(0, 40)}» non rispetta il formato ${regole.pattern.source}` });
  if (regole.enumerazione && !regole.enumerazione.includes(v)) {
    out.push({ percorso, campo, messaggio: `${percorso}: «${v.slice(0, 40)}» non è tra i valori ammessi (${regole.enumerazione.join(', ')})` });
  }
  if (regole.dateTime && leggiDateTime(v) === null) out.push({ percorso, campo, messaggio: `${percorso}: «${v.slice(0, 40)}» non è una data-ora RFC 3339 (es. 2023-11-27T11:04:56.852Z)` });
  if (regole.byte) {
    const d = decodificaBase64(v);
    if (!d.ok) out.push({ percorso, campo, messaggio: `${percorso}: ${d.messaggio.replace('il campo flusso ', '')}` });
  }
}

function soloProprieta(out: Violazione[], base: string, oggetto: Record<string, unknown>, ammesse: readonly string[]): void {
  const altre = Object.keys(oggetto).filter((k) => !ammesse.includes(k));
  if (altre.length > 0) out.push({ percorso: base, campo: '', messaggio: `${base}: proprietà non previste dallo schema (${altre.slice(0, 5).join(', ')})` });
}

const PROPRIETA_FLUSSO = ['codice_ente', 'denominazione_ente', 'id_flusso', 'tipo', 'ts_flusso', 'flusso'] as const;

/** Where an item of `elenco_flussi` breaks schema `Flusso` (empty when it conforms). */
export function violazioniFlusso(voce: unknown, percorso: string): Violazione[] {
  const out: Violazione[] = [];
  if (!isObject(voce)) return [{ percorso, campo: '', messaggio: `${percorso}: deve essere un oggetto` }];
  soloProprieta(out, percorso, voce, PROPRIETA_FLUSSO);
  stringa(out, percorso, voce, 'codice_ente', { pattern: /^[A-Z][0-9]{3}$/, maxLength: 4, minLength: 4 });
  stringa(out, percorso, voce, 'denominazione_ente', { maxLength: 256 });
  stringa(out, percorso, voce, 'id_flusso', { maxLength: 64 });
  stringa(out, percorso, voce, 'tipo', { enumerazione: TIPI_WAAS });
  stringa(out, percorso, voce, 'ts_flusso', { dateTime: true });
  stringa(out, percorso, voce, 'flusso', { maxLength: MAX_FLUSSO_BASE64, byte: true });
  return out;
}

/** Where a `GET /flussi` answer breaks schema `Entries` (empty when it conforms). */
export function violazioniEntries(body: unknown): Violazione[] {
  if (!isObject(body)) return [{ percorso: '$', campo: '', messaggio: '$: deve essere un oggetto JSON' }];
  const out: Violazione[] = [];
  soloProprieta(out, '$', body, ['elenco_flussi']);
  const elenco = body.elenco_flussi;
  if (elenco === undefined) return out;
  if (!Array.isArray(elenco)) return [...out, { percorso: '$.elenco_flussi', campo: 'elenco_flussi', messaggio: '$.elenco_flussi: deve essere un array' }];
  if (elenco.length > MAX_VOCI) out.push({ percorso: '$.elenco_flussi', campo: 'elenco_flussi', messaggio: `$.elenco_flussi: ${elenco.length} voci, al massimo ${MAX_VOCI}` });
  elenco.forEach((v, i) => out.push(...violazioniFlusso(v, `$.elenco_flussi[${i}]`)));
  return out;
}

type RegoleStringa = Parameters<typeof stringa>[4];

const REGOLE_ESITO = {
  id_flusso: { obbligatorio: true },
  tipo: { obbligatorio: true },
  ts_flusso: { obbligatorio: true, dateTime: true },
  ts_acquisizione: { obbligatorio: true, dateTime: true },
  codice_esito: { obbligatorio: true, enumerazione: CODICI_ESITO },
  descrizione_esito: {},
  id_acquisizione_siuss: {},
  // Not in the OpenAPI's EsitoFlusso (which allows other properties), but in the specification's examples.
  codice_ente: { maxLength: 4 },
  denominazione_ente: { maxLength: 256 },
} satisfies Record<keyof EsitoFlusso, RegoleStringa>;
const PROPRIETA_ESITO = Object.keys(REGOLE_ESITO) as Array<keyof EsitoFlusso>;

/**
 * Where a `POST /esiti` body breaks schema `ElencoEsiti` (empty when it
 * conforms). `EsitoFlusso` allows other properties; `id_acquisizione_siuss`
 * only makes sense with `OK`, as the schema's description says.
 */
export function violazioniElencoEsiti(body: unknown): Violazione[] {
  if (!isObject(body)) return [{ percorso: '$', campo: '', messaggio: '$: deve essere un oggetto JSON' }];
  const out: Violazione[] = [];
  soloProprieta(out, '$', body, ['elenco_esiti']);
  const elenco = body.elenco_esiti;
  if (elenco === undefined) return out;
  if (!Array.isArray(elenco)) return [...out, { percorso: '$.elenco_esiti', campo: 'elenco_esiti', messaggio: '$.elenco_esiti: deve essere un array' }];
  if (elenco.length > MAX_VOCI) out.push({ percorso: '$.elenco_esiti', campo: 'elenco_esiti', messaggio: `$.elenco_esiti: ${elenco.length} voci, al massimo ${MAX_VOCI}` });
  elenco.forEach((e, i) => {
    const percorso = `$.elenco_esiti[${i}]`;
    if (!isObject(e)) {
      out.push({ percorso, campo: '', messaggio: `${percorso}: deve essere un oggetto` });
      return;
    }
    for (const campo of PROPRIETA_ESITO) stringa(out, percorso, e, campo, REGOLE_ESITO[campo]);
    if (e.id_acquisizione_siuss !== undefined && e.codice_esito !== 'OK') {
      out.push({ percorso, campo: 'id_acquisizione_siuss', messaggio: `${percorso}: id_acquisizione_siuss va valorizzato solo con esito OK` });
    }
  });
  return out;
}
