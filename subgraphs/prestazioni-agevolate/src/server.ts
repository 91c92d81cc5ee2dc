import type { RunningServer, SubgraphRuntime } from '@casellario/kit';
import { startPrestazioniServer } from '@casellario/prestazioni-core';
import { createContext } from './context';
import { definition } from './schema';

/** Starts PSA on the given runtime (embedded, server mode or a test). */
export function startPrestazioniAgevolate(runtime: SubgraphRuntime): Promise<RunningServer> {
  return startPrestazioniServer(runtime, definition, createContext);
}
