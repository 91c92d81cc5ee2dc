/**
 * Checks on a whole document before anything reads it: size, encoding, no DTD,
 * the expected root element, namespace and flow type. Each refusal has a stable
 * code and an Italian message that says what was found and what was expected,
 * so that the ente's operator can fix the file. A refused document is never
 * parsed further, so nothing of it is stored.
 *
 * A DOCTYPE is refused outright rather than parsed safely: the flows need no
 * DTD, and refusing it rules out internal entity expansion ("billion laughs")
 * and external entities (XXE) without resolving anything.
 */
import { isUtf8 } from 'node:buffer';
import type { TipoFlusso } from './records';
import { ELEMENTO_RADICE, FORMATI, NAMESPACE_INPS, NAMESPACE_SIP } from './schemi';
import type { RifiutoDocumento } from './tipi';

/** Default limit of one document: 50 MiB. Bigger flows are sent in parts (see divisione.ts). */
export const DIMENSIONE_MASSIMA_PREDEFINITA = 50 * 1024 * 1024;

export interface OpzioniControlli {
  /** Largest document accepted, in bytes of UTF-8. Default `DIMENSIONE_MASSIMA_PREDEFINITA`. */
  dimensioneMassima?: number;
}

/** A document that passed the checks: its text, ready for the validator and the parser. */
export interface DocumentoAccettato {
  ok: true;
  /** The text, without a byte order mark. */
  testo: string;
  /** Size in bytes of UTF-8. */
  bytes: number;
  /** Name of the root element as written, with its prefix if any. */
  radice: string;
}

export type EsitoControlli = DocumentoAccettato | { ok: false; rifiuto: RifiutoDocumento };

function rifiuto(codice: RifiutoDocumento['codice'], messaggio: string, dove?: { riga: number; colonna: number }): { ok: false; rifiuto: RifiutoDocumento } {
  return { ok: false, rifiuto: { codice, messaggio, ...dove } };
}

function formatoMB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('it-IT', { maximumFractionDigits: 1 })} MB`;
}

/** Line and column (1-based) of a character offset. */
export function posizioneDi(testo: string, offset: number): { riga: number; colonna: number } {
  let riga = 1;
  let inizioRiga = 0;
  for (let i = testo.indexOf('\n'); i >= 0 && i < offset; i = testo.indexOf('\n', i + 1)) {
    riga++;
    inizioRiga = i + 1;
  }
  return { riga, colonna: offset - inizioRiga + 1 };
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (the document is known to be invalid). */
function primoByteNonValido(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let n = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

function posizioneByte(b: Uint8Array, offset: number): { riga: number; colonna: number } {
  let riga = 1;
  let inizioRiga = 0;
  for (let i = b.indexOf(10); i >= 0 && i < offset; i = b.indexOf(10, i + 1)) {
    riga++;
    inizioRiga = i + 1;
  }
  // Columns in characters: count the UTF-8 lead bytes of the line before the offset.
  let colonna = 1;
  for (let i = inizioRiga; i < offset; i++) if (((b[i] as number) & 0xc0) !== 0x80) colonna++;
  return { riga, colonna };
}

const DICHIARAZIONE = /^<\?xml\s[^?]*?encoding\s*=\s*(["'])([^"']*)\1/;

function codificaDichiarata(inizio: string): string | undefined {
  if (!inizio.startsWith('<?xml')) return undefined;
  const fine = inizio.indexOf('?>');
  return DICHIARAZIONE.exec(fine < 0 ? inizio : inizio.slice(0, fine + 2))?.[2];
}

/**
 * The root start tag and the namespace its name is in, read from the prologue
 * (skipping the XML declaration, comments, processing instructions and
 * whitespace). Undefined when the prologue is not that simple: the parser will
 * then report the document as malformed, with its position.
 */
function radiceDi(testo: string): { qname: string; locale: string; namespace: string | undefined; offset: number } | undefined {
  let i = 0;
  for (;;) {
    while (i < testo.length && /\s/.test(testo.charAt(i))) i++;
    if (testo.startsWith('<?', i)) {
      const f = testo.indexOf('?>', i);
      if (f < 0) return undefined;
      i = f + 2;
    } else if (testo.startsWith('<!--', i)) {
      const f = testo.indexOf('-->', i);
      if (f < 0) return undefined;
      i = f + 3;
    } else break;
  }
  if (testo.charAt(i) !== '<') return undefined;
  const tag = /^<([^\s/>]+)((?:[^"'>]|"[^"]*"|'[^']*')*)>/.exec(testo.slice(i, i + 65536));
  if (!tag) return undefined;
  const qname = tag[1] as string;
  const due = qname.indexOf(':');
  const prefisso = due < 0 ? '' : qname.slice(0, due);
  const locale = due < 0 ? qname : qname.slice(due + 1);
  const nomeDichiarazione = prefisso ? `xmlns:${prefisso}` : 'xmlns';
  let namespace: string | undefined;
  const attributi = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = attributi.exec(tag[2] ?? ''); m; m = attributi.exec(tag[2] ?? '')) {
    if (m[1] === nomeDichiarazione) namespace = m[2] ?? m[3];
  }
  return { qname, locale, namespace: namespace || undefined, offset: i };
}

/** The flow type an INPS-namespace document holds, from its first record element. */
function tipoInps(testo: string, offset: number, prefisso: string): TipoFlusso | undefined {
  const p = prefisso ? `${prefisso}:` : '';
  const re = new RegExp(`<${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(Beneficiario|SINBA)[\\s/>]`, 'g');
  re.lastIndex = offset;
  const m = re.exec(testo);
  if (!m) return undefined;
  return m[1] === 'Beneficiario' ? 'PS_PSA_SINA' : 'SINBA';
}

/** Offset of the first `<!DOCTYPE` (any case), or -1. `<!` is rare in a flow, so this is one fast scan. */
function cercaDoctype(testo: string): number {
  for (let i = testo.indexOf('<!'); i >= 0; i = testo.indexOf('<!', i + 2)) {
    if (testo.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') return i;
  }
  return -1;
}

const NOMI_TIPO: Record<TipoFlusso, string> = { PS_PSA_SINA: 'PS_PSA_SINA (prestazioni sociali)', SINBA: 'SINBA', SIP: 'SIP' };

/**
 * Checks a document before validation and parsing. `contenuto` is the raw
 * bytes (preferred: the encoding can be checked) or text already decoded;
 * `tipo` is the flow type the caller declared. Returns the text to read, or the
 * refusal: empty or oversized document, an encoding other than UTF-8 (declared,
 * by byte order mark, or invalid byte sequences), any DOCTYPE, a root element or
 * namespace other than the format's, a flow of another type than declared.
 * Malformed XML is refused by the parser (`leggiFlusso`), which reads the whole
 * document anyway.
 */
export function controllaDocumento(contenuto: string | Uint8Array, tipo: TipoFlusso, opzioni: OpzioniControlli = {}): EsitoControlli {
  const massimo = opzioni.dimensioneMassima ?? DIMENSIONE_MASSIMA_PREDEFINITA;
  let testo: string;
  let bytes: number;
  if (typeof contenuto === 'string') {
    bytes = Buffer.byteLength(contenuto, 'utf8');
    if (bytes > massimo) return rifiuto('DOCUMENTO_TROPPO_GRANDE', `Il documento è di ${formatoMB(bytes)}: il limite è ${formatoMB(massimo)}. Dividere il flusso in più invii.`);
    testo = contenuto.charCodeAt(0) === 0xfeff ? contenuto.slice(1) : contenuto;
    const dichiarata = codificaDichiarata(testo.slice(0, 200));
    if (dichiarata !== undefined && !/^utf-?8$/i.test(dichiarata)) {
      return rifiuto('CODIFICA_NON_UTF8', `La dichiarazione XML indica la codifica «${dichiarata}»: è ammessa solo UTF-8.`, { riga: 1, colonna: 1 });
    }
    // A lone surrogate cannot be written in UTF-8: the text did not come from a valid UTF-8 file.
    if (!(testo as unknown as { isWellFormed(): boolean }).isWellFormed()) {
      const surrogato = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(testo);
      return rifiuto('UTF8_NON_VALIDO', 'Il testo contiene un carattere non rappresentabile in UTF-8 (surrogato UTF-16 isolato).', posizioneDi(testo, surrogato?.index ?? 0));
    }
  } else {
    const b = contenuto;
    bytes = b.length;
    if (bytes > massimo) return rifiuto('DOCUMENTO_TROPPO_GRANDE', `Il documento è di ${formatoMB(bytes)}: il limite è ${formatoMB(massimo)}. Dividere il flusso in più invii.`);
    if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
      const ordine = b[0] === 0xff ? 'little-endian' : 'big-endian';
      return rifiuto('CODIFICA_UTF16', `Il documento è codificato in UTF-16 ${ordine} (byte order mark ${b[0] === 0xff ? 'FF FE' : 'FE FF'}): è ammessa solo UTF-8.`, { riga: 1, colonna: 1 });
    }
    if ((b[0] === 0x3c && b[1] === 0x00) || (b[0] === 0x00 && b[1] === 0x3c)) {
      return rifiuto('CODIFICA_UTF16', 'Il documento è codificato in UTF-16 senza byte order mark: è ammessa solo UTF-8.', { riga: 1, colonna: 1 });
    }
    const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    // The declaration is ASCII: read it before knowing whether the rest is valid UTF-8,
    // so that a Latin-1 file is told it is Latin-1, not that its bytes are broken.
    const dichiarata = codificaDichiarata(Buffer.from(b.buffer, b.byteOffset + bom, Math.min(200, b.length - bom)).toString('latin1'));
    if (dichiarata !== undefined && !/^utf-?8$/i.test(dichiarata)) {
      return rifiuto('CODIFICA_NON_UTF8', `La dichiarazione XML indica la codifica «${dichiarata}»: è ammessa solo UTF-8.`, { riga: 1, colonna: 1 });
    }
    if (!isUtf8(b)) {
      const offset = primoByteNonValido(b);
      const esadecimale = Array.from(b.subarray(offset, offset + 4), (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');
      return rifiuto(
        'UTF8_NON_VALIDO',
        `Il documento non è UTF-8 valido: sequenza di byte non ammessa (${esadecimale}). Probabilmente è stato salvato in un'altra codifica (es. ISO-8859-1 o Windows-1252).`,
        posizioneByte(b, offset),
      );
    }
    testo = Buffer.from(b.buffer, b.byteOffset + bom, b.length - bom).toString('utf8');
  }

  if (testo.trim().length === 0) return rifiuto('DOCUMENTO_VUOTO', 'Il documento è vuoto.');

  const doctype = cercaDoctype(testo);
  if (doctype >= 0) {
    return rifiuto(
      'DOCTYPE_NON_AMMESSO',
      'Il documento contiene una dichiarazione <!DOCTYPE>: non è ammessa nei flussi (niente DTD né entità). Rimuoverla.',
      posizioneDi(testo, doctype),
    );
  }

  const formato = FORMATI[tipo];
  const radice = radiceDi(testo);
  if (radice) {
    const dove = posizioneDi(testo, radice.offset);
    const ns = radice.namespace;
    if (radice.locale !== ELEMENTO_RADICE) {
      return rifiuto('ELEMENTO_RADICE_ERRATO', `L'elemento radice è «${radice.qname}»: era atteso «${ELEMENTO_RADICE}» nel namespace ${formato.namespace}.`, dove);
    }
    if (ns !== formato.namespace) {
      // The other format's namespace means the wrong flow type was declared, not a broken file.
      if ((ns === NAMESPACE_SIP && tipo !== 'SIP') || (ns === NAMESPACE_INPS && tipo === 'SIP')) {
        const trovato: TipoFlusso = ns === NAMESPACE_SIP ? 'SIP' : (tipoInps(testo, radice.offset, radice.qname.includes(':') ? radice.qname.split(':')[0] ?? '' : '') ?? 'PS_PSA_SINA');
        return rifiuto('TIPO_FLUSSO_ERRATO', `Il documento è un flusso ${NOMI_TIPO[trovato]}, ma è stato inviato come ${NOMI_TIPO[tipo]}.`, dove);
      }
      const trovato = ns === undefined ? 'senza namespace' : `nel namespace «${ns}»`;
      return rifiuto('NAMESPACE_ERRATO', `L'elemento radice «${radice.qname}» è ${trovato}: era atteso il namespace ${formato.namespace}.`, dove);
    }
    if (tipo !== 'SIP') {
      const prefisso = radice.qname.includes(':') ? (radice.qname.split(':')[0] ?? '') : '';
      const trovato = tipoInps(testo, radice.offset, prefisso);
      if (trovato && trovato !== tipo) {
        return rifiuto('TIPO_FLUSSO_ERRATO', `Il documento è un flusso ${NOMI_TIPO[trovato]}, ma è stato inviato come ${NOMI_TIPO[tipo]}.`, dove);
      }
    }
  }
  return { ok: true, testo, bytes, radice: radice?.qname ?? '' };
}
