/**
 * Reading a flow back: the flow as the registry keeps it, its esiti page by
 * page (keyset pagination: `dopo` is the cursor of the last page), how many
 * records carry each segnalazione code, and the CSV of every esito.
 */
import type { ClientCasellario, Riprova } from './client';
import { ErroreApi } from './errori';
import type { FileCsv } from './csv';

export type StatoEsito = 'ACCETTATO' | 'ACCETTATO_CON_AVVISI' | 'RIFIUTATO';

export interface Segnalazione {
  codice: string;
  gravita: 'ERRORE' | 'AVVISO';
  campo?: string | null;
  messaggio?: string;
}

export interface Esito {
  numero: number;
  parte: number;
  riga: number | null;
  stato: StatoEsito;
  riferimento?: string | null;
  codicePrestazione?: string | null;
  protocolloDomanda?: string | null;
  segnalazioni: Segnalazione[];
}

export interface Riepilogo {
  record: number;
  accettati: number;
  accettatiConAvvisi: number;
  rifiutati: number;
}

export interface StatoConsegna {
  completata: boolean;
  consegnati: number;
  daConsegnare: number;
  ultimoErrore: string | null;
}

/** A flow as `inviaFlusso` and `flusso(nome)` give it. */
export interface Flusso {
  nome: string;
  tipo: string;
  ricevutoIl: string;
  stato: 'PARZIALE' | 'IN_CONSEGNA' | 'CONSEGNATO';
  parti: number;
  partiRicevute: number;
  giaRicevuto: boolean;
  contenutoDiverso: boolean;
  riepilogo: Riepilogo;
  avvisiFlusso: Segnalazione[];
  consegna: StatoConsegna;
}

export interface FiltroEsiti {
  stato?: StatoEsito;
  codice?: string;
}

/** The fields of a flow every command reads. */
export const CAMPI_FLUSSO = /* GraphQL */ `
  nome tipo ricevutoIl stato parti partiRicevute giaRicevuto contenutoDiverso
  riepilogo { record accettati accettatiConAvvisi rifiutati }
  avvisiFlusso { codice gravita messaggio }
  consegna { completata consegnati daConsegnare ultimoErrore }
`;

const CAMPI_ESITO_COMPLETI = 'numero parte riga stato riferimento codicePrestazione protocolloDomanda segnalazioni { codice gravita campo messaggio }';
const CAMPI_ESITO_CODICI = 'numero parte stato segnalazioni { codice gravita }';

/** The most the registry gives in one page. */
export const PAGINA = 200;

/** The flow named `nome`, or a NON_TROVATO error: it does not exist or is another ente's. */
export async function leggiFlusso(client: ClientCasellario, nome: string): Promise<Flusso> {
  const { dati } = await client.richiedi<{ flusso: Flusso | null }>(`query ($nome: String!) { flusso(nome: $nome) { ${CAMPI_FLUSSO} } }`, { nome });
  if (!dati.flusso) throw flussoNonTrovato(nome);
  return dati.flusso;
}

function flussoNonTrovato(nome: string): ErroreApi {
  return new ErroreApi('NON_TROVATO', `il registro non ha un flusso «${nome}» del tuo ente (il nome va scritto come in IdentificazioneFlusso@Nome)`);
}

/**
 * The esiti of a flow, one page at a time, in record order. `completi` asks for
 * every field (CSV, listing); otherwise only what counting codes needs, which
 * keeps the pages of a big flow small.
 */
export async function* pagineEsiti(
  client: ClientCasellario,
  nome: string,
  filtro: FiltroEsiti,
  opzioni: { completi: boolean; suRiprova?: (r: Riprova) => void },
): AsyncGenerator<Esito[]> {
  const campi = opzioni.completi ? CAMPI_ESITO_COMPLETI : CAMPI_ESITO_CODICI;
  const query = `query ($nome: String!, $filtro: FiltroEsiti, $primi: Int, $dopo: String) {
    flusso(nome: $nome) { esiti(filtro: $filtro, primi: $primi, dopo: $dopo) { haAltri cursoreSuccessivo elementi { ${campi} } } }
  }`;
  type Pagina = { haAltri: boolean; cursoreSuccessivo: string | null; elementi: Esito[] };
  let dopo: string | null = null;
  for (;;) {
    const risposta: { dati: { flusso: { esiti: Pagina } | null } } = await client.richiedi(query, { nome, filtro, primi: PAGINA, dopo }, opzioni.suRiprova);
    if (!risposta.dati.flusso) throw flussoNonTrovato(nome);
    const pagina: Pagina = risposta.dati.flusso.esiti;
    yield pagina.elementi;
    if (!pagina.haAltri || !pagina.cursoreSuccessivo) return;
    dopo = pagina.cursoreSuccessivo;
  }
}

/** How many records carry each code, with its gravity. */
export type ConteggioCodici = Map<string, { gravita: string; record: number }>;

/** Adds an esito to the counts: a code counts once per record, however often it is repeated there. */
export function contaCodici(conteggio: ConteggioCodici, esito: Esito): void {
  const visti = new Set<string>();
  for (const s of esito.segnalazioni) {
    if (visti.has(s.codice)) continue;
    visti.add(s.codice);
    const voce = conteggio.get(s.codice);
    if (voce) voce.record++;
    else conteggio.set(s.codice, { gravita: s.gravita, record: 1 });
  }
}

/** The `n` most frequent codes, most frequent first, then by code. */
export function codiciPiuFrequenti(conteggio: ConteggioCodici, n: number): Array<{ codice: string; gravita: string; record: number }> {
  return [...conteggio]
    .map(([codice, v]) => ({ codice, ...v }))
    .sort((a, b) => b.record - a.record || a.codice.localeCompare(b.codice))
    .slice(0, n);
}

/**
 * Counts the codes of a flow, reading only the esiti that have any (accepted
 * with warnings, and rejected): plainly accepted records carry none.
 */
export async function contaCodiciFlusso(
  client: ClientCasellario,
  nome: string,
  suPagina: (letti: number) => void,
  suRiprova?: (r: Riprova) => void,
): Promise<ConteggioCodici> {
  const conteggio: ConteggioCodici = new Map();
  let letti = 0;
  for (const stato of ['ACCETTATO_CON_AVVISI', 'RIFIUTATO'] as const) {
    for await (const pagina of pagineEsiti(client, nome, { stato }, { completi: false, suRiprova })) {
      for (const e of pagina) contaCodici(conteggio, e);
      letti += pagina.length;
      suPagina(letti);
    }
  }
  return conteggio;
}

/** Columns of the esiti CSV; `flusso` first, so that one file can hold the esiti of several flows. */
export const INTESTAZIONE_CSV = ['flusso', 'numero', 'parte', 'riga', 'stato', 'riferimento', 'codicePrestazione', 'protocolloDomanda', 'codici', 'messaggi'] as const;

/** Codes and messages in the same order, `|`-separated, so that the n-th message is the n-th code's. */
export async function scriviEsitoCsv(csv: FileCsv, nome: string, e: Esito): Promise<void> {
  await csv.riga([
    nome,
    e.numero,
    e.parte,
    e.riga,
    e.stato,
    e.riferimento,
    e.codicePrestazione,
    e.protocolloDomanda,
    e.segnalazioni.map((s) => s.codice).join('|'),
    e.segnalazioni.map((s) => (s.messaggio ?? '').replaceAll('|', '/')).join(' | '),
  ]);
}

/**
 * Writes every esito of a flow to the CSV and counts its codes on the way:
 * one pass over the esiti serves both.
 */
export async function esportaEsiti(
  client: ClientCasellario,
  nome: string,
  csv: FileCsv,
  suPagina: (letti: number) => void,
  suRiprova?: (r: Riprova) => void,
): Promise<ConteggioCodici> {
  const conteggio: ConteggioCodici = new Map();
  let letti = 0;
  for await (const pagina of pagineEsiti(client, nome, {}, { completi: true, suRiprova })) {
    for (const e of pagina) {
      contaCodici(conteggio, e);
      await scriviEsitoCsv(csv, nome, e);
    }
    letti += pagina.length;
    suPagina(letti);
  }
  return conteggio;
}

/** Every code's description, for the summary; empty when the registry does not give them. */
export async function descrizioniCodici(client: ClientCasellario): Promise<Map<string, string>> {
  try {
    const { dati } = await client.richiedi<{ codiciEsito: Array<{ codice: string; descrizione: string }> }>('{ codiciEsito { codice descrizione } }', {});
    return new Map(dati.codiciEsito.map((c) => [c.codice, c.descrizione]));
  } catch {
    // Descriptions only adorn the summary: without them it still says everything.
    return new Map();
  }
}
