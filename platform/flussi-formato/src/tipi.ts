/**
 * Shapes shared by the checks, the validator and the parser: an error an ente
 * operator can act on, and the refusal of a whole document.
 */

/** A problem found in a flow: a stable code, an Italian message, and where it is. */
export interface Errore {
  /** Stable code, for programs (e.g. `XSD_VALORE_NON_AMMESSO`). */
  codice: string;
  /** Italian message for the ente's operator. */
  messaggio: string;
  /** 1-based line in the document, when known. */
  riga?: number;
  /** 1-based column, when known (libxml2 gives none for schema errors). */
  colonna?: number;
  /** Element (local name) the problem is on, when known. */
  elemento?: string;
  /** Attribute the problem is on, when known. */
  attributo?: string;
  /** The offending value, when known. */
  valore?: string;
  /** The validator's original (English) text, kept for support. */
  originale?: string;
}

/** Why a document was refused before any record was read. Stable codes. */
export type CodiceRifiuto =
  | 'DOCUMENTO_VUOTO'
  | 'DOCUMENTO_TROPPO_GRANDE'
  | 'CODIFICA_UTF16'
  | 'CODIFICA_NON_UTF8'
  | 'UTF8_NON_VALIDO'
  | 'DOCTYPE_NON_AMMESSO'
  | 'XML_MALFORMATO'
  | 'ELEMENTO_RADICE_ERRATO'
  | 'NAMESPACE_ERRATO'
  | 'TIPO_FLUSSO_ERRATO';

/** A document refused whole: nothing of it may be stored. */
export interface RifiutoDocumento {
  codice: CodiceRifiuto;
  /** Italian message naming what was found and what was expected. */
  messaggio: string;
  riga?: number;
  colonna?: number;
}
