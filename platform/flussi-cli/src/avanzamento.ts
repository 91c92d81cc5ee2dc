/**
 * Progress of a long step. On a terminal, a cli-progress bar redrawn in place;
 * anywhere else (CI logs, a pipe, a file) plain lines, one per meaningful event
 * and at most one per tenth of the way, because a redrawn bar turns a log into
 * thousands of carriage-return fragments.
 */
import { Presets, SingleBar } from 'cli-progress';
import { numero } from './formato';

/** Where the command writes: process.stdout, or a test's stream. */
export interface Uscita {
  write(testo: string): unknown;
  isTTY?: boolean;
}

/** The two streams a command writes to: results and progress on `stdout`, failures on `stderr`. */
export interface Ambiente {
  stdout: Uscita;
  stderr: Uscita;
}

export interface OpzioniAvanzamento {
  /** What is progressing, e.g. «flusso.xml · invio». */
  etichetta: string;
  totale: number;
  /** Unit after the counts («record», «esiti»), or a formatter of a count (sizes). */
  unita: string | ((n: number) => string);
  /** Plain mode: print a line every tenth of the way even without a note (paging, delivery). */
  decimi?: boolean;
}

/** One step's progress; `chiudi` must be called before anything else is written. */
export interface Avanzamento {
  /** Moves to `valore`; `nota` says what just happened («parte 2/5 inviata»). */
  avanza(valore: number, nota?: string): void;
  /** Changes the total (a flow's delivery can grow while it is watched). */
  totale(totale: number): void;
  chiudi(nota?: string): void;
}

/** A bar on a terminal, plain lines elsewhere (see the module comment). */
export function creaAvanzamento(out: Uscita, opzioni: OpzioniAvanzamento): Avanzamento {
  return out.isTTY ? barra(out, opzioni) : righe(out, opzioni);
}

function conteggio(opzioni: OpzioniAvanzamento, valore: number, totale: number): string {
  return typeof opzioni.unita === 'function' ? `${opzioni.unita(valore)}/${opzioni.unita(totale)}` : `${numero(valore)}/${numero(totale)} ${opzioni.unita}`;
}

function barra(out: Uscita, opzioni: OpzioniAvanzamento): Avanzamento {
  let totale = Math.max(1, opzioni.totale);
  let valore = 0;
  let nota = '';
  const bar = new SingleBar(
    {
      stream: out as NodeJS.WritableStream,
      format: `${opzioni.etichetta} |{bar}| {percentage}% · {conteggio} · tempo residuo {eta_formatted}{nota}`,
      hideCursor: true,
      barsize: 25,
      etaBuffer: 20,
      fps: 5,
      // The bar is only used on a terminal; off a terminal the plain lines take over.
      noTTYOutput: false,
      formatValue: (v, _o, tipo) => (tipo === 'percentage' ? String(v).padStart(3) : String(v)),
    },
    Presets.shades_classic,
  );
  const carico = () => ({ conteggio: conteggio(opzioni, valore, totale), nota: nota ? ` · ${nota}` : '' });
  bar.start(totale, 0, carico());
  return {
    avanza(v, n) {
      valore = v;
      if (n !== undefined) nota = n;
      bar.update(Math.min(v, totale), carico());
    },
    totale(t) {
      totale = Math.max(1, t);
      bar.setTotal(totale);
      bar.update(Math.min(valore, totale), carico());
    },
    chiudi(n) {
      if (n !== undefined) nota = n;
      bar.update(Math.min(valore, totale), carico());
      bar.stop();
    },
  };
}

function righe(out: Uscita, opzioni: OpzioniAvanzamento): Avanzamento {
  let totale = opzioni.totale;
  let ultimoDecimo = 0;
  let valore = 0;
  const scrivi = (testo: string) => out.write(`${opzioni.etichetta}: ${testo}\n`);
  return {
    avanza(v, nota) {
      valore = v;
      const decimo = totale > 0 ? Math.floor((10 * v) / totale) : 10;
      if (nota !== undefined) {
        scrivi(`${nota} (${conteggio(opzioni, v, totale)})`);
        ultimoDecimo = decimo;
      } else if (opzioni.decimi && decimo > ultimoDecimo && decimo < 10) {
        ultimoDecimo = decimo;
        scrivi(`${decimo * 10}% (${conteggio(opzioni, v, totale)})`);
      }
    },
    totale(t) {
      totale = t;
    },
    chiudi(nota) {
      if (nota !== undefined) scrivi(`${nota} (${conteggio(opzioni, valore, totale)})`);
    },
  };
}
