import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';
import { createLoaders, type SipLoaders } from './db/loaders';

/** Per-request context: the verified viewer, the database, and batched loaders bound to the viewer's scope. */
export interface SipContext {
  viewer: Viewer;
  requestId: string;
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
  loaders: SipLoaders;
}

/** What the server needs to build a context for each request. */
export interface SipDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: SipDeps, viewer: Viewer, requestId: string): SipContext {
  return { viewer, requestId, handle: deps.handle, codec: deps.codec, loaders: createLoaders(deps.handle, viewer) };
}
