export const CARTELLA = /* GraphQL */ `
  query Cartella($codiceFiscale: String!) {
    persona(codiceFiscale: $codiceFiscale) {
      id codiceFiscale
      anagrafica { cognome nome annoNascita genere cittadinanza }
      residenza { codiceComune codiceRegione comune { nome siglaProvincia } }
      prestazioniAgevolate {
        id codicePrestazione denominazionePrestazione denominazioneEnte denominazioneDifforme caratterePrestazione dataInizio dataFine dataErogazione dataEvento
        importoPrestazione importoMensile areaUtenza presaInCarico
        enteErogatore { codice denominazione } dsu { isee tipoIsee dataScadenza }
      }
      prestazioniSociali {
        id codicePrestazione denominazionePrestazione denominazioneEnte denominazioneDifforme caratterePrestazione dataInizio dataFine dataErogazione dataEvento
        importoPrestazione importoMensile areaUtenza presaInCarico
        enteErogatore { codice denominazione }
      }
      valutazioniSina { id dataValutazione codicePrestazione mobilita attivitaVitaQuotidiana enteErogatore { codice denominazione } }
      valutazioniSip { ruoloNelNucleo caso { id misura stato dataDomanda dataChiusura enteErogatore { codice denominazione } } }
    }
  }
`;

interface Ente {
  codice: string;
  denominazione: string;
}

export interface PrestazioneCartella {
  id: string;
  codicePrestazione: string;
  /** The nomenclatore's name of the code; null when the code is not in it. */
  denominazionePrestazione: string | null;
  /** The ente's own text (free text, identifying: the cartella is read by gestione and controllo). */
  denominazioneEnte: string | null;
  denominazioneDifforme: boolean | null;
  caratterePrestazione: string;
  dataInizio: string | null;
  dataFine: string | null;
  dataErogazione: string | null;
  dataEvento: string | null;
  importoPrestazione: number | null;
  importoMensile: number | null;
  areaUtenza: string | null;
  presaInCarico: boolean;
  enteErogatore: Ente;
  dsu?: { isee: number; tipoIsee: string; dataScadenza: string } | null;
}

export interface Cartella {
  id: string;
  codiceFiscale: string | null;
  anagrafica: { cognome: string | null; nome: string | null; annoNascita: number | null; genere: string | null; cittadinanza: string | null } | null;
  residenza: { codiceComune: string | null; codiceRegione: string | null; comune: { nome: string; siglaProvincia: string } | null } | null;
  prestazioniAgevolate: PrestazioneCartella[] | null;
  prestazioniSociali: PrestazioneCartella[] | null;
  valutazioniSina: Array<{ id: string; dataValutazione: string | null; codicePrestazione: string | null; mobilita: string | null; attivitaVitaQuotidiana: string | null; enteErogatore: Ente }> | null;
  valutazioniSip: Array<{ ruoloNelNucleo: string | null; caso: { id: string; misura: string; stato: string; dataDomanda: string; dataChiusura: string | null; enteErogatore: Ente } }> | null;
}
