import { comuneByIstat, loadNomenclatore, normalizzaDenominazione, regioneByCodice } from '@casellario/domain';
import type { Dimensione } from './aggregati';

const MESI = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const AREE: Record<string, string> = { '1': 'Famiglia e minori', '2': 'Disabilità e non autosufficienza', '3': 'Povertà ed esclusione sociale' };
const GENERI: Record<string, string> = { '1': 'Maschi', '2': 'Femmine' };

let nomenclatore: ReturnType<typeof loadNomenclatore> | undefined;

function nomenclatoreInUso(): ReturnType<typeof loadNomenclatore> {
  nomenclatore ??= loadNomenclatore(process.env.NOMENCLATORE_EXTRA_CSV);
  return nomenclatore;
}

/**
 * The nomenclatore's official name of a benefit code, or null when the code is not
 * in the nomenclatore in use. What every purpose reads as the benefit's name: the
 * ente's own text is free text (DESIGN §2, "Free text is identifying").
 */
export function denominazioneUfficiale(codice: string): string | null {
  return nomenclatoreInUso().get(codice)?.denominazione ?? null;
}

/** Whether the ente's text differs from the official name (as the flow validation compares them); null without one. */
export function denominazioneDifforme(codice: string, denominazioneEnte: string): boolean | null {
  const ufficiale = denominazioneUfficiale(codice);
  return ufficiale === null ? null : normalizzaDenominazione(ufficiale) !== normalizzaDenominazione(denominazioneEnte);
}

/** The label a dashboard shows for a key of the aggregates (`chiave` → `etichetta`). */
export function etichettaDi(d: Dimensione, chiave: string | null): string | null {
  if (chiave === null) return null;
  if (chiave === 'ND') return 'non indicato';
  switch (d) {
    case 'ANNO':
      return chiave;
    case 'MESE':
      return MESI[Number(chiave) - 1] ?? chiave;
    case 'REGIONE':
      return regioneByCodice(chiave)?.nome ?? chiave;
    case 'COMUNE':
      return comuneByIstat(chiave)?.nome ?? chiave;
    case 'CODICE_PRESTAZIONE':
      return denominazioneUfficiale(chiave) ?? chiave;
    case 'AREA_UTENZA':
      return AREE[chiave] ?? chiave;
    case 'FASCIA_ETA':
      return chiave === '85+' ? '85 anni e più' : `${chiave.replace('-', '–')} anni`;
    case 'GENERE':
      return GENERI[chiave] ?? chiave;
  }
}
