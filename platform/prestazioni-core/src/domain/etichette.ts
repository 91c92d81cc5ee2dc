import { comuneByIstat, loadNomenclatore, regioneByCodice } from '@casellario/domain';
import type { Dimensione } from './aggregati';

const MESI = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
const AREE: Record<string, string> = { '1': 'Famiglia e minori', '2': 'Disabilità e non autosufficienza', '3': 'Povertà ed esclusione sociale' };
const GENERI: Record<string, string> = { '1': 'Maschi', '2': 'Femmine' };

let nomenclatore: ReturnType<typeof loadNomenclatore> | undefined;

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
      nomenclatore ??= loadNomenclatore(process.env.NOMENCLATORE_EXTRA_CSV);
      return nomenclatore.get(chiave)?.denominazione ?? chiave;
    case 'AREA_UTENZA':
      return AREE[chiave] ?? chiave;
    case 'FASCIA_ETA':
      return chiave === '85+' ? '85 anni e più' : `${chiave.replace('-', '–')} anni`;
    case 'GENERE':
      return GENERI[chiave] ?? chiave;
  }
}
