import { caseloadDeliveries, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { conAggiornamentoAggregati, prestazioniDeliveries } from '@casellario/prestazioni-core';
import { createContext } from './context';
import { caseload, PROVA_MEZZI, prestazione } from './db/schema';
import { dsuDeliveries } from './delivery';
import { definition } from './schema';

/** Starts PSA on the given runtime (embedded, server mode or a test). */
export async function startPrestazioniAgevolate(runtime: SubgraphRuntime): Promise<RunningServer> {
  const server = await serveSubgraph(runtime, definition, createContext, {
    deliveries: { ...prestazioniDeliveries(prestazione, PROVA_MEZZI), ...caseloadDeliveries(caseload), ...dsuDeliveries() },
  });
  return conAggiornamentoAggregati(server, runtime.handle, prestazione);
}
