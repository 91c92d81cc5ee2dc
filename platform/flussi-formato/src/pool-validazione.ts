/**
 * A small pool of worker threads that validate document parts with libxml2, so
 * that XSD validation of a big flow runs on every core while the main thread
 * parses it. Workers start on first use, compile the three schemas once, and do
 * not keep the process alive while idle.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RisultatoLibxml2 } from './validatore-libxml2.mjs';
import type { TipoFlusso } from './records';
import { TIPI_FLUSSO, testoSchema } from './schemi';

interface Compito {
  resolve: (r: RisultatoLibxml2) => void;
  reject: (e: Error) => void;
}

interface Lavoratore {
  worker: Worker;
  /** Resolves once the worker has compiled the schemas. */
  avviato: Promise<void>;
  /** Parts sent to it and not yet answered. */
  inCorso: Map<number, Compito>;
}

/**
 * Validation workers; `valida` sends a part and resolves with libxml2's
 * diagnostics. A part is posted at once to the least loaded worker, which
 * queues it: the main thread can then parse for seconds without having to hand
 * out work in between.
 */
export class PoolValidazione {
  private readonly lavoratori: Lavoratore[] = [];
  private prossimoId = 1;
  private chiuso = false;

  /** `dimensione` workers (default: the cores available, at most 4). */
  constructor(readonly dimensione = Math.max(1, Math.min(4, availableParallelism()))) {}

  /** Starts the workers now instead of on first use, and waits until they have compiled the schemas. */
  async avvia(): Promise<void> {
    this.completa();
    await Promise.all(this.lavoratori.map((l) => l.avviato));
  }

  /**
   * Validates one complete document against the schema of `tipo` in a worker.
   * The document is the concatenation of `pezzi`: posting slices of a big text
   * copies them as they are, while a concatenated string would first be flattened here.
   */
  valida(tipo: TipoFlusso, ...pezzi: string[]): Promise<RisultatoLibxml2> {
    if (this.chiuso) return Promise.reject(new Error('validation pool closed'));
    this.completa();
    let scelto = this.lavoratori[0] as Lavoratore;
    for (const l of this.lavoratori) if (l.inCorso.size < scelto.inCorso.size) scelto = l;
    const id = this.prossimoId++;
    return new Promise((resolve, reject) => {
      scelto.inCorso.set(id, { resolve, reject });
      scelto.worker.ref();
      scelto.worker.postMessage({ id, tipo, pezzi });
    });
  }

  /** Stops the workers; parts not yet validated are rejected. */
  async chiudi(): Promise<void> {
    this.chiuso = true;
    const lavoratori = this.lavoratori.splice(0);
    for (const l of lavoratori) this.abbandona(l, new Error('validation pool closed'));
    await Promise.all(lavoratori.map((l) => l.worker.terminate()));
  }

  private completa(): void {
    while (this.lavoratori.length < this.dimensione) this.lavoratori.push(this.nuovo());
  }

  private abbandona(l: Lavoratore, e: Error): void {
    for (const c of l.inCorso.values()) c.reject(e);
    l.inCorso.clear();
  }

  private nuovo(): Lavoratore {
    const schemi = Object.fromEntries(TIPI_FLUSSO.map((t) => [t, testoSchema(t)]));
    const worker = new Worker(new URL('./worker-validazione.mjs', import.meta.url), { workerData: { schemi } });
    // Idle workers must not keep the process alive; a worker holds a reference only while busy.
    worker.unref();
    let segnalaAvvio: () => void = () => {};
    let segnalaErrore: (e: Error) => void = () => {};
    const avviato = new Promise<void>((resolve, reject) => {
      segnalaAvvio = resolve;
      segnalaErrore = reject;
    });
    // A worker that dies before starting must not leave an unhandled rejection behind.
    avviato.catch(() => {});
    const l: Lavoratore = { worker, avviato, inCorso: new Map() };
    worker.on('message', (m: { pronto?: true; id?: number; risultato?: RisultatoLibxml2; errore?: string }) => {
      if (m.pronto) {
        segnalaAvvio();
        return;
      }
      const c = m.id === undefined ? undefined : l.inCorso.get(m.id);
      if (!c || m.id === undefined) return;
      l.inCorso.delete(m.id);
      if (l.inCorso.size === 0) worker.unref();
      if (m.risultato) c.resolve(m.risultato);
      else c.reject(new Error(m.errore ?? 'validation failed'));
    });
    const perso = (e: Error): void => {
      segnalaErrore(e);
      const i = this.lavoratori.indexOf(l);
      if (i >= 0) this.lavoratori.splice(i, 1);
      // Its parts fail; the next call starts a replacement.
      this.abbandona(l, e);
    };
    worker.on('error', perso);
    worker.on('exit', (code) => {
      if (!this.chiuso) perso(new Error(`validation worker exited with code ${code}`));
    });
    return l;
  }
}

let condiviso: PoolValidazione | undefined;

/** The process-wide pool, created on first use. */
export function poolCondiviso(): PoolValidazione {
  condiviso ??= new PoolValidazione();
  return condiviso;
}

/** Stops the process-wide pool (tests, command-line tools). A later use starts a new one. */
export async function chiudiPoolCondiviso(): Promise<void> {
  const p = condiviso;
  condiviso = undefined;
  await p?.chiudi();
}
