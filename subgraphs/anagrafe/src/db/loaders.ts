import { byKey, groupByKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import {
  findComuniByCodici,
  findDichiarazioniByPersonaIds,
  findEntiByCodici,
  findIndirizziByPersonaIds,
  findPersoneByIds,
  type ComuneRow,
  type DichiarazioneRow,
  type EnteRow,
  type IndirizzoRow,
  type PersonaRow,
} from './queries';

/**
 * One query per kind of row per request, however many entities the gateway asks
 * for (`_entities` batches arrive as one list): no N+1.
 */
export function createLoaders(handle: DatabaseHandle, viewer: Viewer) {
  return {
    persona: new DataLoader<string, PersonaRow | null>(async (ids) => byKey(ids, await findPersoneByIds(handle, viewer, ids), (r) => r.id)),
    indirizzi: new DataLoader<string, IndirizzoRow[]>(async (ids) =>
      groupByKey(ids, await findIndirizziByPersonaIds(handle, ids), (r) => r.personaId),
    ),
    dichiarazioni: new DataLoader<string, DichiarazioneRow[]>(async (ids) =>
      groupByKey(ids, await findDichiarazioniByPersonaIds(handle, ids), (r) => r.personaId),
    ),
    ente: new DataLoader<string, EnteRow | null>(async (codici) => byKey(codici, await findEntiByCodici(handle, codici), (r) => r.codice)),
    comune: new DataLoader<string, ComuneRow | null>(async (codici) =>
      byKey(codici, await findComuniByCodici(handle, codici), (r) => r.codiceIstat),
    ),
  };
}

export type AnagrafeLoaders = ReturnType<typeof createLoaders>;
