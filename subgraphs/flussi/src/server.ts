import { loadNomenclatore } from '@casellario/domain';
import { peerUrlsFromEnv, serveSubgraph, type RunningServer, type SubgraphRuntime } from '@casellario/kit';
import { serviceTokenSource } from '@casellario/policies';
import { createDeliveryWorker } from './consegna/worker';
import { createContext, type FlussiDeps } from './context';
import { flussiKeysFromEnv, type FlussiKeys } from './keys';
import { pullCollectorFromEnv } from './pull/env';
import { definition } from './schema';

export interface FlussiOptions {
  keys?: FlussiKeys;
  /** Delivery tuning (tests shorten the lease to restart fast after a kill). */
  leaseMs?: number;
  pollMs?: number;
  batchSize?: number;
  /** Whether to deliver at all (a receive-only replica); default true. */
  deliver?: boolean;
  /** Whether to run the INPS pull collector when PULL_FONTI_FILE configures sources; default true. */
  pull?: boolean;
}

/**
 * Starts the flows component: the GraphQL subgraph that receives flows, and the
 * delivery worker that drains its outbox to the other components.
 */
export async function startFlussi(runtime: SubgraphRuntime, options: FlussiOptions = {}): Promise<RunningServer & { deps: FlussiDeps }> {
  const keys = options.keys ?? flussiKeysFromEnv();
  const worker =
    options.deliver === false
      ? null
      : createDeliveryWorker({
          handle: runtime.handle,
          keys,
          urls: runtime.peerUrls ?? (() => peerUrlsFromEnv()),
          serviceToken: serviceTokenSource('svc-flussi'),
          leaseMs: options.leaseMs ?? Number(process.env.FLUSSI_LEASE_MS ?? 30_000),
          pollMs: options.pollMs,
          batchSize: options.batchSize ?? (process.env.FLUSSI_BATCH_SIZE ? Number(process.env.FLUSSI_BATCH_SIZE) : undefined),
        });
  const deps: FlussiDeps = { handle: runtime.handle, codec: runtime.codec, keys, nomenclatore: loadNomenclatore(process.env.NOMENCLATORE_EXTRA_CSV), worker };
  // Flows arrive as GraphQL strings: the body limit is the document limit (50 MB) plus envelope.
  const server = await serveSubgraph(runtime, definition, (_runtime, viewer, requestId) => createContext(deps, viewer, requestId), {
    maxBodyBytes: 64 * 1024 * 1024,
  });
  await worker?.start();
  const pull = options.pull === false ? null : pullCollectorFromEnv(deps);
  await pull?.start();
  return {
    ...server,
    deps,
    close: async () => {
      await pull?.stop();
      await worker?.stop();
      await server.close();
    },
  };
}
