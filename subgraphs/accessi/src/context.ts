import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';

/** Turns a codice fiscale into the internal person id (anagrafe's `risolvi`), null when unknown. */
export type RisolviCodiceFiscale = (codiceFiscale: string) => Promise<string | null>;

/** Per-request context: the verified viewer, the database, and the way to anagrafe. */
export interface AccessiContext {
  viewer: Viewer;
  /** Seals the log's page cursors (the key file every subgraph holds). */
  codec: PersonaIdCodec;
  requestId: string;
  handle: DatabaseHandle;
  risolviCodiceFiscale: RisolviCodiceFiscale;
}

/** What the server needs to build a context for each request. */
export interface AccessiDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
  risolviCodiceFiscale: RisolviCodiceFiscale;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: AccessiDeps, viewer: Viewer, requestId: string): AccessiContext {
  return { viewer, requestId, handle: deps.handle, codec: deps.codec, risolviCodiceFiscale: deps.risolviCodiceFiscale };
}
