/** The dimensions of the aggregates API (contract of `aggregatiPrestazioni*`). */
export type Dimensione = 'CODICE_PRESTAZIONE' | 'AREA_UTENZA' | 'REGIONE' | 'COMUNE' | 'ANNO' | 'MESE' | 'FASCIA_ETA' | 'GENERE';

export type Fonte = 'aggregatiPrestazioniAgevolate' | 'aggregatiPrestazioniSociali';

export const TABELLA = (fonte: Fonte) => /* GraphQL */ `
  query Aggregati($filtro: FiltroAggregati, $per: [DimensioneAggregato!]!) {
    tabella: ${fonte}(filtro: $filtro, per: $per) {
      per soglia aggiornataAl
      celle { chiave etichetta persone prestazioni importo soppressa soppressione }
      totale { chiave etichetta persone prestazioni importo soppressa soppressione }
    }
  }
`;

/**
 * One cell of a table. A suppressed cell (too few persons, or one that would let
 * them be worked out from the margins) has no numbers at all: the console says
 * so, and never draws it as zero.
 */
export interface Cella {
  chiave: Array<string | null>;
  etichetta: Array<string | null>;
  persone: number | null;
  prestazioni: number | null;
  importo: number | null;
  soppressa: boolean;
  soppressione: 'PRIMARIA' | 'SECONDARIA' | null;
}

export interface Tabella {
  per: Dimensione[];
  soglia: number;
  aggiornataAl: string | null;
  celle: Cella[];
  totale: Cella;
}
