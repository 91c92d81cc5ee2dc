import type { DemoDsu } from '@casellario/demo-data';
import { TIPI_ISEE } from '../db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PROTOCOLLO = /^INPS-ISEE-(\d{4})-\d{8}[A-Z]-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const IMPORTO = /^\d{1,12}(\.\d{1,2})?$/;

function cents(v: string): number {
  return Math.round(Number(v) * 100);
}

/**
 * Checks one DSU/ISEE attestazione as an import delivers it (the shape of the demo
 * data set: internal person ids, amounts as decimal strings): the INPS protocol and
 * its year, the dates, the household (declarant among the members), the kind of
 * ISEE, and the arithmetic of domain notes "ISEE and the DSU" — ISE = ISR + 0.2 × ISP
 * and ISEE = ISE ÷ scala, each to the cent. Returns what is wrong, in Italian, or null.
 */
export function checkDsu(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'record DSU non valido';
  const d = value as Partial<Record<keyof DemoDsu, unknown>>;
  if (typeof d.id !== 'string' || !UUID.test(d.id)) return 'id: UUID mancante o non valido';
  const protocollo = typeof d.protocollo === 'string' ? PROTOCOLLO.exec(d.protocollo) : null;
  if (!protocollo) return 'protocollo: atteso INPS-ISEE-AAAA-NNNNNNNNL-NN';
  if (String(d.anno) !== protocollo[1]) return "anno: diverso dall'anno del protocollo";
  for (const campo of ['dataPresentazione', 'dataScadenza'] as const) {
    const v = d[campo];
    if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(v))) return `${campo}: data AAAA-MM-GG mancante o non valida`;
  }
  if ((d.dataPresentazione as string).slice(0, 4) !== protocollo[1]) return "dataPresentazione: non è nell'anno del protocollo";
  if ((d.dataScadenza as string) < (d.dataPresentazione as string)) return 'dataScadenza: precede la data di presentazione';
  if (!Array.isArray(d.componentiIds) || d.componentiIds.length === 0 || d.componentiIds.length > 30 || !d.componentiIds.every((m) => typeof m === 'string' && UUID.test(m))) {
    return 'componentiIds: da 1 a 30 identificativi di persona';
  }
  if (typeof d.dichiaranteId !== 'string' || !d.componentiIds.includes(d.dichiaranteId)) return 'dichiaranteId: il dichiarante deve essere tra i componenti';
  if (!(TIPI_ISEE as readonly unknown[]).includes(d.tipoIsee)) return `tipoIsee: uno di ${TIPI_ISEE.join(', ')}`;
  for (const campo of ['isr', 'isp', 'ise', 'isee', 'scalaEquivalenza'] as const) {
    const v = d[campo];
    if (typeof v !== 'string' || !IMPORTO.test(v)) return `${campo}: numero non negativo con al massimo due decimali`;
  }
  const scala = Number(d.scalaEquivalenza);
  if (scala < 1) return 'scalaEquivalenza: almeno 1';
  if (Math.abs(cents(d.ise as string) - (cents(d.isr as string) + 0.2 * cents(d.isp as string))) > 1) return 'ise: diverso da ISR + 20% ISP';
  if (Math.abs(cents(d.isee as string) - cents(d.ise as string) / scala) > 1) return 'isee: diverso da ISE ÷ scala di equivalenza';
  if (typeof d.omissioniDifformita !== 'boolean') return 'omissioniDifformita: vero o falso';
  return null;
}
