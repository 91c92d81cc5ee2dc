import type { Viewer } from '@casellario/policies';
import { createPrestazioniContext, type PrestazioniContext, type PrestazioniDeps } from '@casellario/prestazioni-core';
import { prestazione } from './db/schema';

/** Per-request context: the shared benefit context, on PS's table. */
export type PrestazioniSocialiContext = PrestazioniContext;

/** Builds a request's context once its token has been verified. */
export function createContext(deps: PrestazioniDeps, viewer: Viewer, requestId: string): PrestazioniSocialiContext {
  return createPrestazioniContext(deps, prestazione, viewer, requestId);
}
