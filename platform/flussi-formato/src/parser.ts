/**
 * Streaming (event-based, tree-free) parsers of a flow: the header and the
 * records typed in records.ts, each with its position, plus the map of the
 * document's top level used to assign schema errors to records.
 *
 * Two tokenizers feed the same builder (costruttore-records.ts):
 * - `rapido` (default): a hand-written tokenizer for well-formed XML without a
 *   DTD, about four times faster than saxes on flows, because it allocates
 *   nothing per attribute but the value. It relies on libxml2, which parses
 *   every document in the validator anyway, to tell whether the document is
 *   well-formed: on text that is not, it stops or reads nonsense, and
 *   `leggiFlusso` then refuses the document with libxml2's diagnosis.
 * - `saxes`: the saxes parser, a complete well-formedness checker; the
 *   reference the fast tokenizer is tested against, and its fallback.
 * Values are the strings the flow carried (entities decoded, attribute
 * whitespace normalised as XML prescribes); checking them is the rules' job.
 */
import { SaxesParser } from 'saxes';
import { CostruttoreRecords, type AttributiTag, type FlussoLetto } from './costruttore-records';
import type { TipoFlusso } from './records';

export type { FlussoLetto, NodoPrimoLivello, RecordsPerTipo } from './costruttore-records';

/** The document is not well-formed (or not what the fast tokenizer can read): where and why. */
export class ErroreXmlMalformato extends Error {
  constructor(
    message: string,
    readonly riga: number,
    readonly colonna: number,
    readonly originale: string,
  ) {
    super(message);
    this.name = 'ErroreXmlMalformato';
  }
}

/** Options of `leggiRecords`. */
export interface OpzioniParser {
  /** `rapido` (default) or `saxes`. */
  motore?: 'rapido' | 'saxes';
  /** Called at the end of each child of the root with the offset just past its end tag (see ValidazioneProgressiva). */
  onConfine?: (fine: number) => void;
}

const ENTITA: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const RIFERIMENTO = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;

function sostituisci(_: string, r: string): string {
  if (r.charCodeAt(0) !== 35 /* # */) return ENTITA[r] ?? `&${r};`;
  const cp = r.charCodeAt(1) === 120 /* x */ ? Number.parseInt(r.slice(2), 16) : Number.parseInt(r.slice(1), 10);
  return cp <= 0x10ffff ? String.fromCodePoint(cp) : `&${r};`;
}

/** An attribute value as XML delivers it: literal tabs and line breaks become spaces, then references are replaced. */
function valoreAttributo(grezzo: string): string {
  let v = grezzo;
  if (/[\t\n\r]/.test(v)) v = v.replace(/\r\n|[\t\n\r]/g, ' ');
  return v.includes('&') ? v.replace(RIFERIMENTO, sostituisci) : v;
}

/** Character data as XML delivers it: line breaks normalised to `\n`, references replaced. */
function valoreTesto(grezzo: string): string {
  let v = grezzo;
  if (v.includes('\r')) v = v.replace(/\r\n?/g, '\n');
  return v.includes('&') ? v.replace(RIFERIMENTO, sostituisci) : v;
}

function malformato(riga: number, cosa: string): ErroreXmlMalformato {
  return new ErroreXmlMalformato(`struttura non leggibile: ${cosa}`, riga, 0, cosa);
}

/** The fast tokenizer: see the module comment for what it assumes. */
function tokenizzaRapido<T extends TipoFlusso>(s: string, c: CostruttoreRecords<T>): void {
  const n = s.length;
  let riga = 1;
  // Next newline not yet counted: lines are counted once, even in a one-line document.
  let prossimaRiga = s.indexOf('\n');
  const rigaDi = (pos: number): number => {
    while (prossimaRiga >= 0 && prossimaRiga < pos) {
      riga++;
      prossimaRiga = s.indexOf('\n', prossimaRiga + 1);
    }
    return riga;
  };

  const attributi: AttributiTag = { nomi: [], valori: [], n: 0 };
  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    if (lt > i && c.vuoleTesto) c.testo(valoreTesto(s.slice(i, lt)));
    const d = s.charCodeAt(lt + 1);
    if (d === 47 /* / */) {
      const gt = s.indexOf('>', lt + 2);
      if (gt < 0) throw malformato(rigaDi(lt), 'tag di chiusura non terminato');
      c.chiudi(rigaDi(gt), gt + 1);
      i = gt + 1;
      continue;
    }
    if (d === 33 /* ! */) {
      if (s.startsWith('!--', lt + 1)) {
        const fine = s.indexOf('-->', lt + 4);
        if (fine < 0) throw malformato(rigaDi(lt), 'commento non terminato');
        i = fine + 3;
      } else if (s.startsWith('![CDATA[', lt + 1)) {
        const fine = s.indexOf(']]>', lt + 9);
        if (fine < 0) throw malformato(rigaDi(lt), 'sezione CDATA non terminata');
        if (c.vuoleTesto) {
          const t = s.slice(lt + 9, fine);
          c.testo(t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t);
        }
        i = fine + 3;
      } else {
        throw malformato(rigaDi(lt), 'dichiarazione non ammessa');
      }
      continue;
    }
    if (d === 63 /* ? */) {
      const fine = s.indexOf('?>', lt + 2);
      if (fine < 0) throw malformato(rigaDi(lt), 'istruzione di elaborazione non terminata');
      i = fine + 2;
      continue;
    }

    // A start tag: its name ends at whitespace, `/` or `>`.
    let j = lt + 1;
    for (; j < n; j++) {
      const e = s.charCodeAt(j);
      if (e === 32 || e === 62 || e === 47 || e === 10 || e === 9 || e === 13) break;
    }
    if (j === lt + 1) throw malformato(rigaDi(lt), 'tag senza nome');
    const nome = s.slice(lt + 1, j);
    attributi.n = 0;
    let vuoto = false;
    for (;;) {
      let e = s.charCodeAt(j);
      while (e === 32 || e === 10 || e === 9 || e === 13) e = s.charCodeAt(++j);
      if (e === 62 /* > */) {
        j++;
        break;
      }
      if (e === 47 /* / */ && s.charCodeAt(j + 1) === 62) {
        vuoto = true;
        j += 2;
        break;
      }
      const uguale = s.indexOf('=', j);
      if (uguale < 0 || Number.isNaN(e)) throw malformato(rigaDi(lt), 'tag di apertura non terminato');
      let fineNome = uguale;
      while (fineNome > j) {
        const f = s.charCodeAt(fineNome - 1);
        if (f !== 32 && f !== 10 && f !== 9 && f !== 13) break;
        fineNome--;
      }
      let q = uguale + 1;
      let virgolette = s.charCodeAt(q);
      while (virgolette === 32 || virgolette === 10 || virgolette === 9 || virgolette === 13) virgolette = s.charCodeAt(++q);
      if (virgolette !== 34 && virgolette !== 39) throw malformato(rigaDi(lt), 'valore di attributo senza virgolette');
      const chiusa = s.indexOf(virgolette === 34 ? '"' : "'", q + 1);
      if (chiusa < 0) throw malformato(rigaDi(lt), 'valore di attributo non terminato');
      const grezzo = s.slice(q + 1, chiusa);
      attributi.nomi[attributi.n] = s.slice(j, fineNome);
      attributi.valori[attributi.n++] = grezzo.length === 0 || !/[&\t\n\r]/.test(grezzo) ? grezzo : valoreAttributo(grezzo);
      j = chiusa + 1;
    }
    c.apri(nome, attributi, rigaDi(lt), lt);
    if (vuoto) c.chiudi(rigaDi(j - 1), j);
    i = j;
  }
}

const SAXES_IT: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^unexpected close tag\.$/, () => 'tag di chiusura inatteso'],
  [/^unmatched closing tag: (.+)\.$/, (m) => `il tag di chiusura «${m[1]}» non corrisponde a nessun tag aperto`],
  [/^unclosed tag: (.+)$/, (m) => `il tag «${m[1]}» non è chiuso`],
  [/^disallowed character\.$/, () => 'carattere non ammesso'],
  [/^text data outside of root node\.$/, () => 'testo fuori dall’elemento radice'],
  [/^documents may contain only one root\.$/, () => 'il documento ha più di un elemento radice'],
  [/^document must contain a root element\.$/, () => 'il documento non ha un elemento radice'],
  [/^duplicate attribute: (.+)\.$/, (m) => `l’attributo ${m[1]} è ripetuto`],
  [/^undefined entity: (.+)$/, (m) => `l’entità «&${m[1]};» non è definita`],
  [/^unquoted attribute value\.$|^value must be quoted\.$/, () => 'il valore di un attributo non è tra virgolette'],
  [/^unexpected end\.$/, () => 'il documento finisce prima della chiusura dei tag aperti'],
];

function traduciSaxes(messaggio: string): string {
  for (const [regola, traduci] of SAXES_IT) {
    const m = regola.exec(messaggio);
    if (m) return traduci(m);
  }
  return messaggio;
}

function tokenizzaSaxes<T extends TipoFlusso>(testo: string, c: CostruttoreRecords<T>): void {
  const parser = new SaxesParser({ position: true });
  let rigaTag = 1;
  let inizioTag = 0;
  let primoErrore: ErroreXmlMalformato | undefined;
  parser.on('error', (e) => {
    const m = /^(?:[^:]*:)?(\d+):(\d+): ([\s\S]*)$/.exec(e.message);
    const originale = m?.[3] ?? e.message;
    primoErrore ??= new ErroreXmlMalformato(traduciSaxes(originale), m ? Number(m[1]) : parser.line, m ? Number(m[2]) + 1 : parser.column + 1, originale);
    // Stop at the first error: nothing after it is trustworthy.
    throw primoErrore;
  });
  parser.on('opentagstart', (tag) => {
    // The name and the character after it are read: the tag starts at the last
    // `<` before the parser's position, on this line unless that character was
    // a line break (names never span lines).
    inizioTag = testo.lastIndexOf('<', parser.position - 1);
    const dopo = testo.charCodeAt(inizioTag + 1 + tag.name.length);
    rigaTag = dopo === 10 || dopo === 13 ? parser.line - 1 : parser.line;
  });
  const attributi: AttributiTag = { nomi: [], valori: [], n: 0 };
  parser.on('opentag', (tag) => {
    attributi.n = 0;
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) {
      attributi.nomi[attributi.n] = k;
      attributi.valori[attributi.n++] = v;
    }
    c.apri(tag.name, attributi, rigaTag, inizioTag);
    if (tag.isSelfClosing) c.chiudi(parser.line, parser.position);
  });
  parser.on('text', (t) => c.testo(t));
  parser.on('cdata', (t) => c.testo(t));
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) c.chiudi(parser.line, parser.position);
  });
  try {
    parser.write(testo).close();
  } catch (e) {
    throw primoErrore ?? e;
  }
  if (primoErrore) throw primoErrore;
}

/**
 * Reads a flow of `tipo` from its text. Elements outside the format's
 * namespace, or unknown to it, are skipped: the XSD validator reports them.
 * `posizione.numero` is the benefit's ordinal across the flow for PS_PSA_SINA
 * (a `Beneficiario` has its own ordinal among beneficiaries), the case's for
 * SINBA and SIP; `posizione.riga` is the line of the start tag. Throws
 * `ErroreXmlMalformato`: with `saxes`, at the first well-formedness error; with
 * `rapido`, only when the text cannot be tokenized at all.
 */
export function leggiRecords<T extends TipoFlusso>(testo: string, tipo: T, opzioni: OpzioniParser = {}): FlussoLetto<T> {
  // Prefixed declarations below the root are rare: look for them on every element
  // only when the text has one past the root's start tag.
  const radice = testo.search(/<[^?!]/);
  const fineRadice = radice < 0 ? -1 : testo.indexOf('>', radice);
  const dichiarazioniInterne = fineRadice >= 0 && testo.indexOf('xmlns:', fineRadice) >= 0;
  const costruttore = new CostruttoreRecords(tipo, dichiarazioniInterne, opzioni.onConfine);
  if (opzioni.motore === 'saxes') tokenizzaSaxes(testo, costruttore);
  else tokenizzaRapido(testo, costruttore);
  return costruttore.risultato();
}
