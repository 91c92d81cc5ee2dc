import { serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { createContext } from './context';
import { consegnaPersone, type PersonaConsegnata } from './db/delivery';
import { definition } from './schema';

/** Starts anagrafe on the given runtime (embedded, server mode or a test). */
export function startAnagrafe(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext, {
    deliveries: {
      persone: (handle, items) => consegnaPersone(handle, items as PersonaConsegnata[]),
    },
  });
}
