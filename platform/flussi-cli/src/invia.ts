/**
 * `flusso invia`: each file is split into parts of at most N records, every
 * part sent with `inviaFlusso` in order, and the flow's esito summarised. A
 * part is sent again only when no answer came back for it (see client.ts);
 * one that got an answer, even a refusal, never is.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ErroreDivisione, type TipoFlusso } from '@casellario/flussi-formato';
import { analizzaFile, partiDelFile, type AnalisiFlusso } from './analisi';
import { creaAvanzamento, type Ambiente, type Avanzamento, type Uscita } from './avanzamento';
import { ClientCasellario, type Riprova } from './client';
import { attendiConsegna } from './consegna';
import { FileCsv } from './csv';
import { ErroreApi, ErroreTrasporto, descriviErrore } from './errori';
import { CAMPI_FLUSSO, contaCodiciFlusso, descrizioniCodici, esportaEsiti, INTESTAZIONE_CSV, type ConteggioCodici, type Flusso } from './esiti';
import { dimensione, numero, plurale } from './formato';
import { righeEsitoFile, righeTotale, type EsitoFile } from './riepilogo';
import { rilevaTipo } from './rileva-tipo';

export interface OpzioniInvia {
  file: string[];
  /** Forced type; detected from each file's content when absent. */
  tipo?: TipoFlusso;
  recordPerParte: number;
  url: string;
  token: string;
  /** CSV path for every record's esito. */
  esiti?: string;
  separatore: string;
  attendiConsegna: boolean;
  attesaMassimaMs: number;
  tentativi: number;
  /** First back-off wait, doubled at each retry (default 1 s; not on the command line). */
  attesaRiprovaMs?: number;
}

const MUTAZIONE = /* GraphQL */ `mutation ($tipo: TipoFlusso!, $contenuto: String!, $parte: ParteFlusso) {
  inviaFlusso(tipo: $tipo, contenuto: $contenuto, parte: $parte) { ${CAMPI_FLUSSO} }
}`;

/** Below this, the first pass is over before a bar could say anything. */
const FILE_PICCOLO = 4 * 1024 * 1024;

/** Reading esiti back shows progress only when it takes more than a few pages. */
const ESITI_CON_BARRA = 1000;

/**
 * Runs `flusso invia`: sends every file, prints a block per file and the totals,
 * optionally writes the esiti CSV and waits for delivery. Returns the exit code:
 * 0 when every file was sent (rejected records included), 1 when a file was
 * refused, not applied (same name, different content), or the transport failed.
 */
export async function comandoInvia(opzioni: OpzioniInvia, ambiente: Ambiente): Promise<number> {
  const { stdout, stderr } = ambiente;
  const client = new ClientCasellario({ url: opzioni.url, token: opzioni.token, tentativi: opzioni.tentativi, attesaMs: opzioni.attesaRiprovaMs });
  const csv = opzioni.esiti ? await FileCsv.apri(opzioni.esiti, INTESTAZIONE_CSV, { separatore: opzioni.separatore }) : undefined;
  const risultati: EsitoFile[] = [];
  let descrizioni: Map<string, string> | undefined;
  /** Set when going on is pointless (bad token, gateway gone): the remaining files are skipped. */
  let stop: string | undefined;

  try {
    for (const [i, file] of opzioni.file.entries()) {
      if (stop) {
        risultati.push({ file, esito: 'saltato', parti: 0, partiInviate: 0, giaRicevute: [], diverse: [], errore: stop });
        continue;
      }
      const { esito, fatale } = await inviaFile(file, opzioni, client, ambiente);
      if (fatale) {
        stop = `non tentato dopo l'errore su ${file}`;
        esito.fermaGliAltri = i < opzioni.file.length - 1;
      }
      if (esito.flusso && esito.esito === 'inviato') {
        try {
          esito.codici = await leggiEsitiFlusso(client, esito, csv, stdout);
        } catch (e) {
          stderr.write(`${descriviErrore(e, `la lettura degli esiti di ${file}`, opzioni.url)}\n`);
        }
      }
      if (esito.codici && esito.codici.size > 0) descrizioni ??= await descrizioniCodici(client);
      stdout.write(`\n${righeEsitoFile(esito, descrizioni ?? new Map()).join('\n')}\n\n`);
      risultati.push(esito);
    }
  } finally {
    await csv?.chiudi();
  }

  if (opzioni.file.length > 1) stdout.write(`${righeTotale(risultati, descrizioni ?? new Map()).join('\n')}\n`);
  if (csv) stdout.write(`Esiti di ${plurale(csv.righe, 'record', 'record')} scritti in ${csv.percorso}\n`);

  let consegnaMancata = false;
  if (opzioni.attendiConsegna) {
    for (const r of risultati.filter((x) => x.esito === 'inviato' && x.nome)) {
      try {
        const { completata, flusso } = await attendiConsegna(client, r.nome!, stdout, { attesaMassimaMs: opzioni.attesaMassimaMs });
        if (completata) {
          stdout.write(`${r.nome}: consegna completata, ${plurale(flusso.consegna.consegnati, 'record consegnato', 'record consegnati')} ai componenti.\n`);
        } else {
          consegnaMancata = true;
          stderr.write(
            `${r.nome} (${r.file}): la consegna non si è completata entro ${Math.round(opzioni.attesaMassimaMs / 1000)} s ` +
              `(${numero(flusso.consegna.daConsegnare)} record ancora da consegnare${flusso.consegna.ultimoErrore ? `; ultimo errore: ${flusso.consegna.ultimoErrore}` : ''}). ` +
              `Il flusso è registrato e la consegna prosegue: seguirla con «flusso stato ${r.nome}».\n`,
          );
        }
      } catch (e) {
        consegnaMancata = true;
        stderr.write(`${descriviErrore(e, `l'attesa della consegna di ${r.nome}`, opzioni.url)}\n`);
      }
    }
  }

  const falliti = risultati.some((r) => r.esito !== 'inviato' || r.diverse.length > 0);
  return falliti || consegnaMancata ? 1 : 0;
}

/** One file: first pass, type, then the parts in order. `fatale` when the next files cannot fare better. */
async function inviaFile(file: string, opzioni: OpzioniInvia, client: ClientCasellario, { stdout, stderr }: Ambiente): Promise<{ esito: EsitoFile; fatale: boolean }> {
  const esito: EsitoFile = { file, esito: 'rifiutato', parti: 0, partiInviate: 0, giaRicevute: [], diverse: [] };
  const nomeFile = basename(file);
  /** The full sentence goes to stderr once; the summary keeps only the short reason. */
  const rifiuta = (messaggio: string, motivo: string, fatale = false) => {
    stderr.write(`${messaggio}\n`);
    esito.errore = messaggio;
    esito.motivo = motivo;
    return { esito, fatale };
  };

  let byte: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return rifiuta(`${file}: non è un file. Nulla è stato inviato.`, 'non è un file');
    byte = info.size;
  } catch (e) {
    const codice = (e as NodeJS.ErrnoException).code;
    return codice === 'ENOENT'
      ? rifiuta(`${file}: file non trovato. Nulla è stato inviato.`, 'file non trovato')
      : rifiuta(`${file}: impossibile leggere il file (${(e as Error).message}). Nulla è stato inviato.`, 'file illeggibile');
  }

  // First pass: count, and refuse what cannot be split before sending anything.
  let analisi: AnalisiFlusso;
  const lettura = byte >= FILE_PICCOLO ? creaAvanzamento(stdout, { etichetta: `${nomeFile} · analisi`, totale: byte, unita: dimensione, decimi: true }) : undefined;
  try {
    analisi = await analizzaFile(file, opzioni.recordPerParte, lettura && ((n) => lettura.avanza(n)));
    lettura?.chiudi();
  } catch (e) {
    lettura?.chiudi();
    if (e instanceof ErroreDivisione) {
      const dove = e.riga ? `, riga ${e.riga}` : '';
      return rifiuta(`${file}: non è un flusso che si possa inviare (${e.codice}${dove}). ${e.message} Nulla è stato inviato.`, e.codice);
    }
    return rifiuta(`${file}: impossibile leggere il file (${(e as Error).message}). Nulla è stato inviato.`, 'file illeggibile');
  }
  esito.parti = analisi.parti;
  esito.nome = analisi.nome;

  const rilevato = rilevaTipo(analisi.inizio);
  let tipo: TipoFlusso;
  if (opzioni.tipo) {
    tipo = opzioni.tipo;
    if (rilevato && rilevato.tipo !== tipo) {
      stderr.write(`${file}: attenzione, --tipo ${tipo} ma il contenuto sembra ${rilevato.tipo} (${rilevato.indizio}); si invia come ${tipo}, come richiesto.\n`);
    }
  } else if (rilevato) {
    tipo = rilevato.tipo;
    stdout.write(`${file}: tipo non indicato, rilevato dal contenuto: ${tipo} (${rilevato.indizio})\n`);
  } else {
    return rifiuta(
      `${file}: impossibile riconoscere il tipo di flusso (né dal namespace dell'elemento radice, né dagli elementi dei record, né dal nome del flusso). Indicarlo con --tipo PS_PSA_SINA, SINBA o SIP. Nulla è stato inviato.`,
      'tipo non riconosciuto',
    );
  }
  esito.tipo = tipo;
  stdout.write(
    `${file}: flusso ${analisi.nome ?? '(senza nome)'}, ${plurale(analisi.record, 'record', 'record')} in ${plurale(analisi.parti, 'parte', 'parti')}` +
      ` (al più ${numero(opzioni.recordPerParte)} record per parte), ${dimensione(byte)}\n`,
  );

  // Second pass: the parts, in order, each once it has an answer.
  const invio = creaAvanzamento(stdout, { etichetta: `${nomeFile} · invio`, totale: analisi.record, unita: 'record' });
  let inviati = 0;
  let numeroParte = 0;
  try {
    for await (const parte of partiDelFile(file, opzioni.recordPerParte)) {
      numeroParte = parte.indice;
      if (parte.indice > analisi.parti) throw new Error('il file è cambiato mentre veniva inviato (ha più parti di quante contate all\'inizio)');
      const etichettaParte = `parte ${parte.indice}/${analisi.parti}`;
      const suRiprova = (r: Riprova) =>
        invio.avanza(inviati, `${etichettaParte}: nessuna risposta utile (${r.motivo}); nuovo tentativo ${r.tentativo + 1} di ${r.tentativi} fra ${Math.round(r.attesaMs / 100) / 10} s`);
      // A flow of one part goes as the file's own text: the registry fingerprints what it
      // receives, and the splitter's rebuilt document would differ from the same file sent
      // by any other client, turning a harmless re-send into «contenuto diverso».
      const contenuto = analisi.parti === 1 ? await readFile(file, 'utf8') : parte.contenuto;
      const risposta = await client.richiedi<{ inviaFlusso: Flusso }>(
        MUTAZIONE,
        { tipo, contenuto, parte: { numero: parte.indice, totale: analisi.parti, primoRecord: parte.primoRecord } },
        suRiprova,
      );
      const flusso = risposta.dati.inviaFlusso;
      esito.flusso = flusso;
      esito.nome = flusso.nome;
      esito.partiInviate++;
      // After an attempt that may have landed, "already received" is most likely that attempt:
      // only a different content proves an earlier run.
      const giaPrima = flusso.giaRicevuto && (!risposta.dopoErroreAmbiguo || flusso.contenutoDiverso);
      if (giaPrima) esito.giaRicevute.push(parte.indice);
      if (flusso.giaRicevuto && flusso.contenutoDiverso) esito.diverse.push(parte.indice);
      inviati += parte.records;
      const come = flusso.contenutoDiverso ? 'già ricevuta con contenuto diverso, non applicata' : giaPrima ? 'già ricevuta' : 'ricevuta';
      invio.avanza(inviati, `${etichettaParte} ${come}${risposta.tentativi > 1 ? ` al tentativo ${risposta.tentativi}` : ''}`);
    }
    if (numeroParte !== analisi.parti) throw new Error(`il file è cambiato mentre veniva inviato (${numeroParte} parti invece di ${analisi.parti})`);
    invio.chiudi();
    esito.esito = 'inviato';
    return { esito, fatale: false };
  } catch (e) {
    invio.chiudi();
    const contesto = analisi.parti > 1 ? `${file}, parte ${numeroParte}/${analisi.parti}` : file;
    if (e instanceof ErroreApi) {
      const suggerimento = e.codice === 'TROPPO_GRANDE' ? ` Ridurre --record-per-parte (ora ${numero(opzioni.recordPerParte)}).` : '';
      esito.esito = 'rifiutato';
      return rifiuta(`${descriviErrore(e, contesto, opzioni.url)}${suggerimento}`, e.motivo ?? e.codice, e.codice === 'UNAUTHENTICATED');
    }
    if (e instanceof ErroreTrasporto) {
      esito.esito = 'interrotto';
      return rifiuta(descriviErrore(e, contesto, opzioni.url), e.irraggiungibile ? 'gateway irraggiungibile' : 'gateway senza risposta utile', true);
    }
    esito.esito = 'interrotto';
    return rifiuta(`${contesto}: ${(e as Error).message}`, 'errore');
  }
}

/** Codes of the flow's esiti, writing them to the CSV on the way when asked. */
async function leggiEsitiFlusso(client: ClientCasellario, esito: EsitoFile, csv: FileCsv | undefined, stdout: Uscita): Promise<ConteggioCodici> {
  const f = esito.flusso!;
  const daLeggere = csv ? f.riepilogo.record : f.riepilogo.accettatiConAvvisi + f.riepilogo.rifiutati;
  const barra: Avanzamento | undefined =
    daLeggere >= ESITI_CON_BARRA ? creaAvanzamento(stdout, { etichetta: `${basename(esito.file)} · esiti`, totale: daLeggere, unita: 'esiti', decimi: true }) : undefined;
  const suPagina = (letti: number) => barra?.avanza(letti);
  try {
    return csv ? await esportaEsiti(client, f.nome, csv, suPagina) : await contaCodiciFlusso(client, f.nome, suPagina);
  } finally {
    barra?.chiudi();
  }
}
