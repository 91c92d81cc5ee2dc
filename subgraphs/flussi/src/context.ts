import type { Nomenclatore } from '@casellario/domain';
import type { DatabaseHandle } from '@casellario/kit';
import type { PersonaIdCodec, Viewer } from '@casellario/policies';
import type { DeliveryWorker } from './consegna/worker';
import type { FlussiKeys } from './keys';

/** What the flows component needs beyond a subgraph's runtime. */
export interface FlussiDeps {
  handle: DatabaseHandle;
  codec: PersonaIdCodec;
  keys: FlussiKeys;
  nomenclatore: Nomenclatore;
  worker: DeliveryWorker | null;
  oggi?: () => string;
}

export interface FlussiContext extends FlussiDeps {
  viewer: Viewer;
  requestId: string;
}

/** Builds a request's context once its token has been verified. */
export function createContext(deps: FlussiDeps, viewer: Viewer, requestId: string): FlussiContext {
  return { ...deps, viewer, requestId };
}
