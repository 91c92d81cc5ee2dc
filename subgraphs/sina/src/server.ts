import { caseloadDeliveries, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { caseload } from './db/schema';
import { createContext } from './context';
import { consegnaValutazioni, type ValutazioneConsegnata } from './db/consegna';
import { definition } from './schema';

/** Starts the SINA subgraph on the given runtime (embedded, server mode or a test). */
export function startSina(runtime: SubgraphRuntime): Promise<RunningServer> {
  return serveSubgraph(runtime, definition, createContext, {
    deliveries: {
      ...caseloadDeliveries(caseload),
      valutazioni: (handle, items) => consegnaValutazioni(handle, items as ValutazioneConsegnata[]),
    },
  });
}
