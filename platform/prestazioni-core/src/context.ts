import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';
import { createPrestazioniLoaders, type PrestazioniLoaders } from './db/loaders';
import type { PrestazioneTable } from './db/tables';

/**
 * Per-request context of a benefit subgraph: the verified viewer, the database,
 * the person-id codec and batched loaders bound to the viewer's scope. PSA extends
 * `loaders` with its DSU loaders.
 */
export interface PrestazioniContext {
  viewer: Viewer;
  requestId: string;
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
  loaders: PrestazioniLoaders;
}

/** What a benefit subgraph's server needs to build a context for each request. */
export interface PrestazioniDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
}

/** Builds the shared part of a request's context once its token has been verified. */
export function createPrestazioniContext(deps: PrestazioniDeps, table: PrestazioneTable, viewer: Viewer, requestId: string): PrestazioniContext {
  return { viewer, requestId, handle: deps.handle, codec: deps.codec, loaders: createPrestazioniLoaders(deps.handle, table, viewer) };
}
