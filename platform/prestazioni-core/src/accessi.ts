import type { IdentifyingFields } from '@casellario/kit';
import { isControllo } from '@casellario/policies/permissions/prestazioni';
import type { AccertamentoRow, PrestazioneRow } from './db/tables';

/**
 * The identifying fields of a benefit subgraph (`entity` PrestazioneAgevolata or
 * PrestazioneSociale, `suffix` Agevolata or Sociale): the one declaration from
 * which both the shield (`canSeeIdentifying`) and the access log derive, so the
 * permission map in policies/src/permissions/prestazioni.ts does not list them.
 * Recorded against the benefit's person: the ente's application protocol and the
 * DSU protocol re-identify the beneficiary; the denomination as the ente typed it
 * is free text and may name anyone; an accertamento's notes are a control body's
 * free text (and controllo's alone).
 */
export function prestazioniAccessiIdentificanti(entity: string, suffix: string): IdentifyingFields {
  return {
    [`${entity}.protocolloDomanda`]: (p: PrestazioneRow) => p.personaId,
    [`${entity}.numeroProtocolloDsu`]: (p: PrestazioneRow) => p.personaId,
    [`${entity}.denominazioneEnte`]: (p: PrestazioneRow) => p.personaId,
    [`Accertamento${suffix}.note`]: { soggetto: (a: AccertamentoRow) => a.personaId, regola: isControllo },
  };
}
