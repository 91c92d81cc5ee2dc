import { byKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import { findCasiByIds, type CasoSinbaRow } from './queries';

/**
 * One query per request for every case the gateway asks for (`_entities` batches
 * arrive as one list), already restricted to the viewer's scope: no N+1.
 */
export function createLoaders(handle: DatabaseHandle, viewer: Viewer) {
  return {
    caso: new DataLoader<string, CasoSinbaRow | null>(async (ids) => byKey(ids, await findCasiByIds(handle, viewer, ids), (r) => r.id)),
  };
}

export type SinbaLoaders = ReturnType<typeof createLoaders>;
