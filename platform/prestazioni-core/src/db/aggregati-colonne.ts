import type { Dimensione } from '../domain/aggregati';

/** The cube column of each dimension (and of the derived source row the refresh groups). */
export const COLONNA: Record<Dimensione, string> = {
  ANNO: 'anno',
  MESE: 'mese',
  REGIONE: 'codice_regione',
  COMUNE: 'codice_comune',
  CODICE_PRESTAZIONE: 'codice_prestazione',
  AREA_UTENZA: 'area_utenza',
  FASCIA_ETA: 'fascia_eta',
  GENERE: 'genere',
};
