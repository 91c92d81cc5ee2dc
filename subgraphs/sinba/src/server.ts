import { serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { createContext } from './context';
import { consegnaCasi, type CasoConsegnato } from './db/consegna';
import { definition } from './schema';

/** Starts sinba on the given runtime (embedded, server mode or a test). */
export function startSinba(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext, {
    deliveries: {
      casi: (handle, items) => consegnaCasi(handle, items as CasoConsegnato[]),
    },
  });
}
