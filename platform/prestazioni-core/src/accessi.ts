import type { IdentifyingFields } from '@casellario/kit';
import type { PrestazioneRow } from './db/tables';

/**
 * The identifying fields of a benefit entity (`PrestazioneAgevolata`,
 * `PrestazioneSociale`) for the access log: those the shared rules grant with
 * `canSeeIdentifying` — the ente's application protocol and the DSU protocol
 * re-identify the beneficiary — recorded against the benefit's person.
 */
export function prestazioniAccessiIdentificanti(entity: string): IdentifyingFields {
  return {
    [`${entity}.protocolloDomanda`]: (p: PrestazioneRow) => p.personaId,
    [`${entity}.numeroProtocolloDsu`]: (p: PrestazioneRow) => p.personaId,
  };
}
