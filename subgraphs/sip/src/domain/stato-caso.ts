import type { StatoCaso } from './enumerazioni';

/** The recorded stages of a case, as far as its stage depends on them. */
export interface TappeCaso {
  analisiPreliminare: boolean;
  quadroAnalisi: boolean;
  progetto: boolean;
  /** Monitoring meetings recorded, whatever their outcome. */
  incontri: number;
  dataChiusura: string | null;
}

/**
 * The current stage of a case: the latest stage that has a record. GePI's order is
 * ASSEGNATO (the case exists, a case manager has it) → ANALISI_PRELIMINARE →
 * QUADRO_ANALISI (only for complex needs) → PROGETTO (patto or progetto signed) →
 * MONITORAGGIO (at least one monitoring meeting recorded) → CHIUSO (closure date).
 * A stage is never inferred from an outcome that announces it: an analisi whose
 * outcome is QUADRO_ANALISI stays at ANALISI_PRELIMINARE until the quadro arrives,
 * and an analisi that sends the household to the employment centre stays there
 * until closure.
 */
export function statoCaso(tappe: TappeCaso): StatoCaso {
  if (tappe.dataChiusura) return 'CHIUSO';
  if (tappe.progetto && tappe.incontri > 0) return 'MONITORAGGIO';
  if (tappe.progetto) return 'PROGETTO';
  if (tappe.quadroAnalisi) return 'QUADRO_ANALISI';
  if (tappe.analisiPreliminare) return 'ANALISI_PRELIMINARE';
  return 'ASSEGNATO';
}
