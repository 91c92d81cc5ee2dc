/**
 * A fast scan of a flow's top level: where the root element starts and ends,
 * and where each of its child elements (`IdentificazioneFlusso`, then the
 * records) begins and ends, with its line. It does not parse attributes or
 * check well-formedness inside elements: it only tracks markup and depth, which
 * is enough to cut a document into parts that are whole documents again. Fed in
 * chunks, it holds only the text of the element being read, so files of any
 * size can be split without reading them whole.
 */

/** A child element of the root, with the text that precedes it since the previous one. */
export interface ElementoPrimoLivello {
  /** Name as written, with its prefix if any (`Beneficiario`, `c:Beneficiario`). */
  qname: string;
  /** Name without prefix. */
  locale: string;
  /** Offset (UTF-16 units from the document start) where its chunk begins: the end of the previous child or of the root start tag. */
  inizio: number;
  /** Offset of its `<`. */
  inizioTag: number;
  /** Offset just past its end tag. */
  fine: number;
  /** Line of its `<` (1-based). */
  riga: number;
  /** Line of its last character. */
  rigaFine: number;
  /** Element children named `PrestazioniSociali`: the records of a `Beneficiario`. */
  prestazioni: number;
}

/** The root element: its start tag and, once seen, its end tag. */
export interface RadiceScansionata {
  qname: string;
  inizioTag: number;
  /** Offset just past the start tag. */
  fineTag: number;
  riga: number;
  /** Line of the end of the start tag. */
  rigaFineTag: number;
  /** Offset of the root's end tag `</…>`, when reached. */
  inizioChiusura?: number;
}

/** The document cannot be cut: its markup is not that of a single-rooted XML document. */
export class ErroreScansione extends Error {
  constructor(
    message: string,
    readonly riga: number,
  ) {
    super(message);
    this.name = 'ErroreScansione';
  }
}

// End of a start tag: attribute values may hold `>`, so quoted strings are skipped.
// One way to match each character keeps a failed match linear.
const FINE_TAG = /(?:[^"'>]|"[^"]*"|'[^']*')*>/y;
const NOME = /[^\s/>]+/y;

function locale(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

type Fase = 'prologo' | 'radice' | 'epilogo';

/**
 * Incremental scanner of the top level. `scrivi` feeds text (any chunking),
 * `chiudi` ends the input. `onFiglio` is called for each complete child of the
 * root with the text of its chunk (from the end of the previous child); the
 * text of the document before the first child is in `prologo()` once the root
 * start tag is read, and everything after the last child in `coda()` at the end.
 */
export class ScannerPrimoLivello {
  private buffer = '';
  /** Absolute offset of `buffer[0]`. */
  private base = 0;
  /** Absolute offset of the next character to scan. */
  private pos = 0;
  /** Absolute offset up to which lines have been counted, and the line there. */
  private contate = 0;
  private riga = 1;
  private fase: Fase = 'prologo';
  private profondita = 0;
  private radiceLetta?: RadiceScansionata;
  private testoPrologo = '';
  private corrente?: Omit<ElementoPrimoLivello, 'fine' | 'rigaFine'>;
  /** Where the next child's chunk begins. */
  private inizioChunk = 0;
  private testoCoda = '';
  private chiuso = false;
  /** Text from this offset on is kept even once handed out (see `trattieni`). */
  private daTrattenere = Number.POSITIVE_INFINITY;

  constructor(
    private readonly onFiglio: (elemento: ElementoPrimoLivello, testo: string) => void,
    private readonly opzioni: { conservaTesto?: boolean } = {},
  ) {}

  /** The root element, once its start tag has been read. */
  get radice(): RadiceScansionata | undefined {
    return this.radiceLetta;
  }

  /** Text from the document start to the end of the root start tag. */
  prologo(): string {
    return this.testoPrologo;
  }

  /** Text after the last child: whitespace, the root end tag, the epilogue. Complete after `chiudi`. */
  coda(): string {
    return this.testoCoda;
  }

  /**
   * Keeps the text from `offset` on (until a later call moves it forward), so
   * that `testo` can return a run of several children as one slice instead of
   * the caller joining their pieces.
   */
  trattieni(offset: number): void {
    this.daTrattenere = offset;
  }

  /** The text between two offsets, which must still be held (from `trattieni` or the current child on). */
  testo(inizio: number, fine: number): string {
    if (inizio < this.base) throw new RangeError(`text from ${inizio} is no longer held (held from ${this.base})`);
    return this.testoDa(inizio, fine);
  }

  /** Feeds more text. */
  scrivi(testo: string): void {
    if (this.chiuso) throw new Error('scanner already closed');
    this.buffer += testo;
    this.scansiona(false);
    this.compatta();
  }

  /** Ends the input; throws `ErroreScansione` if the document is incomplete. */
  chiudi(): void {
    this.scansiona(true);
    this.chiuso = true;
    const ultimaRiga = (): number => this.lineaA(this.base + this.buffer.length);
    if (!this.radiceLetta) throw new ErroreScansione('nessun elemento radice', ultimaRiga());
    if (this.fase !== 'epilogo') throw new ErroreScansione(`l’elemento radice «${this.radiceLetta.qname}» non è chiuso`, ultimaRiga());
    const inizioCoda = this.corrente ? this.corrente.inizio : this.inizioChunk;
    this.testoCoda = this.buffer.slice(inizioCoda - this.base);
  }

  private lineaA(offset: number): number {
    // Lines are counted lazily and only forward: offsets asked for never decrease.
    let i = this.contate - this.base;
    const fine = offset - this.base;
    let riga = this.riga;
    for (;;) {
      const n = this.buffer.indexOf('\n', i);
      if (n < 0 || n >= fine) break;
      riga++;
      i = n + 1;
    }
    this.riga = riga;
    this.contate = offset;
    return riga;
  }

  private testoDa(inizio: number, fine: number): string {
    return this.buffer.slice(inizio - this.base, fine - this.base);
  }

  private compatta(): void {
    // Keep from the start of the chunk being read: everything before it was handed out.
    const tieni = Math.min(this.inizioChunk, this.corrente?.inizio ?? this.inizioChunk, this.contate, this.pos, this.daTrattenere);
    if (this.fase === 'prologo' || tieni - this.base < 1 << 16) return;
    this.buffer = this.buffer.slice(tieni - this.base);
    this.base = tieni;
  }

  private scansiona(finale: boolean): void {
    const s = this.buffer;
    const base = this.base;
    let i = this.pos - base;
    for (;;) {
      const j = s.indexOf('<', i);
      const testoFine = j < 0 ? s.length : j;
      if (this.fase !== 'radice' && /\S/.test(s.slice(i, testoFine))) {
        const dove = i + s.slice(i, testoFine).search(/\S/);
        throw new ErroreScansione(this.fase === 'prologo' ? 'testo prima dell’elemento radice' : 'contenuto dopo la chiusura dell’elemento radice', this.lineaA(base + dove));
      }
      if (j < 0) {
        i = s.length;
        break;
      }
      let fine: number;
      if (s.startsWith('<!--', j)) {
        const k = s.indexOf('-->', j + 4);
        if (k < 0) break;
        fine = k + 3;
      } else if (s.startsWith('<?', j)) {
        const k = s.indexOf('?>', j + 2);
        if (k < 0) break;
        fine = k + 2;
      } else if (s.startsWith('<![CDATA[', j)) {
        if (this.fase !== 'radice') throw new ErroreScansione('sezione CDATA fuori dall’elemento radice', this.lineaA(base + j));
        const k = s.indexOf(']]>', j + 9);
        if (k < 0) break;
        fine = k + 3;
      } else if (s.startsWith('<!', j)) {
        if (!finale && s.length - j < 9) break;
        throw new ErroreScansione('dichiarazione non ammessa (<!…>)', this.lineaA(base + j));
      } else if (s.startsWith('</', j)) {
        const k = s.indexOf('>', j + 2);
        if (k < 0) break;
        fine = k + 1;
        this.chiusura(base + j, base + fine);
      } else {
        if (j + 1 >= s.length) break;
        FINE_TAG.lastIndex = j + 1;
        const m = FINE_TAG.exec(s);
        if (!m) {
          if (finale) throw new ErroreScansione('tag di apertura non terminato', this.lineaA(base + j));
          break;
        }
        fine = FINE_TAG.lastIndex;
        NOME.lastIndex = j + 1;
        const nome = NOME.exec(s)?.[0];
        if (!nome) throw new ErroreScansione('tag senza nome', this.lineaA(base + j));
        this.apertura(nome, base + j, base + fine, s.charCodeAt(fine - 2) === 47 /* '/' */);
      }
      i = fine;
    }
    this.pos = base + i;
  }

  private apertura(qname: string, inizio: number, fine: number, vuoto: boolean): void {
    if (this.fase === 'epilogo') throw new ErroreScansione('contenuto dopo la chiusura dell’elemento radice', this.lineaA(inizio));
    if (this.profondita === 0) {
      const riga = this.lineaA(inizio);
      this.radiceLetta = { qname, inizioTag: inizio, fineTag: fine, riga, rigaFineTag: this.lineaA(fine) };
      this.testoPrologo = this.testoDa(this.base, fine);
      this.inizioChunk = fine;
      this.fase = vuoto ? 'epilogo' : 'radice';
      if (vuoto) this.radiceLetta.inizioChiusura = inizio;
      if (!vuoto) this.profondita = 1;
      return;
    }
    if (this.profondita === 1) {
      this.corrente = { qname, locale: locale(qname), inizio: this.inizioChunk, inizioTag: inizio, riga: this.lineaA(inizio), prestazioni: 0 };
      if (vuoto) this.fineFiglio(fine);
      else this.profondita = 2;
      return;
    }
    if (this.profondita === 2 && this.corrente && locale(qname) === 'PrestazioniSociali') this.corrente.prestazioni++;
    if (!vuoto) this.profondita++;
  }

  private chiusura(inizio: number, fine: number): void {
    if (this.profondita === 0) throw new ErroreScansione('tag di chiusura senza apertura', this.lineaA(inizio));
    this.profondita--;
    if (this.profondita === 1) this.fineFiglio(fine);
    else if (this.profondita === 0) {
      this.fase = 'epilogo';
      if (this.radiceLetta) this.radiceLetta.inizioChiusura = inizio;
    }
  }

  private fineFiglio(fine: number): void {
    const c = this.corrente;
    if (!c) return;
    const elemento: ElementoPrimoLivello = { ...c, fine, rigaFine: this.lineaA(fine - 1) };
    this.corrente = undefined;
    this.inizioChunk = fine;
    this.profondita = 1;
    this.onFiglio(elemento, this.opzioni.conservaTesto === false ? '' : this.testoDa(elemento.inizio, fine));
  }
}

/** The top level of a whole document in memory. */
export interface StrutturaDocumento {
  radice: RadiceScansionata;
  figli: ElementoPrimoLivello[];
}

/** Scans a document held in memory (offsets refer to `testo`). Throws `ErroreScansione`. */
export function scansionaDocumento(testo: string): StrutturaDocumento {
  const figli: ElementoPrimoLivello[] = [];
  const scanner = new ScannerPrimoLivello((e) => figli.push(e), { conservaTesto: false });
  scanner.scrivi(testo);
  scanner.chiudi();
  const radice = scanner.radice;
  if (!radice) throw new ErroreScansione('nessun elemento radice', 1);
  return { radice, figli };
}
