import { caseloadDeliveries, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { caseload } from './db/schema';
import { createContext } from './context';
import { caseloadAssenti } from './db/caseload-assenti';
import { consegnaPersone, type PersonaConsegnata } from './db/delivery';
import { risolviCodiciFiscali } from './db/risolvi';
import { definition } from './schema';

/** Starts anagrafe on the given runtime (embedded, server mode or a test). */
export function startAnagrafe(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext, {
    deliveries: {
      ...caseloadDeliveries(caseload),
      persone: (handle, items) => consegnaPersone(handle, items as PersonaConsegnata[]),
      risolvi: risolviCodiciFiscali,
      caseloadAssenti,
    },
  });
}
