import { serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { createContext } from './context';
import { definition } from './schema';

/** Starts PS on the given runtime (embedded, server mode or a test). */
export function startPrestazioniSociali(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext);
}
