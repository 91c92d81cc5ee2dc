import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';
import { createLoaders, type SinaLoaders } from './db/loaders';

/** Per-request context: the verified viewer, the database, and batched loaders bound to the viewer's scope. */
export interface SinaContext {
  viewer: Viewer;
  requestId: string;
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
  loaders: SinaLoaders;
}

/** What the server needs to build a context for each request. */
export interface SinaDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: SinaDeps, viewer: Viewer, requestId: string): SinaContext {
  return { viewer, requestId, handle: deps.handle, codec: deps.codec, loaders: createLoaders(deps.handle, viewer) };
}
