import { startSubgraphServer, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { createContext } from './context';
import { ping } from './db/queries';
import { definition } from './schema';

/** Starts SIP on the given runtime (embedded, server mode or a test). */
export function startSip(runtime: SubgraphRuntime): Promise<RunningServer> {
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
