/**
 * The command line, parsed with node:util `parseArgs` (no dependency for a
 * handful of options) and checked before anything is read or sent: every
 * mistake becomes an `ErroreUso` with an Italian sentence (exit code 2).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TIPI_FLUSSO, type TipoFlusso } from '@casellario/flussi-formato';
import { aiutoEsiti, aiutoGenerale, aiutoInvia, aiutoStato, INVOCAZIONE } from './aiuto';
import { ErroreUso } from './errori';
import type { OpzioniInvia } from './invia';
import type { OpzioniEsiti, OpzioniLettura } from './leggi';

/** The gateway of `npm start`. */
export const URL_PREDEFINITO = 'http://127.0.0.1:4000/graphql';

export type Comando =
  | { comando: 'aiuto'; testo: string }
  | { comando: 'invia'; opzioni: OpzioniInvia }
  | { comando: 'stato'; opzioni: OpzioniLettura }
  | { comando: 'esiti'; opzioni: OpzioniEsiti };

type Ambiente = Readonly<Record<string, string | undefined>>;

const COMUNI = {
  url: { type: 'string' },
  token: { type: 'string' },
  tentativi: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const OPZIONI = {
  invia: {
    ...COMUNI,
    tipo: { type: 'string' },
    'record-per-parte': { type: 'string' },
    esiti: { type: 'string' },
    separatore: { type: 'string' },
    'attendi-consegna': { type: 'boolean' },
    'attesa-massima': { type: 'string' },
  },
  stato: { ...COMUNI },
  esiti: { ...COMUNI, rifiutati: { type: 'boolean' }, codice: { type: 'string' }, csv: { type: 'string' }, separatore: { type: 'string' } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

const AIUTI: Record<string, () => string> = { invia: aiutoInvia, stato: aiutoStato, esiti: aiutoEsiti };

/**
 * Reads the command line (`argv` without node and the script) and the
 * environment (CASELLARIO_TOKEN, CASELLARIO_URL). Throws `ErroreUso` on any
 * mistake; asks for help rather than failing when there is nothing to do.
 */
export function leggiArgomenti(argv: readonly string[], env: Ambiente): Comando {
  const [primo, ...resto] = argv;
  if (primo === undefined || primo === '--help' || primo === '-h') return { comando: 'aiuto', testo: aiutoGenerale() };
  if (primo === 'aiuto' || primo === 'help') {
    const di = resto[0];
    return { comando: 'aiuto', testo: di && AIUTI[di] ? AIUTI[di]() : aiutoGenerale() };
  }
  if (primo !== 'invia' && primo !== 'stato' && primo !== 'esiti') {
    throw new ErroreUso(primo.startsWith('-') ? `Manca il comando prima di ${primo}: invia, stato o esiti.` : `Comando sconosciuto: «${primo}». I comandi sono invia, stato ed esiti.`);
  }
  const { values, positionals } = analizza(primo, resto);
  if (values.help) return { comando: 'aiuto', testo: AIUTI[primo]!() };

  const comuni = {
    url: leggiUrl(stringa(values.url) ?? env.CASELLARIO_URL ?? URL_PREDEFINITO),
    tentativi: intero(values.tentativi, '--tentativi', 5, 1, 20),
  };
  const separatore = leggiSeparatore(stringa(values.separatore));

  if (primo === 'invia') {
    if (positionals.length === 0) throw new ErroreUso('Indicare almeno un file da inviare: flusso invia <file...>.');
    const opzioni: OpzioniInvia = {
      file: positionals,
      tipo: leggiTipo(stringa(values.tipo)),
      recordPerParte: intero(values['record-per-parte'], '--record-per-parte', 5000, 1, 1_000_000),
      esiti: stringa(values.esiti),
      separatore,
      attendiConsegna: values['attendi-consegna'] === true,
      attesaMassimaMs: intero(values['attesa-massima'], '--attesa-massima', 1800, 1, 7 * 24 * 3600) * 1000,
      ...comuni,
      token: leggiToken(values.token, env),
    };
    return { comando: 'invia', opzioni };
  }
  if (positionals.length !== 1) {
    throw new ErroreUso(
      positionals.length === 0
        ? `Indicare il nome del flusso: flusso ${primo} <nome>, ad esempio H501.PS.20250601.0000001.`
        : `flusso ${primo} legge un flusso alla volta: indicati ${positionals.length} nomi (${positionals.join(', ')}).`,
    );
  }
  const lettura: OpzioniLettura = { nome: positionals[0]!, ...comuni, token: leggiToken(values.token, env) };
  if (primo === 'stato') return { comando: 'stato', opzioni: lettura };
  return {
    comando: 'esiti',
    opzioni: { ...lettura, rifiutati: values.rifiutati === true, codice: stringa(values.codice)?.trim().toUpperCase() || undefined, csv: stringa(values.csv), separatore },
  };
}

/** The one-line hint printed under a usage error. */
export function suggerimentoAiuto(argv: readonly string[]): string {
  const comando = argv[0] && AIUTI[argv[0]] ? ` ${argv[0]}` : '';
  return `Per l'aiuto: ${INVOCAZIONE}${comando} --help`;
}

type Valori = Record<string, string | boolean | undefined>;

function analizza(comando: keyof typeof OPZIONI, args: string[]): { values: Valori; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: OPZIONI[comando], allowPositionals: true, strict: true });
    return { values: values as Valori, positionals };
  } catch (e) {
    throw new ErroreUso(traduciErroreParse(e as Error & { code?: string }, comando));
  }
}

/** parseArgs speaks English; the operator reads Italian. */
function traduciErroreParse(e: Error & { code?: string }, comando: string): string {
  const opzione = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Opzione sconosciuta per flusso ${comando}: ${opzione || e.message}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(e.message)
        ? `L'opzione ${opzione} non vuole un valore.`
        : `Manca il valore dell'opzione ${opzione}.`;
    default:
      return `Riga di comando non valida: ${e.message}`;
  }
}

function stringa(v: string | boolean | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function intero(v: string | boolean | undefined, nome: string, predefinito: number, minimo: number, massimo: number): number {
  if (v === undefined || typeof v === 'boolean') return predefinito;
  const n = Number(v.replaceAll('_', ''));
  if (!/^\d[\d_]*$/.test(v.trim()) || !Number.isSafeInteger(n) || n < minimo || n > massimo) {
    throw new ErroreUso(`${nome} vuole un numero intero tra ${minimo} e ${massimo}: «${v}» non lo è.`);
  }
  return n;
}

function leggiTipo(v: string | undefined): TipoFlusso | undefined {
  if (v === undefined) return undefined;
  const tipo = v.trim().toUpperCase();
  if (!(TIPI_FLUSSO as readonly string[]).includes(tipo)) throw new ErroreUso(`--tipo vuole ${TIPI_FLUSSO.join(', ')}: «${v}» non è uno di questi.`);
  return tipo as TipoFlusso;
}

function leggiUrl(v: string): string {
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ErroreUso(`--url non è un indirizzo valido: «${v}». Ad esempio: ${URL_PREDEFINITO}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ErroreUso(`--url deve iniziare con http:// o https://: «${v}».`);
  // «http://host:4000» means the gateway there: its endpoint is /graphql.
  if (url.pathname === '/') url.pathname = '/graphql';
  return url.toString();
}

function leggiSeparatore(v: string | undefined): string {
  if (v === undefined) return ',';
  const s = v === 'tab' || v === '\\t' ? '\t' : v;
  if (![',', ';', '\t', '|'].includes(s)) throw new ErroreUso(`--separatore vuole uno tra , ; tab |: «${v}» non lo è.`);
  return s;
}

function leggiToken(v: string | boolean | undefined, env: Ambiente): string {
  const grezzo = stringa(v) ?? env.CASELLARIO_TOKEN;
  // Accept what people paste: surrounding blanks, a trailing newline, a "Bearer " prefix.
  const token = grezzo?.trim().replace(/^Bearer\s+/i, '');
  if (!token) {
    throw new ErroreUso(
      'Manca il token: passarlo con --token <jwt> o, meglio, nella variabile d\'ambiente CASELLARIO_TOKEN. ' +
        'In sviluppo: export CASELLARIO_TOKEN=$(npx pnpm --silent run token --ruolo gestione --ente H501)',
    );
  }
  return token;
}
