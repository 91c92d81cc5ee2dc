/**
 * XSD validation of a flow with libxml2 (libxml2-wasm: libxml2 compiled to
 * WebAssembly, no native build), against the schema files in `schemas/`
 * themselves. A big document is cut at its top-level elements into parts that
 * are whole documents again (prologue and `IdentificazioneFlusso`, a run of
 * records, the root's end tag) and the parts are validated in parallel worker
 * threads; line numbers are mapped back to the original document. Cutting keeps
 * each libxml2 tree small (memory stays flat whatever the flow's size) and keeps
 * libxml2's per-error node path cheap (it counts preceding siblings).
 */
import type { DiagnosticaLibxml2, RisultatoLibxml2 } from './validatore-libxml2.mjs';
import { traduciMessaggioXsd, tipiBaseDaSchema, type TipoBase } from './messaggi-xsd';
import { poolCondiviso, type PoolValidazione } from './pool-validazione';
import type { TipoFlusso } from './records';
import { ErroreScansione, scansionaDocumento } from './scansione';
import { testoSchema } from './schemi';
import type { Errore } from './tipi';

/** One step of a libxml2 node path below the root: `*[3]` or `c:Beneficiario[2]`. */
export interface PassoPercorso {
  /** `*` (any element: libxml2's form for the default namespace) or the qualified name. */
  nome: string;
  /** 1-based position among the siblings that match `nome`. */
  indice: number;
}

/**
 * Which slice of the original text a part held, in offsets of the text: the
 * head (from the start) and a run of records. A node path's first step counts
 * the root's children of the part, i.e. those starting before `fineTesta` and
 * those starting in `[inizioChunk, fineChunk)`.
 */
export interface SezioneParte {
  fineTesta: number;
  inizioChunk: number;
  fineChunk: number;
}

/** A schema error, with where it sits in the document's tree. */
export interface ErroreValidazione extends Errore {
  riga: number;
  /** libxml2's node path of the element, below the root (`[*[2], *[3]]`), when it gave one. */
  percorso?: PassoPercorso[];
  /** The part the path is relative to. */
  sezione?: SezioneParte;
}

/** What validation found. */
export interface EsitoValidazioneXsd {
  /** Set when the document is not well-formed: the first fatal error. Nothing else was validated. */
  malformato?: Errore & { riga: number };
  /** Schema errors in document order (empty when valid). */
  errori: ErroreValidazione[];
  /** True when errors beyond `massimoErrori` were dropped. */
  troncato: boolean;
  /** Parts the document was validated in. */
  parti: number;
}

/** Tuning of `validaXsd`. */
export interface OpzioniValidazione {
  /** Documents at least this long (characters) are validated in worker threads. Default 1 MiB; `Infinity` keeps everything in this thread. */
  sogliaParallelo?: number;
  /** Target length of a part (characters). Default 1 MiB (about 1,800 benefits), less for documents under 8 MiB (an eighth of them, at least 256 KiB). */
  dimensioneParte?: number;
  /** Pool to validate in; default the process-wide one. */
  pool?: PoolValidazione;
  /** Errors kept at most. Default 100,000. */
  massimoErrori?: number;
}

const MIB = 1 << 20;

interface Parte {
  /** The document: head, newline, a run of the original text, closing. */
  pezzi: string[];
  sezione: SezioneParte;
  /** Lines of the part that are the original's first lines unchanged (the head). */
  righeTesta: number;
  /** Original line where the part's run begins. */
  rigaChunk: number;
  prima: boolean;
}

function parteUnica(testo: string): Parte {
  return { pezzi: [testo], sezione: { fineTesta: 0, inizioChunk: 0, fineChunk: testo.length }, righeTesta: Number.POSITIVE_INFINITY, rigaChunk: 1, prima: true };
}

/** Parses libxml2's node path (`/*\/*[2]/*[3]`) into steps, the root's included. */
export function passiPercorso(xpath: string): PassoPercorso[] {
  const passi: PassoPercorso[] = [];
  for (const passo of xpath.split('/').slice(1)) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(passo);
    // Attribute and text steps end the element path.
    if (!m || passo.startsWith('@') || passo.endsWith('()')) break;
    passi.push({ nome: m[1] as string, indice: Number(m[2] ?? 1) });
  }
  return passi;
}

/**
 * The element a path step designates among siblings with these qualified names:
 * `*` counts every element, a name counts the elements with that name (libxml2's
 * `xmlGetNodePath` convention). Returns the 0-based position, or undefined.
 */
export function risolviPasso(passo: PassoPercorso, nomi: readonly string[]): number | undefined {
  let visti = 0;
  for (let i = 0; i < nomi.length; i++) {
    if (passo.nome !== '*' && nomi[i] !== passo.nome) continue;
    if (++visti === passo.indice) return i;
  }
  return undefined;
}

function rigaOriginale(parte: Parte, riga: number): number {
  return riga <= parte.righeTesta ? riga : riga - (parte.righeTesta + 1) + parte.rigaChunk;
}

const MALFORMATO: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$/, (m) => `il tag di chiusura «${m[3]}» non corrisponde al tag «${m[1]}» aperto alla riga ${m[2]}`],
  [/^Premature end of data in tag (\S+) line (\d+)$/, (m) => `il documento finisce prima della chiusura del tag «${m[1]}» aperto alla riga ${m[2]}`],
  [/^EndTag: '<\/' not found$/, () => 'il documento finisce prima della chiusura dei tag aperti'],
  [/^Couldn't find end of Start Tag (\S+)/, (m) => `il tag «${m[1]}» non è chiuso correttamente`],
  [/^Extra content at the end of the document$/, () => 'c’è del contenuto dopo la chiusura dell’elemento radice'],
  [/^Attribute (\S+) redefined$/, (m) => `l’attributo ${m[1]} è ripetuto`],
  [/^Entity '([^']+)' not defined$/, (m) => `l’entità «&${m[1]};» non è definita (sono ammesse solo &amp; &lt; &gt; &quot; &apos;)`],
  [/^EntityRef: expecting ';'$/, () => 'un carattere & non fa parte di un riferimento (va scritto &amp;)'],
  [/^AttValue: " or ' expected$/, () => 'il valore di un attributo non è tra virgolette'],
  [/^StartTag: invalid element name$/, () => 'nome di elemento non valido (un carattere < nel testo va scritto &lt;)'],
  [/^Start tag expected, '<' not found$/, () => 'non è un documento XML: manca l’elemento radice'],
  [/^Document is empty$/, () => 'il documento è vuoto'],
  [/^PCDATA invalid Char value (\d+)$/, (m) => `carattere non ammesso in XML (codice ${m[1]})`],
  [/^Char 0x[0-9A-F]+ out of allowed range$/, () => 'carattere non ammesso in XML'],
  [/^Unescaped '<' not allowed in attributes values$/, () => 'un carattere < nel valore di un attributo va scritto &lt;'],
];

/** An Italian message for a libxml2 well-formedness error. */
export function traduciMalformato(originale: string): string {
  const testo = originale.trim();
  for (const [regola, traduci] of MALFORMATO) {
    const m = regola.exec(testo);
    if (m) return traduci(m);
  }
  return testo;
}

const tipiPerSchema = new Map<TipoFlusso, Map<string, TipoBase>>();
let nucleo: Promise<typeof import('./validatore-libxml2.mjs')> | undefined;

async function nucleoLocale(tipo: TipoFlusso): Promise<typeof import('./validatore-libxml2.mjs')> {
  // libxml2-wasm compiles its module at import: load it only when this thread validates.
  nucleo ??= import('./validatore-libxml2.mjs');
  const n = await nucleo;
  n.preparaSchema(tipo, testoSchema(tipo));
  return n;
}

/**
 * Validation of one document that can start while the document is still being
 * read. Whoever reads it calls `confine` at the end of each child of the root;
 * once about `dimensioneParte` characters have gone by, the run of children is
 * sent to a worker as a part (the head — everything up to the end of the first
 * child, `IdentificazioneFlusso` — a newline, the run, the root's end tag), so
 * the workers validate while the reader goes on. `termina` sends the rest and
 * gathers the errors. Documents below `sogliaParallelo` are validated whole, in
 * this thread, by `termina`.
 */
export class ValidazioneProgressiva {
  private readonly parallelo: boolean;
  private readonly dimensione: number;
  private readonly parti: Parte[] = [];
  private readonly risultati: Array<Promise<RisultatoLibxml2>> = [];
  private testa: string | undefined;
  private fineTesta = 0;
  private righeTesta = 1;
  private inizioChunk = 0;
  /** Line at `inizioChunk`. */
  private rigaChunk = 1;
  private chiusura = '';
  /** End of the run waiting to be sent (see `confine`). */
  private fineInAttesa: number | undefined;

  constructor(
    private readonly testo: string,
    private readonly tipo: TipoFlusso,
    private readonly opzioni: OpzioniValidazione = {},
  ) {
    this.parallelo = testo.length >= (opzioni.sogliaParallelo ?? MIB);
    // Parts of a megabyte, but at least about eight per document: the workers then
    // start early and the last part, validated after the reading ends, is short.
    this.dimensione = opzioni.dimensioneParte ?? Math.max(MIB / 4, Math.min(MIB, Math.ceil(testo.length / 8)));
  }

  /** The child of the root that ends at `fine` (offset just past its end tag) has been read. */
  confine(fine: number): void {
    if (!this.parallelo || fine < 0) return;
    if (this.testa === undefined) {
      this.testa = this.testo.slice(0, fine);
      this.fineTesta = fine;
      this.righeTesta = contaRighe(this.testo, 0, fine, 1);
      this.inizioChunk = fine;
      this.rigaChunk = this.righeTesta;
      const radice = /<([^\s/>?!]+)/.exec(this.testo);
      this.chiusura = `\n</${radice?.[1] ?? 'Flusso'}>\n`;
      return;
    }
    if (fine - this.inizioChunk < this.dimensione) return;
    // A run is sent only once the next one has begun, so that the last run can
    // take the end of the document along: no part is ever made of leftovers alone.
    if (this.fineInAttesa !== undefined) this.invia(this.fineInAttesa, false);
    this.fineInAttesa = fine;
  }

  private invia(fine: number, ultima: boolean): void {
    const parte: Parte = {
      pezzi: [this.testa ?? '', '\n', this.testo.slice(this.inizioChunk, fine), ultima ? '' : this.chiusura],
      sezione: { fineTesta: this.fineTesta, inizioChunk: this.inizioChunk, fineChunk: fine },
      righeTesta: this.righeTesta,
      rigaChunk: this.rigaChunk,
      prima: this.parti.length === 0,
    };
    this.parti.push(parte);
    this.risultati.push((this.opzioni.pool ?? poolCondiviso()).valida(this.tipo, ...parte.pezzi));
    this.rigaChunk = contaRighe(this.testo, this.inizioChunk, fine, this.rigaChunk);
    this.inizioChunk = fine;
  }

  /** Sends what is left and returns every error, mapped back to the original lines. */
  async termina(): Promise<EsitoValidazioneXsd> {
    let parti: Parte[];
    let risultati: RisultatoLibxml2[];
    const pool = this.opzioni.pool ?? poolCondiviso();
    if (this.parallelo && this.testa !== undefined) {
      // The last run goes with everything after it, up to the end of the document.
      this.invia(this.testo.length, true);
      parti = this.parti;
      risultati = await Promise.all(this.risultati);
      if (risultati.some((r) => r.malformato)) {
        // Only the whole document can say exactly where it breaks.
        parti = [parteUnica(this.testo)];
        risultati = [await pool.valida(this.tipo, this.testo)];
      }
    } else if (this.parallelo) {
      // Big but never cut (its top level could not be read): whole, in a worker.
      parti = [parteUnica(this.testo)];
      risultati = [await pool.valida(this.tipo, this.testo)];
    } else {
      parti = [parteUnica(this.testo)];
      const n = await nucleoLocale(this.tipo);
      risultati = [n.validaTesto(this.tipo, this.testo)];
    }
    return esito(this.tipo, parti, risultati, this.opzioni.massimoErrori ?? 100_000);
  }
}

function contaRighe(testo: string, da: number, a: number, riga: number): number {
  let r = riga;
  for (let i = testo.indexOf('\n', da); i >= 0 && i < a; i = testo.indexOf('\n', i + 1)) r++;
  return r;
}

function esito(tipo: TipoFlusso, parti: Parte[], risultati: RisultatoLibxml2[], massimo: number): EsitoValidazioneXsd {
  let tipi = tipiPerSchema.get(tipo);
  if (!tipi) tipiPerSchema.set(tipo, (tipi = tipiBaseDaSchema(testoSchema(tipo))));

  const malformato = risultati[0]?.malformato?.[0];
  if (malformato) {
    return {
      malformato: {
        codice: 'XML_MALFORMATO',
        messaggio: traduciMalformato(malformato.messaggio),
        riga: malformato.riga,
        ...(malformato.colonna > 0 ? { colonna: malformato.colonna } : {}),
        originale: malformato.messaggio,
      },
      errori: [],
      troncato: false,
      parti: parti.length,
    };
  }

  const errori: ErroreValidazione[] = [];
  // Errors of the root itself (e.g. text between records) are reported on the root's line, in the
  // head, by every part that has them: keep each message once, whichever part found it.
  const dellaRadice = new Set<string>();
  let troncato = false;
  for (let i = 0; i < parti.length && !troncato; i++) {
    const parte = parti[i] as Parte;
    for (const d of (risultati[i] as RisultatoLibxml2).errori) {
      const radice = d.xpath !== undefined && /^\/[^/]+$/.test(d.xpath);
      if (radice || d.riga === 0) {
        if (dellaRadice.has(d.messaggio)) continue;
        dellaRadice.add(d.messaggio);
      } else if (!parte.prima && d.riga <= parte.righeTesta) {
        // The rest of the head is in every part: keep its errors once.
        continue;
      }
      if (errori.length >= massimo) {
        troncato = true;
        break;
      }
      errori.push(erroreDa(d, parte, tipi));
    }
  }
  return { errori, troncato, parti: parti.length };
}

/**
 * Validates a flow against the schema of `tipo`, on its own (`leggiFlusso`
 * validates while it parses). Every schema error comes back with its original
 * line, a stable code, an Italian message, libxml2's text, and libxml2's path to
 * the element (relative to the part it was found in: see `SezioneParte`). A
 * document that is not well-formed yields `malformato` and no schema errors.
 * Nothing outside the given text and our schema files is ever loaded (see
 * validatore-libxml2.mjs).
 */
export async function validaXsd(testo: string, tipo: TipoFlusso, opzioni: OpzioniValidazione = {}): Promise<EsitoValidazioneXsd> {
  const v = new ValidazioneProgressiva(testo, tipo, opzioni);
  if (testo.length >= (opzioni.sogliaParallelo ?? MIB)) {
    try {
      // The top-level scan finds where each child of the root ends.
      for (const f of scansionaDocumento(testo).figli) v.confine(f.fine);
    } catch (e) {
      // Not cut: libxml2 will say what is wrong with the whole document.
      if (!(e instanceof ErroreScansione)) throw e;
      return new ValidazioneProgressiva(testo, tipo, opzioni).termina();
    }
  }
  return v.termina();
}

function erroreDa(d: DiagnosticaLibxml2, parte: Parte, tipi: ReadonlyMap<string, TipoBase>): ErroreValidazione {
  const errore: ErroreValidazione = { ...traduciMessaggioXsd(d.messaggio, tipi), riga: rigaOriginale(parte, d.riga) };
  if (d.xpath) {
    errore.percorso = passiPercorso(d.xpath).slice(1);
    errore.sezione = parte.sezione;
  }
  return pulisci(errore);
}

function pulisci<T extends object>(o: T): T {
  for (const k of Object.keys(o) as Array<keyof T>) if (o[k] === undefined) delete o[k];
  return o;
}
