/**
 * Reading flows back: `flusso stato <nome>` (the flow's summary, as after
 * sending it) and `flusso esiti <nome>` (its esiti, filtered, on screen or CSV).
 */
import type { Ambiente } from './avanzamento';
import { ClientCasellario } from './client';
import { FileCsv } from './csv';
import { descriviErrore } from './errori';
import { contaCodiciFlusso, descrizioniCodici, INTESTAZIONE_CSV, leggiFlusso, pagineEsiti, scriviEsitoCsv, type Esito, type FiltroEsiti } from './esiti';
import { plurale } from './formato';
import { righeFlusso } from './riepilogo';

export interface OpzioniLettura {
  nome: string;
  url: string;
  token: string;
  tentativi: number;
}

export interface OpzioniEsiti extends OpzioniLettura {
  rifiutati: boolean;
  codice?: string;
  /** CSV path, or `-` for standard output; absent: readable lines. */
  csv?: string;
  separatore: string;
}

/** `flusso stato <nome>`: the flow as the registry keeps it, with its most frequent codes. Exit 0, or 1 when it cannot be read. */
export async function comandoStato(opzioni: OpzioniLettura, { stdout, stderr }: Ambiente): Promise<number> {
  const client = new ClientCasellario({ url: opzioni.url, token: opzioni.token, tentativi: opzioni.tentativi });
  try {
    const flusso = await leggiFlusso(client, opzioni.nome);
    const codici = await contaCodiciFlusso(client, flusso.nome, () => {});
    const descrizioni = codici.size > 0 ? await descrizioniCodici(client) : new Map<string, string>();
    const parti = flusso.parti > 1 ? `, ${plurale(flusso.parti, 'parte', 'parti')}` : '';
    stdout.write(`Flusso ${flusso.nome} (${flusso.tipo}${parti}), ricevuto il ${dataOra(flusso.ricevutoIl)}\n`);
    stdout.write(`${righeFlusso(flusso, codici, descrizioni).join('\n')}\n`);
    return 0;
  } catch (e) {
    stderr.write(`${descriviErrore(e, opzioni.nome, opzioni.url)}\n`);
    return 1;
  }
}

/** `flusso esiti <nome>`: every esito matching the filter, as lines or CSV. Exit 0, or 1 when they cannot be read. */
export async function comandoEsiti(opzioni: OpzioniEsiti, { stdout, stderr }: Ambiente): Promise<number> {
  const client = new ClientCasellario({ url: opzioni.url, token: opzioni.token, tentativi: opzioni.tentativi });
  const filtro: FiltroEsiti = { ...(opzioni.rifiutati ? { stato: 'RIFIUTATO' as const } : {}), ...(opzioni.codice ? { codice: opzioni.codice } : {}) };
  const csv = opzioni.csv ? await FileCsv.apri(opzioni.csv, INTESTAZIONE_CSV, { separatore: opzioni.separatore, stdout }) : undefined;
  let n = 0;
  try {
    for await (const pagina of pagineEsiti(client, opzioni.nome, filtro, { completi: true })) {
      for (const e of pagina) {
        n++;
        if (csv) await scriviEsitoCsv(csv, opzioni.nome, e);
        else stdout.write(`${righeEsito(e).join('\n')}\n`);
      }
    }
  } catch (e) {
    await csv?.chiudi();
    stderr.write(`${descriviErrore(e, opzioni.nome, opzioni.url)}\n`);
    return 1;
  }
  await csv?.chiudi();
  const quali = (uno: boolean) => `${opzioni.rifiutati ? (uno ? ' rifiutato' : ' rifiutati') : ''}${opzioni.codice ? ` con la segnalazione ${opzioni.codice}` : ''}`;
  const dove = csv && csv.percorso !== '-' ? ` scritt${n === 1 ? 'o' : 'i'} in ${csv.percorso}` : '';
  const riga = n === 0 ? `Nessun esito${quali(true)} nel flusso ${opzioni.nome}.` : `${plurale(n, 'esito', 'esiti')}${quali(n === 1)} del flusso ${opzioni.nome}${dove}.`;
  // With `--csv -` the CSV owns standard output: the count goes to standard error.
  (csv?.percorso === '-' ? stderr : stdout).write(`${riga}\n`);
  return 0;
}

/** One esito as readable lines: where it is, its state, and each segnalazione. */
export function righeEsito(e: Esito): string[] {
  const testa = [
    `n. ${e.numero}`,
    `parte ${e.parte}`,
    e.riga != null ? `riga ${e.riga}` : undefined,
    e.stato,
    e.riferimento ?? undefined,
    e.codicePrestazione ?? undefined,
    e.protocolloDomanda ? `domanda ${e.protocolloDomanda}` : undefined,
  ].filter((x): x is string => Boolean(x));
  return [testa.join(' · '), ...e.segnalazioni.map((s) => `    ${s.gravita} ${s.codice}${s.campo ? ` (${s.campo})` : ''}: ${s.messaggio ?? ''}`)];
}

function dataOra(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}
