import { caseloadDeliveries, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { caseload } from './db/schema';
import { createContext } from './context';
import { consegnaCasi, type CasoSipConsegnato } from './db/consegna';
import { definition } from './schema';

/**
 * Starts SIP on the given runtime (embedded, server mode or a test), with the
 * delivery endpoint `casi` through which the flows component brings the cases
 * of SIP flows.
 */
export function startSip(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext, {
    deliveries: {
      ...caseloadDeliveries(caseload),
      casi: (handle, items) => consegnaCasi(handle, items as CasoSipConsegnato[]),
    },
  });
}
