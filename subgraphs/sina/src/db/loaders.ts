import { byKey, groupByKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import { findValutazioniByIds, findValutazioniByPersonaIds, type ValutazioneRow } from './queries';

/**
 * One query per kind of lookup per request, however many persons or
 * assessments the gateway sends in one `_entities` list: no N+1. Loaders are
 * bound to the viewer, so the row scope is part of every batch query.
 */
export function createLoaders(handle: DatabaseHandle, viewer: Viewer) {
  return {
    valutazioniByPersona: new DataLoader<string, ValutazioneRow[]>(async (personaIds) =>
      groupByKey(personaIds, await findValutazioniByPersonaIds(handle, viewer, personaIds), (r) => r.personaId),
    ),
    valutazione: new DataLoader<string, ValutazioneRow | null>(async (ids) => byKey(ids, await findValutazioniByIds(handle, viewer, ids), (r) => r.id)),
  };
}

export type SinaLoaders = ReturnType<typeof createLoaders>;
