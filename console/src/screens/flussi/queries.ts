/** The fields the console shows of a flow, its summary and its delivery. */
const FLUSSO = /* GraphQL */ `
  nome tipo enteCodice ricevutoIl stato giaRicevuto contenutoDiverso
  riepilogo { record accettati accettatiConAvvisi rifiutati codici { codice gravita record } }
  avvisiFlusso { codice gravita campo messaggio }
  consegna { completata consegnati daConsegnare ultimoErrore }
`;

export const INVIA_FLUSSO = /* GraphQL */ `
  mutation InviaFlusso($tipo: TipoFlusso!, $contenuto: String!) { inviaFlusso(tipo: $tipo, contenuto: $contenuto) { ${FLUSSO} } }
`;

export const STATO_FLUSSO = /* GraphQL */ `
  query StatoFlusso($nome: String!) { flusso(nome: $nome) { ${FLUSSO} } }
`;

export const ESITI_FLUSSO = /* GraphQL */ `
  query EsitiFlusso($nome: String!, $filtro: FiltroEsiti, $primi: Int, $dopo: String) {
    flusso(nome: $nome) {
      nome
      esiti(filtro: $filtro, primi: $primi, dopo: $dopo) {
        elementi { numero parte riga stato riferimento codicePrestazione protocolloDomanda segnalazioni { codice gravita campo messaggio } }
        haAltri
        cursoreSuccessivo
      }
    }
  }
`;

export type StatoEsito = 'ACCETTATO' | 'ACCETTATO_CON_AVVISI' | 'RIFIUTATO';

export interface Segnalazione {
  codice: string;
  gravita: 'ERRORE' | 'AVVISO';
  campo: string | null;
  messaggio: string;
}

export interface Flusso {
  nome: string;
  tipo: string;
  enteCodice: string;
  ricevutoIl: string;
  stato: 'PARZIALE' | 'IN_CONSEGNA' | 'CONSEGNATO';
  giaRicevuto: boolean;
  contenutoDiverso: boolean;
  riepilogo: { record: number; accettati: number; accettatiConAvvisi: number; rifiutati: number; codici: Array<{ codice: string; gravita: string; record: number }> };
  avvisiFlusso: Segnalazione[];
  consegna: { completata: boolean; consegnati: number; daConsegnare: number; ultimoErrore: string | null };
}

export interface Esito {
  numero: number;
  parte: number;
  riga: number | null;
  stato: StatoEsito;
  riferimento: string | null;
  codicePrestazione: string | null;
  protocolloDomanda: string | null;
  segnalazioni: Segnalazione[];
}

export interface PaginaEsiti {
  elementi: Esito[];
  haAltri: boolean;
  cursoreSuccessivo: string | null;
}

export interface FiltroEsiti {
  stato?: StatoEsito;
  codice?: string;
}
