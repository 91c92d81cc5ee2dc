import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';
import { createLoaders, type SinbaLoaders } from './db/loaders';

/** Per-request context: the verified viewer, the database, and batched loaders bound to the viewer's scope. */
export interface SinbaContext {
  viewer: Viewer;
  requestId: string;
  handle: DatabaseHandle;
  /** Presents case ids: internal for gestione, a keyed pseudonym for programmazione and monitoraggio. */
  codec: PersonaIdCodec;
  loaders: SinbaLoaders;
}

/** What the server needs to build a context for each request. */
export interface SinbaDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: SinbaDeps, viewer: Viewer, requestId: string): SinbaContext {
  return { viewer, requestId, handle: deps.handle, codec: deps.codec, loaders: createLoaders(deps.handle, viewer) };
}
