import { byKey, type DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import DataLoader from 'dataloader';
import { findDsuByIds, findDsuByProtocolli, type DsuRow } from './queries';

/**
 * DSU loaders: by protocol for `PrestazioneAgevolata.dsu` (a page or a cartella of
 * benefits costs one query for all their DSU), by id for `_entities`.
 */
export function createDsuLoaders(handle: DatabaseHandle, viewer: Viewer) {
  return {
    dsu: new DataLoader<string, DsuRow | null>(async (ids) => byKey(ids, await findDsuByIds(handle, viewer, ids), (r) => r.id)),
    dsuByProtocollo: new DataLoader<string, DsuRow | null>(async (protocolli) =>
      byKey(protocolli, await findDsuByProtocolli(handle, viewer, protocolli), (r) => r.protocollo),
    ),
  };
}

export type DsuLoaders = ReturnType<typeof createDsuLoaders>;
