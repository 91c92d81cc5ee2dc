/**
 * The five-year age band that programmazione and monitoraggio see instead of the
 * year of birth (DESIGN.md §2): `0-4`, `5-9`, … `85-89`, `90+`. The age is the
 * one reached during the reference year.
 */
export function fasciaEta(annoNascita: number, annoRiferimento = new Date().getFullYear()): string {
  const eta = Math.max(0, annoRiferimento - annoNascita);
  if (eta >= 90) return '90+';
  const lo = Math.floor(eta / 5) * 5;
  return `${lo}-${lo + 4}`;
}
