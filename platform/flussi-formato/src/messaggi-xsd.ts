/**
 * libxml2's schema messages, in English and full of `{namespace}` names, turned
 * into short Italian messages an ente operator can act on: which element or
 * attribute, which value, what was expected. The original text is kept beside
 * the translation. Messages not recognised keep a generic Italian lead-in.
 */
import type { Errore } from './tipi';

/** What a schema says an attribute or element holds, to explain a bad value. */
export type TipoBase = 'date' | 'decimal' | 'int' | 'boolean' | 'string';

/**
 * Built-in base type of each attribute and simple element declared in a schema
 * (`DataDSU` → `date`), read from the schema's own text. libxml2 names the type
 * only for named types, so this is how a bad date in an anonymous restriction
 * is still explained as a date.
 */
export function tipiBaseDaSchema(testoSchema: string): Map<string, TipoBase> {
  const tipi = new Map<string, TipoBase>();
  const dichiarazione = /<xs:(attribute|element) name="([^"]+)"([^>]*?)(\/?)>/g;
  for (let m = dichiarazione.exec(testoSchema); m; m = dichiarazione.exec(testoSchema)) {
    const [, genere, nome, resto, vuoto] = m as unknown as [string, string, string, string, string];
    let base = /type="xs:(\w+)"/.exec(resto)?.[1];
    if (!base && !vuoto) {
      const chiusura = testoSchema.indexOf(`</xs:${genere}>`, dichiarazione.lastIndex);
      const corpo = testoSchema.slice(dichiarazione.lastIndex, chiusura < 0 ? undefined : chiusura);
      // Only a simple declaration: a complex one's body holds other declarations.
      if (!/<xs:(attribute|element|complexType)\b/.test(corpo)) base = /base="xs:(\w+)"/.exec(corpo)?.[1];
    }
    const tipo = base === 'date' || base === 'decimal' || base === 'int' || base === 'boolean' ? base : base ? 'string' : undefined;
    if (tipo && !tipi.has(nome)) tipi.set(nome, tipo);
  }
  return tipi;
}

const ATTESO_PER_TIPO: Record<TipoBase, string> = {
  date: 'una data nel formato AAAA-MM-GG',
  decimal: 'un numero con il punto come separatore decimale (es. 1234.56)',
  int: 'un numero intero',
  boolean: 'true oppure false',
  string: 'un testo',
};

const INTESTAZIONE = /^Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: ([\s\S]*)$/;

function senzaNamespace(testo: string): string {
  return testo.replace(/\{[^}]*\}/g, '');
}

function breve(valore: string): string {
  return valore.length > 60 ? `${valore.slice(0, 57)}…` : valore;
}

function elencoNomi(testo: string): string[] {
  return senzaNamespace(testo)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function elencoAtteso(testo: string): string {
  const nomi = elencoNomi(testo);
  return nomi.length === 1 ? `«${nomi[0]}»` : `uno tra ${nomi.map((n) => `«${n}»`).join(', ')}`;
}

interface Traduzione {
  codice: string;
  testo: string;
  valore?: string;
}

// Each rule: libxml2's wording (xmlschemas.c) → a stable code and an Italian sentence.
const REGOLE: Array<[RegExp, (m: RegExpExecArray, tipo: TipoBase | undefined) => Traduzione]> = [
  [
    /^\[facet 'enumeration'\] The value '([\s\S]*)' is not an element of the set \{([\s\S]*)\}\.$/,
    (m) => ({ codice: 'XSD_VALORE_NON_AMMESSO', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» non è ammesso: i valori ammessi sono ${(m[2] ?? '').replace(/'/g, '')}` }),
  ],
  [
    /^\[facet 'pattern'\] The value '([\s\S]*)' is not accepted by the pattern '([\s\S]*)'\.$/,
    (m) => ({ codice: 'XSD_FORMATO_NON_VALIDO', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» non ha il formato richiesto (${m[2]})` }),
  ],
  [
    /^\[facet 'minLength'\] The value '([\s\S]*)' has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.$/,
    (m) => ({ codice: 'XSD_LUNGHEZZA_NON_VALIDA', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» è troppo corto (${m[2]} caratteri, minimo ${m[3]})` }),
  ],
  [
    /^\[facet 'maxLength'\] The value '([\s\S]*)' has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$/,
    (m) => ({ codice: 'XSD_LUNGHEZZA_NON_VALIDA', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» è troppo lungo (${m[2]} caratteri, massimo ${m[3]})` }),
  ],
  [
    /^\[facet 'length'\] The value '([\s\S]*)' has a length of '(\d+)'; this differs from the allowed length of '(\d+)'\.$/,
    (m) => ({ codice: 'XSD_LUNGHEZZA_NON_VALIDA', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» deve essere lungo ${m[3]} caratteri (ne ha ${m[2]})` }),
  ],
  [
    /^\[facet '(?:minInclusive|minExclusive)'\] The value '([\s\S]*)' is (?:less than|less than or equal to) the minimum value allowed \('([\s\S]*)'\)\.$/,
    (m) => ({ codice: 'XSD_FUORI_INTERVALLO', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» è inferiore al minimo ammesso (${m[2]})` }),
  ],
  [
    /^\[facet '(?:maxInclusive|maxExclusive)'\] The value '([\s\S]*)' is (?:greater than|greater than or equal to) the maximum value allowed \('([\s\S]*)'\)\.$/,
    (m) => ({ codice: 'XSD_FUORI_INTERVALLO', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» supera il massimo ammesso (${m[2]})` }),
  ],
  [
    /^'([\s\S]*)' is not a valid value of the (?:local )?(?:atomic|union|list) type(?: '(?:xs:)?(\w+)')?\.$/,
    (m, tipo) => {
      const base = (m[2] as TipoBase | undefined) ?? tipo;
      const atteso = base && base in ATTESO_PER_TIPO ? `: è richiesto ${ATTESO_PER_TIPO[base]}` : '';
      return { codice: 'XSD_TIPO_NON_VALIDO', valore: m[1], testo: `il valore «${breve(m[1] ?? '')}» non è valido${atteso}` };
    },
  ],
  [/^The attribute '([^']+)' is required but missing\.$/, (m) => ({ codice: 'XSD_ATTRIBUTO_MANCANTE', testo: `manca l'attributo obbligatorio ${m[1]}` })],
  [/^The attribute '([^']+)' is not allowed\.$/, (m) => ({ codice: 'XSD_ATTRIBUTO_NON_PREVISTO', testo: `l'attributo ${m[1]} non è previsto` })],
  [
    /^This element is not expected\.(?: Expected is (?:one of )?\( ([\s\S]*) \)\.)?$/,
    (m) => ({ codice: 'XSD_ELEMENTO_NON_PREVISTO', testo: m[1] ? `elemento non previsto in questa posizione: era atteso ${elencoAtteso(m[1])}` : 'elemento non previsto in questa posizione' }),
  ],
  [
    /^Missing child element\(s\)\.(?: Expected is (?:one of )?\( ([\s\S]*) \)\.)?$/,
    (m) => {
      const nomi = m[1] ? elencoNomi(m[1]) : [];
      const testo = nomi.length === 0 ? 'mancano elementi obbligatori' : nomi.length === 1 ? `manca l'elemento «${nomi[0]}»` : `manca uno degli elementi ${nomi.map((n) => `«${n}»`).join(', ')}`;
      return { codice: 'XSD_ELEMENTO_MANCANTE', testo };
    },
  ],
  [
    /^Duplicate key-sequence \[([\s\S]*)\] in (?:unique|key) identity-constraint '[^']*'\.$/,
    (m) => {
      const valore = (m[1] ?? '').replace(/'/g, '');
      return { codice: 'XSD_VALORE_RIPETUTO', valore, testo: `il valore «${breve(valore)}» è ripetuto` };
    },
  ],
  [/^Character content other than whitespace is not allowed because the content type is 'element-only'\.$/, () => ({ codice: 'XSD_TESTO_NON_AMMESSO', testo: 'contiene del testo dove sono ammessi solo elementi' })],
  [/^Character content is not allowed, because the content type is empty\.$/, () => ({ codice: 'XSD_TESTO_NON_AMMESSO', testo: 'deve essere vuoto' })],
  [/^Element content is not allowed, because the content type is a simple type definition\.$/, () => ({ codice: 'XSD_ELEMENTO_NON_PREVISTO', testo: 'non può contenere elementi' })],
  [/^No matching global declaration available for the validation root\.$/, () => ({ codice: 'XSD_RADICE_NON_VALIDA', testo: 'non è un elemento radice previsto dallo schema' })],
];

/**
 * Translates one libxml2 schema message. `tipi` (from `tipiBaseDaSchema`) lets a
 * bad value be explained by the type it should have had. The result carries a
 * stable code, the Italian message (`Elemento X, attributo Y: …`), the names and
 * value it found, and the original text.
 */
export function traduciMessaggioXsd(originale: string, tipi?: ReadonlyMap<string, TipoBase>): Omit<Errore, 'riga' | 'colonna'> {
  const testo = originale.trim();
  const intestazione = INTESTAZIONE.exec(testo);
  const elemento = intestazione?.[1];
  const attributo = intestazione?.[2];
  const corpo = intestazione?.[3] ?? testo;
  const dove = elemento ? `Elemento ${elemento}${attributo ? `, attributo ${attributo}` : ''}` : 'Documento';
  const tipo = tipi?.get(attributo ?? elemento ?? '');
  for (const [regola, traduci] of REGOLE) {
    const m = regola.exec(corpo);
    if (!m) continue;
    const t = traduci(m, tipo);
    return { codice: t.codice, messaggio: `${dove}: ${t.testo}.`, elemento, attributo, valore: t.valore, originale: testo };
  }
  return { codice: 'XSD_NON_VALIDO', messaggio: `${dove}: non conforme allo schema (${senzaNamespace(corpo)})`, elemento, attributo, originale: testo };
}
