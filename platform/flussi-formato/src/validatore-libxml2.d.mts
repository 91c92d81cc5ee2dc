/** One libxml2 diagnostic, as the validator core returns it. */
export interface DiagnosticaLibxml2 {
  /** libxml2's English message. */
  messaggio: string;
  riga: number;
  colonna: number;
  /** 1 warning, 2 error, 3 fatal. */
  livello: number;
  /** Path of the node, e.g. `/*\/*[2]/*[3]`. */
  xpath?: string;
}

export interface RisultatoLibxml2 {
  /** Set when the text is not well-formed: libxml2's fatal parse errors. */
  malformato?: DiagnosticaLibxml2[];
  errori: DiagnosticaLibxml2[];
}

export declare const tentativiDiCaricamento: string[];
export declare function preparaSchema(tipo: string, testoSchema: string): void;
/** Validates the document made of `pezzi` concatenated. */
export declare function validaTesto(tipo: string, ...pezzi: string[]): RisultatoLibxml2;
