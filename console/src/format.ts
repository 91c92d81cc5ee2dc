import type { Ruolo } from './session';

const euro = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });
const intero = new Intl.NumberFormat('it-IT');

/** An amount in euro, or a dash when the record has none. */
export function formatEuro(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : euro.format(value);
}

export function formatIntero(value: number): string {
  return intero.format(value);
}

/** An ISO date (`2025-03-01`) as Italians write it (`01/03/2025`). */
export function formatData(value: string | null | undefined): string {
  if (!value) return '—';
  const [anno, mese, giorno] = value.slice(0, 10).split('-');
  return giorno && mese && anno ? `${giorno}/${mese}/${anno}` : value;
}

export const NOMI_RUOLO: Record<Ruolo, string> = {
  gestione: 'Gestione',
  controllo: 'Controllo',
  programmazione: 'Programmazione',
  monitoraggio: 'Monitoraggio',
  audit: 'Audit',
};

export const NOMI_AREA_UTENZA: Record<string, string> = {
  FAMIGLIA_MINORI: 'Famiglia e minori',
  DISABILITA_NON_AUTOSUFFICIENZA: 'Disabilità e non autosufficienza',
  POVERTA_ESCLUSIONE: 'Povertà ed esclusione sociale',
};

/** An enum value of the API as words (`SI_SPOSTA_ASSISTITO` → `si sposta assistito`); acronyms (ADI, SFL) stay as they are. */
export function leggibile(valore: string): string {
  return valore.length <= 3 ? valore : valore.replace(/_/g, ' ').toLowerCase();
}
