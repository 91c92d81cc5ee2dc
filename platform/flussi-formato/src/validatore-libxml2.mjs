// XSD validation with libxml2 (compiled to WebAssembly by libxml2-wasm), shared by
// the validation workers and the in-thread path. Plain JavaScript on purpose: a
// worker thread loads it without a TypeScript loader (tsx costs ~1.3 s per worker).
// Types: validatore-libxml2.d.mts.
import { ParseOption, XmlDocument, XmlParseError, XmlValidateError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm';

// Never expand entities (no XML_PARSE_NOENT), never load a DTD, refuse external
// entities and the network; report line numbers past 65535. The default limits
// (no XML_PARSE_HUGE) stay on: they bound text nodes, names and nesting depth.
const OPZIONI_PARSE = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES;

/** Names libxml2 tried to open. Nothing is ever opened: this only lets tests prove it. */
export const tentativiDiCaricamento = [];

// Every file or URL libxml2 would read (xsi:schemaLocation hints, XInclude,
// external entities, a DTD) goes through the input providers first. This one
// claims every name and opens none, so no resource outside the strings we pass
// can be read, whatever libxml2's own defaults are.
xmlRegisterInputProvider({
  match(nome) {
    tentativiDiCaricamento.push(nome);
    return true;
  },
  open() {
    return undefined;
  },
  read() {
    return -1;
  },
  close() {
    return true;
  },
});

const validatori = new Map();
const encoder = new TextEncoder();

/** Compiles the schema for `tipo` from its text (once per thread). */
export function preparaSchema(tipo, testoSchema) {
  if (validatori.has(tipo)) return;
  const doc = XmlDocument.fromString(testoSchema, { option: OPZIONI_PARSE });
  try {
    validatori.set(tipo, XsdValidator.fromDoc(doc));
  } finally {
    doc.dispose();
  }
}

// libxml2 follows a facet failure inside an identity constraint with this note:
// it adds nothing an operator can act on.
const RUMORE = /No precomputed value available/;

function dettagli(errore) {
  return errore.details
    .filter((d) => !RUMORE.test(d.message))
    .map((d) => ({ messaggio: d.message.trim(), riga: d.line, colonna: d.col, livello: d.level, xpath: d.xpath }));
}

let scratch = new Uint8Array(1 << 20);

/** UTF-8 bytes of the concatenation of `pezzi`, in a buffer reused from call to call. */
function codifica(pezzi) {
  let massimo = 0;
  for (const p of pezzi) massimo += p.length * 3;
  if (scratch.length < massimo) scratch = new Uint8Array(massimo);
  let scritti = 0;
  for (const p of pezzi) scritti += encoder.encodeInto(p, scratch.subarray(scritti)).written;
  return scratch.subarray(0, scritti);
}

/**
 * Parses and validates one document against the compiled schema of `tipo`; the
 * document is the concatenation of `pezzi` (a part: head, records, closing), so
 * that the caller never builds it as one string. Returns `{ malformato }` with
 * libxml2's fatal parse errors when the text is not well-formed, otherwise
 * `{ errori }` (empty when valid).
 */
export function validaTesto(tipo, ...pezzi) {
  const validatore = validatori.get(tipo);
  if (!validatore) throw new Error(`schema ${tipo} not prepared`);
  let doc;
  try {
    // fromString copies through emscripten's per-character UTF-8 encoder: the
    // native encoder and fromBuffer are several times faster on big parts.
    doc = XmlDocument.fromBuffer(codifica(pezzi), { option: OPZIONI_PARSE });
  } catch (e) {
    if (e instanceof XmlParseError) return { malformato: dettagli(e), errori: [] };
    throw e;
  }
  try {
    validatore.validate(doc);
    return { errori: [] };
  } catch (e) {
    if (e instanceof XmlValidateError && e.details.length > 0) return { errori: dettagli(e) };
    // libxml2 could not validate at all (e.g. an unexpanded entity reference): the
    // document must not pass, so this is an error of the whole document.
    return { errori: [{ messaggio: `Validation failed: ${e instanceof Error ? e.message : String(e)}`, riga: 0, colonna: 0, livello: 3 }] };
  } finally {
    doc.dispose();
  }
}
