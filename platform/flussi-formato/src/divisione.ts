/**
 * Splits a flow file of any size into parts of at most N records, reading it as
 * a stream: each part is a whole document with the original prologue and
 * `IdentificazioneFlusso`, a run of records in their original order and text,
 * and the root's end tag. PS_PSA_SINA flows are cut between `Beneficiario`
 * elements and counted in benefits. The command-line importer uses it to send a
 * big file in parts that each fit the size limit of one `inviaFlusso`.
 */
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ErroreScansione, ScannerPrimoLivello, type ElementoPrimoLivello } from './scansione';
import type { CodiceRifiuto } from './tipi';

/** Options of the splitter. */
export interface OpzioniDivisione {
  /**
   * Records per part at most: benefits for PS_PSA_SINA (a `Beneficiario` is
   * never cut, so one with more benefits than this makes a part of its own),
   * cases for SINBA and SIP.
   */
  massimoRecord: number;
}

/** One part: a complete document. */
export interface ParteFlusso {
  /** 1-based. */
  indice: number;
  contenuto: string;
  /** Records in it (benefits for PS_PSA_SINA, cases otherwise). */
  records: number;
  /** Record elements in it (`Beneficiario`, `SINBA`, `CasoSip`). */
  elementi: number;
  /** `posizione.numero` in the whole file of its first record. */
  primoRecord: number;
}

/** The file cannot be split: it is not a flow document. `codice` is the refusal code `leggiFlusso` would give. */
export class ErroreDivisione extends Error {
  constructor(
    readonly codice: CodiceRifiuto,
    message: string,
    readonly riga?: number,
  ) {
    super(message);
    this.name = 'ErroreDivisione';
  }
}

type Sorgente = string | AsyncIterable<Uint8Array | string>;

async function* testi(sorgente: Sorgente): AsyncGenerator<string> {
  const input = typeof sorgente === 'string' ? createReadStream(sorgente, { highWaterMark: 1 << 20 }) : sorgente;
  // Fatal: a byte sequence that is not UTF-8 must stop the split, not become U+FFFD in every part.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let primo = true;
  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (primo && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new ErroreDivisione('CODIFICA_UTF16', 'Il file è codificato in UTF-16: è ammessa solo UTF-8.', 1);
    }
    primo = false;
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new ErroreDivisione('UTF8_NON_VALIDO', 'Il file contiene sequenze di byte non valide in UTF-8.');
    }
  }
  try {
    const resto = decoder.decode();
    if (resto) yield resto;
  } catch {
    throw new ErroreDivisione('UTF8_NON_VALIDO', 'Il file termina con una sequenza di byte UTF-8 incompleta.');
  }
}

/**
 * Streams the parts of a flow: `sorgente` is a file path or any stream of
 * bytes or text. Nothing but the part being built is held in memory. Throws
 * `ErroreDivisione` when the file is not a splittable flow (encoding, a DOCTYPE,
 * broken top-level markup, no `IdentificazioneFlusso` first); the content of
 * each record is not checked here, `leggiFlusso` does that on every part.
 */
export async function* dividiFlusso(sorgente: Sorgente, opzioni: OpzioniDivisione): AsyncGenerator<ParteFlusso> {
  if (!Number.isInteger(opzioni.massimoRecord) || opzioni.massimoRecord < 1) throw new RangeError(`massimoRecord must be a positive integer, got ${opzioni.massimoRecord}`);
  let testa: string | undefined;
  /** The current part's run of records: from the end of the previous part to the end of its last child. */
  let inizioParte = 0;
  let fineParte = 0;
  let records = 0;
  let elementi = 0;
  let primoRecord = 1;
  let contati = 0;
  let indice = 0;
  const pronte: ParteFlusso[] = [];

  const scanner = new ScannerPrimoLivello(
    (el: ElementoPrimoLivello) => {
      if (testa === undefined) {
        if (el.locale !== 'IdentificazioneFlusso') {
          throw new ErroreDivisione('XML_MALFORMATO', `Il primo elemento del flusso è «${el.qname}»: era atteso «IdentificazioneFlusso».`, el.riga);
        }
        testa = scanner.prologo() + scanner.testo(el.inizio, el.fine);
        inizioParte = fineParte = el.fine;
        scanner.trattieni(inizioParte);
        return;
      }
      const n = el.locale === 'Beneficiario' ? el.prestazioni : el.locale === 'SINBA' || el.locale === 'CasoSip' ? 1 : 0;
      if (elementi > 0 && records + n > opzioni.massimoRecord) emetti();
      fineParte = el.fine;
      records += n;
      contati += n;
      if (n > 0 || el.locale === 'Beneficiario') elementi++;
    },
    { conservaTesto: false },
  );

  function emetti(): void {
    const chiusura = `\n</${scanner.radice?.qname ?? 'Flusso'}>\n`;
    // One slice of the held text: the run of records exactly as in the file.
    pronte.push({ indice: ++indice, contenuto: (testa ?? '') + scanner.testo(inizioParte, fineParte) + chiusura, records, elementi, primoRecord });
    primoRecord = contati + 1;
    inizioParte = fineParte;
    scanner.trattieni(inizioParte);
    records = 0;
    elementi = 0;
  }

  try {
    let prologoControllato = false;
    for await (const t of testi(sorgente)) {
      scanner.scrivi(t);
      if (!prologoControllato && scanner.radice) {
        prologoControllato = true;
        const dichiarata = /^\uFEFF?<\?xml\s[^?]*?encoding\s*=\s*["']([^"']*)["']/.exec(scanner.prologo())?.[1];
        if (dichiarata && !/^utf-?8$/i.test(dichiarata)) {
          throw new ErroreDivisione('CODIFICA_NON_UTF8', `La dichiarazione XML indica la codifica «${dichiarata}»: è ammessa solo UTF-8.`, 1);
        }
      }
      yield* pronte.splice(0);
    }
    scanner.chiudi();
  } catch (e) {
    if (e instanceof ErroreScansione) {
      const codice = /dichiarazione non ammessa/.test(e.message) ? 'DOCTYPE_NON_AMMESSO' : 'XML_MALFORMATO';
      throw new ErroreDivisione(codice, `Il file non si può dividere (riga ${e.riga}): ${e.message}.`, e.riga);
    }
    throw e;
  }
  if (testa === undefined) throw new ErroreDivisione('XML_MALFORMATO', 'Il flusso non contiene IdentificazioneFlusso.');
  if (fineParte > inizioParte || indice === 0) emetti();
  yield* pronte.splice(0);
}

/**
 * Splits a flow file into part files in `cartella` (created if missing), named
 * `{base}.parte-{n}.xml`. Returns the parts written, without their content.
 */
export async function dividiFlussoSuFile(
  percorso: string,
  cartella: string,
  opzioni: OpzioniDivisione & { base?: string },
): Promise<Array<Omit<ParteFlusso, 'contenuto'> & { percorso: string }>> {
  await mkdir(cartella, { recursive: true });
  const base = opzioni.base ?? 'flusso';
  const scritte: Array<Omit<ParteFlusso, 'contenuto'> & { percorso: string }> = [];
  for await (const { contenuto, ...parte } of dividiFlusso(percorso, opzioni)) {
    const file = join(cartella, `${base}.parte-${String(parte.indice).padStart(4, '0')}.xml`);
    await writeFile(file, contenuto, 'utf8');
    scritte.push({ ...parte, percorso: file });
  }
  return scritte;
}
