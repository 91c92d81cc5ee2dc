import { serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { createContext } from './context';
import { definition } from './schema';

/** Starts PSA on the given runtime (embedded, server mode or a test). */
export function startPrestazioniAgevolate(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext);
}
