import { ACCESS_LOG_KIND, peerUrlsFromEnv, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { serviceTokenSource } from '@casellario/policies';
import { anagrafeResolver } from './anagrafe-client';
import { createContext } from './context';
import { leggiAccesso } from './db/registra';
import { createChainWriter } from './db/scrittore';
import { definition } from './schema';

/**
 * Starts accessi on the given runtime (embedded, server mode or a test): the
 * internal endpoint every subgraph writes its records to, and the audit queries.
 * Its own records (audit searches by person) go straight into the chain, through
 * the same function, before the answer leaves.
 */
export function startAccessi(runtime: SubgraphRuntime): Promise<RunningServer> {
  const fromEnv = runtime.peerUrls ? null : peerUrlsFromEnv();
  const risolviCodiceFiscale = anagrafeResolver({
    url: () => (runtime.peerUrls ? runtime.peerUrls() : fromEnv!).anagrafe,
    token: serviceTokenSource('svc-accessi'),
  });
  // One writer per process: concurrent requests share its commits (see scrittore.ts).
  const chain = createChainWriter(runtime.handle);
  return serveSubgraph(runtime, definition, (rt, viewer, requestId) => createContext({ handle: rt.handle, codec: rt.codec, risolviCodiceFiscale }, viewer, requestId), {
    deliveries: {
      [ACCESS_LOG_KIND]: (_handle, items) => chain.write(items.map(leggiAccesso)),
    },
    accessLog: async (records) => {
      await chain.write(records);
    },
  });
}
