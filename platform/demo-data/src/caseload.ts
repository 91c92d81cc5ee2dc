import type { DemoDataset } from './types';

/**
 * The caseload a data set implies (DESIGN.md §2): every (person, ente) pair of a
 * benefit, a SINA assessment, or membership in a SIP case of that ente. Loaders
 * give it to every person-linked component, as the flows component does for flows.
 */
export function caseloadPairs(dataset: Partial<Pick<DemoDataset, 'prestazioni' | 'valutazioniSina' | 'casiSip'>>): Array<{ personaId: string; enteCodice: string }> {
  const pairs = new Map<string, { personaId: string; enteCodice: string }>();
  const add = (personaId: string, enteCodice: string) => pairs.set(`${personaId}|${enteCodice}`, { personaId, enteCodice });
  for (const p of dataset.prestazioni ?? []) add(p.personaId, p.enteCodice);
  for (const v of dataset.valutazioniSina ?? []) add(v.personaId, v.enteCodice);
  for (const c of dataset.casiSip ?? []) for (const m of c.componenti) add(m.personaId, c.enteCodice);
  return [...pairs.values()];
}
