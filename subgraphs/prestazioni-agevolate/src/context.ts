import type { Viewer } from '@casellario/policies';
import { createPrestazioniContext, type PrestazioniContext, type PrestazioniDeps, type PrestazioniLoaders } from '@casellario/prestazioni-core';
import { createDsuLoaders, type DsuLoaders } from './db/loaders';
import { prestazione } from './db/schema';

/** Per-request context: the shared benefit context on PSA's table, plus the DSU loaders. */
export interface PrestazioniAgevolateContext extends PrestazioniContext {
  loaders: PrestazioniLoaders & DsuLoaders;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: PrestazioniDeps, viewer: Viewer, requestId: string): PrestazioniAgevolateContext {
  const base = createPrestazioniContext(deps, prestazione, viewer, requestId);
  return { ...base, loaders: { ...base.loaders, ...createDsuLoaders(deps.handle, viewer) } };
}
