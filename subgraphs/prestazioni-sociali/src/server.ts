import type { RunningServer, SubgraphRuntime } from '@casellario/kit';
import { startPrestazioniServer } from '@casellario/prestazioni-core';
import { createContext } from './context';
import { definition } from './schema';

/** Starts PS on the given runtime (embedded, server mode or a test). */
export function startPrestazioniSociali(runtime: SubgraphRuntime): Promise<RunningServer> {
  return startPrestazioniServer(runtime, definition, createContext);
}
