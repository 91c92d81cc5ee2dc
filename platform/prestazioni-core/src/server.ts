import { startSubgraphServer, type RunningServer, type SubgraphDefinition, type SubgraphRuntime } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import type { PrestazioniContext, PrestazioniDeps } from './context';
import { ping } from './db/queries';

/** Starts a benefit subgraph on the given runtime (embedded, server mode or a test). */
export function startPrestazioniServer<C extends PrestazioniContext>(
  runtime: SubgraphRuntime,
  definition: SubgraphDefinition<C>,
  createContext: (deps: PrestazioniDeps, viewer: Viewer, requestId: string) => C,
): Promise<RunningServer> {
  return startSubgraphServer({
    definition,
    verify: runtime.verify,
    createContext: (viewer, requestId) => createContext(runtime, viewer, requestId),
    ready: () => ping(runtime.handle),
    port: runtime.port,
    host: runtime.host,
    development: runtime.development,
  });
}
