import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { generateDataset, type DemoDataset } from '@casellario/demo-data';
import { SUPERGRAPH_PATH, startGateway, type RunningGateway } from '@casellario/gateway';
import { createPglite, openPostgres, prepareDatabase, usePglite, type DatabaseHandle, type RunningServer, type SubgraphModule } from '@casellario/kit';
import { authConfigFromEnv, createPersonaIdCodec, createServiceVerifier, createTokenVerifier, pseudonymKeysFromEnv } from '@casellario/policies';
import { sql } from 'drizzle-orm';
import { consoleRoutes } from './console-routes';
import { SUBGRAPH_MODULES } from './subgraph-modules';

export type PlatformDatabase =
  | { kind: 'pglite'; dataDir?: string; instance?: PGlite }
  | { kind: 'postgres'; url: string };

export interface PlatformOptions {
  database: PlatformDatabase;
  /** Demo data: a size to generate, a ready data set, or none. Loaded only into an empty database. */
  demo?: { persone: number; seed?: number } | DemoDataset | false;
  gatewayPort?: number;
  host?: string;
  development?: boolean;
  supergraphSdl?: string;
  /**
   * The built web console (`console/dist`) to serve at the gateway's origin; none by
   * default. In development mode the development token route comes with it.
   */
  consoleDir?: string | null;
  /** Reports progress of each step (the CLI prints it). */
  onStep?: (step: string) => void;
}

export interface RunningPlatform {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningServer>;
  handles: Record<string, DatabaseHandle>;
  dataset: DemoDataset | null;
  /** Whether demo data were loaded on this start (false when the database already had data). */
  demoLoaded: boolean;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph and the gateway in this process. On PGlite all subgraphs
 * share one instance (a Postgres schema each): PGlite costs hundreds of MB per
 * instance. On PostgreSQL each subgraph gets its own pool. Subgraphs listen on
 * free ports; the gateway on `gatewayPort` (default 4000).
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const step = options.onStep ?? (() => {});
  const auth = await authConfigFromEnv();
  const verify = createTokenVerifier(auth);
  const verifyService = createServiceVerifier(auth);
  const codec = createPersonaIdCodec(pseudonymKeysFromEnv());

  let pglite: PGlite | null = null;
  let ownsPglite = false;
  const openHandle = async (module: SubgraphModule<DemoDataset>): Promise<DatabaseHandle> => {
    if (options.database.kind === 'postgres') return openPostgres(options.database.url, { applicationName: module.name });
    if (!pglite) {
      step('avvio di PGlite');
      pglite = options.database.instance ?? (await createPglite(options.database.dataDir));
      ownsPglite = !options.database.instance;
    }
    return usePglite(pglite);
  };

  const handles: Record<string, DatabaseHandle> = {};
  const subgraphs: Record<string, RunningServer> = {};
  const stopAll = async () => {
    await Promise.allSettled(Object.values(subgraphs).map((s) => s.close()));
    await Promise.allSettled(Object.values(handles).map((h) => h.close()));
    if (pglite && ownsPglite) await (pglite as PGlite).close();
  };

  try {
    for (const module of SUBGRAPH_MODULES) {
      handles[module.name] = await openHandle(module);
      step(`migrazioni: ${module.name}`);
      await prepareDatabase(module as SubgraphModule<never>, handles[module.name]!);
    }

    let dataset: DemoDataset | null = null;
    let demoLoaded = false;
    if (options.demo && (await isEmpty(handles.anagrafe!))) {
      dataset = 'persone' in options.demo && Array.isArray(options.demo.persone) ? (options.demo as DemoDataset) : null;
      if (!dataset) {
        const size = options.demo as { persone: number; seed?: number };
        step(`generazione dati dimostrativi: ${size.persone} persone`);
        dataset = generateDataset({ persone: size.persone, seed: size.seed });
      }
      for (const module of SUBGRAPH_MODULES) {
        step(`caricamento dati dimostrativi: ${module.name}`);
        await module.loadDemo?.(handles[module.name]!, dataset);
      }
      demoLoaded = true;
    }

    for (const module of SUBGRAPH_MODULES) {
      subgraphs[module.name] = await module.start({
        handle: handles[module.name]!,
        verify,
        verifyService,
        codec,
        port: 0,
        host: options.host ?? '127.0.0.1',
        development: options.development,
        peerUrls: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      });
    }

    step('avvio del gateway');
    const gateway = await startGateway({
      supergraphSdl: options.supergraphSdl ?? readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
      verify,
      port: options.gatewayPort ?? 4000,
      host: options.host ?? '127.0.0.1',
      development: options.development,
      routes: consoleRoutes({ dir: options.consoleDir ?? null, development: options.development ?? false }),
    });

    return {
      gateway,
      subgraphs,
      handles,
      dataset,
      demoLoaded,
      stop: async () => {
        await gateway.close();
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function isEmpty(handle: DatabaseHandle): Promise<boolean> {
  const [row] = await handle.rows<{ n: number }>(sql`select count(*)::int as n from anagrafe.persona`);
  return (row?.n ?? 0) === 0;
}
