/**
 * Codes of the XML-schema stage (from @casellario/flussi-formato): a record with
 * one of them did not match the official XSD and is refused. Listed with the
 * rules' catalogue so that `codiciEsito` names every code an esito can carry.
 */
export const CODICI_XSD: ReadonlyArray<{ codice: string; gravita: 'ERRORE'; descrizione: string }> = [
  { codice: 'XSD_VALORE_NON_AMMESSO', gravita: 'ERRORE', descrizione: "Un valore non è tra quelli ammessi dall'XSD (enumerazione)." },
  { codice: 'XSD_FORMATO_NON_VALIDO', gravita: 'ERRORE', descrizione: "Un valore non rispetta il formato richiesto dall'XSD (pattern)." },
  { codice: 'XSD_LUNGHEZZA_NON_VALIDA', gravita: 'ERRORE', descrizione: "Un valore è più corto o più lungo di quanto l'XSD ammette." },
  { codice: 'XSD_FUORI_INTERVALLO', gravita: 'ERRORE', descrizione: "Un numero è fuori dall'intervallo ammesso dall'XSD." },
  { codice: 'XSD_TIPO_NON_VALIDO', gravita: 'ERRORE', descrizione: 'Un valore non è del tipo richiesto (data, numero, decimale).' },
  { codice: 'XSD_ATTRIBUTO_MANCANTE', gravita: 'ERRORE', descrizione: "Manca un attributo obbligatorio per l'XSD." },
  { codice: 'XSD_ATTRIBUTO_NON_PREVISTO', gravita: 'ERRORE', descrizione: "Un attributo non è previsto dall'XSD." },
  { codice: 'XSD_ELEMENTO_MANCANTE', gravita: 'ERRORE', descrizione: "Manca un elemento obbligatorio per l'XSD." },
  { codice: 'XSD_ELEMENTO_NON_PREVISTO', gravita: 'ERRORE', descrizione: "Un elemento non è previsto dall'XSD in quella posizione." },
  { codice: 'XSD_TESTO_NON_AMMESSO', gravita: 'ERRORE', descrizione: 'Un elemento contiene testo dove non è ammesso.' },
  { codice: 'XSD_VALORE_RIPETUTO', gravita: 'ERRORE', descrizione: 'Un valore che deve essere unico è ripetuto.' },
  { codice: 'XSD_NON_VALIDO', gravita: 'ERRORE', descrizione: "Il record non è conforme all'XSD (altro motivo, descritto nel messaggio)." },
];
