import { byKey, groupByKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import { findAccertamenti } from './controlli';
import { findPrestazioniByIds, findPrestazioniByPersone } from './queries';
import { accertamentoFor, type AccertamentoRow, type PrestazioneRow, type PrestazioneTable } from './tables';

/** What `Persona.<list>(anno:, includiAnnullate:)` asks for one person. */
export interface CartellaKey {
  personaId: string;
  anno: number | null;
  includiAnnullate: boolean;
}

function argsKey(k: CartellaKey): string {
  return `${k.anno ?? ''}|${k.includiAnnullate ? 1 : 0}`;
}

function cacheKey(k: CartellaKey): string {
  return `${k.personaId}|${argsKey(k)}`;
}

/**
 * One query per kind of read per request, however many entities the gateway asks
 * for: an `_entities` batch of 50 persons loads all their benefits with one
 * `persona_id = ANY(...)` query. Keys with different arguments (a client asking for
 * two years in one operation) cost one query per distinct pair of arguments.
 */
export function createPrestazioniLoaders(handle: DatabaseHandle, table: PrestazioneTable, viewer: Viewer) {
  return {
    prestazione: new DataLoader<string, PrestazioneRow | null>(async (ids) =>
      byKey(ids, await findPrestazioniByIds(handle, table, viewer, ids), (r) => r.id),
    ),
    /** The accertamenti of benefits already read within the viewer's scope, oldest first. */
    accertamenti: new DataLoader<string, AccertamentoRow[]>(async (ids) =>
      groupByKey(ids, await findAccertamenti(handle, accertamentoFor(table), ids), (r) => r.prestazioneId),
    ),
    cartella: new DataLoader<CartellaKey, PrestazioneRow[], string>(
      async (keys) => {
        const groups = new Map<string, CartellaKey[]>();
        for (const k of keys) groups.set(argsKey(k), [...(groups.get(argsKey(k)) ?? []), k]);
        const found = new Map<string, PrestazioneRow[]>();
        for (const group of groups.values()) {
          const [first] = group as [CartellaKey];
          const ids = group.map((k) => k.personaId);
          const rows = await findPrestazioniByPersone(handle, table, viewer, ids, first);
          groupByKey(ids, rows, (r) => r.personaId).forEach((list, i) => found.set(cacheKey(group[i]!), list));
        }
        return keys.map((k) => found.get(cacheKey(k)) ?? []);
      },
      { cacheKeyFn: cacheKey },
    ),
  };
}

export type PrestazioniLoaders = ReturnType<typeof createPrestazioniLoaders>;
