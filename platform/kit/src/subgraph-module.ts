import type { BaseContext } from '@apollo/server';
import {
  authConfigFromEnv,
  createPersonaIdCodec,
  createServiceVerifier,
  createTokenVerifier,
  pseudonymKeysFromEnv,
  serviceTokenSource,
  type PersonaIdCodec,
  type ServiceIdentity,
  type TokenVerifier,
} from '@casellario/policies';
import { accessLogPlugin, attachAccessCollector, remoteAccessLogSink, type AccessLogSink, type IdentifyingFields } from './access-log';
import { deliveryRoutes, type DeliveryHandlers } from './delivery';
import { openPostgres, type DatabaseHandle } from './database';
import type { RunningServer } from './http-server';
import { logger } from './logger';
import { applyMigrations } from './migrate';
import { benchSenzaPolitiche, startSubgraphServer, type SubgraphDefinition } from './subgraph-server';
import type { Viewer } from '@casellario/policies';

/** What a subgraph needs from its host process, in every runtime shape. */
export interface SubgraphRuntime {
  handle: DatabaseHandle;
  verify: TokenVerifier;
  /** Verifies service-account tokens on internal endpoints (record delivery). */
  verifyService: (authorization: string | undefined) => Promise<ServiceIdentity>;
  codec: PersonaIdCodec;
  port?: number;
  host?: string;
  development?: boolean;
  /**
   * Where the other subgraphs are, by name, for components that call them
   * (the flows component delivers records). Defaults to SUBGRAPH_URL_<NAME>.
   */
  peerUrls?: () => Record<string, string | undefined>;
  /**
   * Where this subgraph's access records go. Default: the accessi component's
   * internal endpoint at `peerUrls().accessi`, with the subgraph's service token.
   * Tests of a single subgraph give an in-memory log.
   */
  accessLog?: AccessLogSink;
}

/** Peer subgraph URLs from SUBGRAPH_URL_<NAME> variables (server mode). */
export function peerUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('SUBGRAPH_URL_') && value) urls[key.slice('SUBGRAPH_URL_'.length).toLowerCase().replaceAll('_', '-')] = value;
  }
  return urls;
}

/**
 * A subgraph as the launchers see it: its contract (SDL), its migrations, how to
 * start it, and how to load demo data. The embedded platform, server mode and the
 * tests all start subgraphs through this one shape.
 */
export interface SubgraphModule<TDataset = unknown> {
  name: string;
  /** The SDL file's text: the contract composed into the supergraph. */
  sdl: string;
  /** Type definitions, resolvers and the shield: what tests walk to find fields without a rule. */
  definition: SubgraphDefinition<never>;
  migrationsFolder: string;
  /** Port used in server mode when PORT is not set. */
  defaultPort: number;
  start(runtime: SubgraphRuntime): Promise<RunningServer>;
  /** Reference data every install needs (territories, codes); idempotent. */
  seedReference?(handle: DatabaseHandle): Promise<void>;
  /** Demo records from a generated data set. */
  loadDemo?(handle: DatabaseHandle, dataset: TDataset): Promise<void>;
}

/**
 * Starts a subgraph on a runtime: the one way every subgraph is served (embedded,
 * server mode, tests), ready when its database answers. A subgraph that lists
 * identifying fields (`accessiIdentificanti`), or brings its own access-log sink,
 * gets a collector in every request's context and the plugin that writes the
 * request's access records before its response leaves; the others pay nothing.
 */
export function serveSubgraph<TContext extends BaseContext>(
  runtime: SubgraphRuntime,
  definition: SubgraphDefinition<TContext>,
  createContext: (runtime: SubgraphRuntime, viewer: Viewer, requestId: string) => TContext,
  options: { deliveries?: DeliveryHandlers; maxBodyBytes?: number; accessLog?: AccessLogSink } = {},
): Promise<RunningServer> {
  const { deliveries } = options;
  // Benchmark only (see benchSenzaPolitiche): no access log, so no collector and no plugin.
  const accessLog = benchSenzaPolitiche(definition.name) ? null : accessLogSinkFor(runtime, definition, options.accessLog);
  return startSubgraphServer({
    maxBodyBytes: options.maxBodyBytes,
    routes: deliveries ? deliveryRoutes({ handle: runtime.handle, handlers: deliveries, verifyService: runtime.verifyService }) : undefined,
    definition,
    verify: runtime.verify,
    createContext: accessLog
      ? (viewer, requestId, requestIdCliente) => attachAccessCollector(createContext(runtime, viewer, requestId), viewer, requestId, requestIdCliente)
      : (viewer, requestId) => createContext(runtime, viewer, requestId),
    plugins: accessLog ? [accessLogPlugin<TContext>(definition.name, accessLog)] : undefined,
    ready: () => runtime.handle.ping(),
    port: runtime.port,
    host: runtime.host,
    development: runtime.development,
  });
}

/**
 * The sink a subgraph writes its access records to, or null when it reads nothing
 * identifying: its own (accessi writes locally), the runtime's, or accessi's
 * internal endpoint. The service token source is made at start, so that production
 * without SERVICE_TOKEN_FILE fails there rather than on the first request.
 */
function accessLogSinkFor(runtime: SubgraphRuntime, definition: { name: string; accessiIdentificanti?: IdentifyingFields }, own: AccessLogSink | undefined): AccessLogSink | null {
  if (own) return own;
  if (Object.keys(definition.accessiIdentificanti ?? {}).length === 0) return null;
  if (runtime.accessLog) return runtime.accessLog;
  const fromEnv = runtime.peerUrls ? null : peerUrlsFromEnv();
  return remoteAccessLogSink({
    url: () => (runtime.peerUrls ? runtime.peerUrls() : fromEnv!).accessi,
    token: serviceTokenSource(`svc-${definition.name}`),
  });
}

/** Migrations, then reference data: what "migrate" means for one subgraph. */
export async function prepareDatabase(module: SubgraphModule<never>, handle: DatabaseHandle): Promise<void> {
  await applyMigrations(handle, { subgraph: module.name, folder: module.migrationsFolder });
  await module.seedReference?.(handle);
}

function requireDatabaseUrl(name: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`${name}: DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/casellario).`);
    process.exit(2);
  }
  return url;
}

/**
 * Server mode: one subgraph in its own process on its own DATABASE_URL.
 * Migrations are a separate step (`migrate`), not done at start.
 */
export async function runSubgraphMain(module: SubgraphModule<never>): Promise<void> {
  const handle = openPostgres(requireDatabaseUrl(module.name), { applicationName: module.name });
  const auth = await authConfigFromEnv();
  const server = await module.start({
    handle,
    verify: createTokenVerifier(auth),
    verifyService: createServiceVerifier(auth),
    codec: createPersonaIdCodec(pseudonymKeysFromEnv()),
    port: Number(process.env.PORT ?? module.defaultPort),
    host: process.env.HOST ?? '127.0.0.1',
  });
  logger.info({ subgraph: module.name, url: server.url }, 'subgraph listening');
  const stop = async () => {
    await server.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Server mode, migration step: applies migrations and reference data, then exits. */
export async function runMigrateMain(module: SubgraphModule<never>): Promise<void> {
  const handle = openPostgres(requireDatabaseUrl(module.name), { max: 1, applicationName: `${module.name}-migrate` });
  try {
    await handle.script(`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await prepareDatabase(module, handle);
    logger.info({ subgraph: module.name }, 'migrations applied');
  } finally {
    await handle.close();
  }
}
