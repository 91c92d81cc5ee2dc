/**
 * A CSV file written row by row (RFC 4180: quotes doubled, a field quoted when
 * it holds the separator, a quote or a line break; CRLF between rows), so that
 * the esiti of a flow of millions of records never sit in memory at once.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { ErroreUso } from './errori';

/** What one cell may hold; null and undefined become an empty cell. */
export type Cella = string | number | null | undefined;

/** Quotes a cell when it needs it. */
export function cellaCsv(valore: Cella, separatore: string): string {
  if (valore === null || valore === undefined) return '';
  const testo = String(valore);
  return testo.includes(separatore) || /["\r\n]/.test(testo) ? `"${testo.replaceAll('"', '""')}"` : testo;
}

/** Where the rows go: a file, or standard output for `--csv -`. */
interface Destinazione {
  scrivi(testo: string): Promise<void>;
  chiudi(): Promise<void>;
}

/** A CSV file open for writing; `chiudi` flushes it. */
export class FileCsv {
  private buffer = '';
  righe = 0;

  private constructor(
    private readonly destinazione: Destinazione,
    readonly percorso: string,
    private readonly separatore: string,
  ) {}

  /**
   * Creates (or truncates) the file at once, so that a path that cannot be
   * written is a usage error before anything is sent, not a surprise after.
   * `-` writes to `stdout` instead.
   */
  static async apri(percorso: string, intestazione: readonly string[], opzioni: { separatore?: string; stdout?: { write(t: string): unknown } } = {}): Promise<FileCsv> {
    let destinazione: Destinazione;
    if (percorso === '-' && opzioni.stdout) {
      const out = opzioni.stdout;
      destinazione = { scrivi: async (t) => void out.write(t), chiudi: async () => {} };
    } else {
      let file: FileHandle;
      try {
        file = await open(percorso, 'w');
      } catch (e) {
        throw new ErroreUso(`Impossibile scrivere il file CSV ${percorso}: ${(e as Error).message}`);
      }
      destinazione = { scrivi: async (t) => void (await file.write(t)), chiudi: () => file.close() };
    }
    const separatore = opzioni.separatore ?? ',';
    const csv = new FileCsv(destinazione, percorso, separatore);
    csv.buffer = intestazione.map((c) => cellaCsv(c, separatore)).join(separatore) + '\r\n';
    return csv;
  }

  /** Appends a row; the file is written a megabyte at a time. */
  async riga(celle: readonly Cella[]): Promise<void> {
    this.buffer += celle.map((c) => cellaCsv(c, this.separatore)).join(this.separatore) + '\r\n';
    this.righe++;
    if (this.buffer.length >= 1 << 20) await this.svuota();
  }

  async chiudi(): Promise<void> {
    await this.svuota();
    await this.destinazione.chiudi();
  }

  private async svuota(): Promise<void> {
    if (this.buffer.length === 0) return;
    const testo = this.buffer;
    this.buffer = '';
    await this.destinazione.scrivi(testo);
  }
}
