/** What the console shows of an accertamento, already recorded or just recorded. */
const ACCERTAMENTO = /* GraphQL */ `id esito importoDaRecuperare riferimento ente istante operatore`;

const PRESTAZIONE = /* GraphQL */ `
  id codicePrestazione denominazionePrestazione dataInizio dataFine dataErogazione importoPrestazione importoMensile
  enteErogatore { codice denominazione }
  persona { id codiceFiscale anagrafica { cognome nome } }
  accertamenti { ${ACCERTAMENTO} }
`;

const SOVRAPPOSTA = /* GraphQL */ `prestazione { id codicePrestazione dataInizio dataFine importoMensile enteErogatore { codice denominazione } } dal al`;
const IMPORTI = /* GraphQL */ `importoDichiarato importoMensile mesi importoAtteso differenza tolleranza`;

/** The three control listings (docs/controlli.md), each with the evidence the console shows. */
export const CONTROLLI = {
  ISEE: {
    titolo: 'Conformità ISEE (prestazioni agevolate)',
    campo: 'anomalieIsee',
    accertamento: 'registraAccertamentoAgevolata',
    query: /* GraphQL */ `
      query AnomalieIsee($filtro: FiltroAnomalieIsee, $dopo: String) {
        anomalieIsee(filtro: $filtro, primi: 20, dopo: $dopo) {
          elementi { tipo prestazione { ${PRESTAZIONE} importoSogliaIsee numeroProtocolloDsu }
            evidenza { dataPrestazione soglia isee eccedenza dataPresentazioneDsu dataScadenzaDsu beneficiarioNelNucleo dsu { protocollo isee dataScadenza } } }
          haAltri cursoreSuccessivo
        }
      }`,
  },
  AGEVOLATE: {
    titolo: 'Sovrapposizioni e importi (prestazioni agevolate)',
    campo: 'anomaliePrestazioniAgevolate',
    accertamento: 'registraAccertamentoAgevolata',
    query: /* GraphQL */ `
      query AnomalieAgevolate($filtro: FiltroAnomaliePrestazioni, $dopo: String) {
        anomaliePrestazioniAgevolate(filtro: $filtro, primi: 20, dopo: $dopo) {
          elementi { tipo prestazione { ${PRESTAZIONE} } evidenza { sovrapposte { ${SOVRAPPOSTA} } ${IMPORTI} } }
          haAltri cursoreSuccessivo
        }
      }`,
  },
  SOCIALI: {
    titolo: 'Sovrapposizioni e importi (prestazioni sociali)',
    campo: 'anomaliePrestazioniSociali',
    accertamento: 'registraAccertamentoSociale',
    query: /* GraphQL */ `
      query AnomalieSociali($filtro: FiltroAnomaliePrestazioni, $dopo: String) {
        anomaliePrestazioniSociali(filtro: $filtro, primi: 20, dopo: $dopo) {
          elementi { tipo prestazione { ${PRESTAZIONE} } evidenza { sovrapposte { ${SOVRAPPOSTA} } ${IMPORTI} } }
          haAltri cursoreSuccessivo
        }
      }`,
  },
} as const;

export type Controllo = keyof typeof CONTROLLI;

export function registraAccertamento(controllo: Controllo): string {
  const campo = CONTROLLI[controllo].accertamento;
  return /* GraphQL */ `
    mutation Registra($input: AccertamentoInput!) { ${campo}(input: $input) { ${ACCERTAMENTO} } }`;
}

interface Ente {
  codice: string;
  denominazione: string;
}

export interface PrestazioneAnomala {
  id: string;
  codicePrestazione: string;
  /** The nomenclatore's name of the code; null when the code is not in it. */
  denominazionePrestazione: string | null;
  dataInizio: string | null;
  dataFine: string | null;
  dataErogazione: string | null;
  importoPrestazione: number | null;
  importoMensile: number | null;
  enteErogatore: Ente;
  persona: { id: string; codiceFiscale: string | null; anagrafica: { cognome: string | null; nome: string | null } | null };
  importoSogliaIsee?: number | null;
  numeroProtocolloDsu?: string | null;
  /** Recorded by any control body on this benefit, oldest first. */
  accertamenti: Accertamento[];
}

/** The evidence of any listing: the fields of the ISEE one and those of the benefit ones, each present where it applies. */
export interface Evidenza {
  dataPrestazione?: string;
  soglia?: number | null;
  isee?: number | null;
  eccedenza?: number | null;
  dataPresentazioneDsu?: string | null;
  dataScadenzaDsu?: string | null;
  beneficiarioNelNucleo?: boolean | null;
  dsu?: { protocollo: string | null; isee: number; dataScadenza: string } | null;
  sovrapposte?: Array<{ prestazione: { id: string; codicePrestazione: string; dataInizio: string | null; dataFine: string | null; importoMensile: number | null; enteErogatore: Ente }; dal: string; al: string }>;
  importoDichiarato?: number | null;
  importoMensile?: number | null;
  mesi?: number | null;
  importoAtteso?: number | null;
  differenza?: number | null;
  tolleranza?: number | null;
}

export interface Anomalia {
  tipo: string;
  prestazione: PrestazioneAnomala;
  evidenza: Evidenza;
}

export interface PaginaAnomalie {
  elementi: Anomalia[];
  haAltri: boolean;
  cursoreSuccessivo: string | null;
}

export interface Accertamento {
  id: string;
  esito: 'CONFERMATO' | 'ARCHIVIATO';
  importoDaRecuperare: number | null;
  ente: string;
  riferimento: string;
  istante: string;
  operatore: string;
}

export const NOMI_ANOMALIA: Record<string, string> = {
  DSU_ASSENTE: 'DSU assente',
  DSU_ALTRA_PERSONA: 'DSU di un altro nucleo',
  DSU_NON_VALIDA: 'DSU non valida alla data della prestazione',
  ISEE_SOPRA_SOGLIA: 'ISEE sopra la soglia',
  SOVRAPPOSIZIONE_ENTI: 'Sovrapposizione tra enti',
  IMPORTO_INCOERENTE: 'Importo incoerente',
};
