import { ApolloGateway } from '@apollo/gateway';
import { CLIENT_REQUEST_ID_HEADER, createApolloServer, createGraphQLHttpHandler, listen, queryLimitsFromEnv, type QueryLimits, type RunningServer } from '@casellario/kit';
import { gatewaySecretsFromEnv, type GatewaySecrets, type TokenVerifier } from '@casellario/policies';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayContext } from './context';
import { concurrencyPerOperatorFromEnv, OperatorConcurrency } from './concurrency';
import { AuthenticatedDataSource } from './data-source';
import { createReadiness } from './readiness';

/** Subgraphs whose calls legitimately take long: flussi validates and stores up to 50 MB per call. */
const DEFAULT_TIMEOUTS_MS: Record<string, number> = { flussi: 120_000 };

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph URL by supergraph name; names without an entry keep the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  verify: TokenVerifier;
  port?: number;
  host?: string;
  development?: boolean;
  subgraphTimeoutMs?: number;
  /** Longer timeouts for named subgraphs (receiving a large flow takes longer than a read). */
  subgraphTimeoutsMs?: Record<string, number>;
  maxBodyBytes?: number;
  /** Extra routes (the web console, in embedded mode). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Query limits; default: LIMITE_* from the environment over the gateway defaults. */
  limits?: QueryLimits;
  /** The secret the proof sent to subgraphs is made with; default: GATEWAY_SHARED_SECRET_FILE (or the dev secret). */
  gatewaySecrets?: GatewaySecrets;
  /** GraphQL requests one operator may have in flight; default: GATEWAY_RICHIESTE_CONCORRENTI_OPERATORE (4). */
  concurrentPerOperator?: number;
}

export interface RunningGateway extends RunningServer {
  /** The URL each subgraph is reached at. */
  subgraphUrls: Record<string, string>;
}

/**
 * Starts the gateway on a static supergraph (the committed one in production):
 * the token is verified here first — a bad one never reaches a subgraph — and
 * abusive operations (depth, aliases, tokens, directives, cost) are refused before
 * planning; then the token is forwarded with the gateway's proof, because every
 * subgraph enforces its own rules as well and admits only what comes through here.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const timeout = options.subgraphTimeoutMs ?? 10_000;
  const secrets = options.gatewaySecrets ?? gatewaySecretsFromEnv();
  const resolvedUrls: Record<string, string> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url;
      if (!target) throw new Error(`No URL for subgraph ${name}`);
      resolvedUrls[name] = target;
      return new AuthenticatedDataSource(target, options.subgraphTimeoutsMs?.[name] ?? DEFAULT_TIMEOUTS_MS[name] ?? timeout, secrets.current);
    },
  });
  const development = options.development ?? false;
  const limits = options.limits ?? queryLimitsFromEnv('gateway');
  const server = createApolloServer<GatewayContext>({ gateway }, development, { limits });
  await server.start();
  const ready = createReadiness(() => Object.values(resolvedUrls));
  const concurrency = new OperatorConcurrency(options.concurrentPerOperator ?? concurrencyPerOperatorFromEnv());
  const handler = createGraphQLHttpHandler<GatewayContext>({
    apollo: server,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
    maxTokens: limits.token,
    ready,
    routes: options.routes,
    // requestId is the gateway's own (see createGraphQLHttpHandler); a client's x-request-id
    // travels apart, for correlation only, and the proof binds ours.
    context: async ({ requestId, requestIdCliente, headers, onDone }) => {
      const authorization = first(headers.authorization);
      const riferimento = first(headers['x-riferimento']);
      const viewer = await options.verify(authorization, riferimento);
      // After the token check (the operator is known) and before the body is read or planned.
      onDone(concurrency.acquire(viewer));
      return {
        viewer,
        requestId,
        forwardHeaders: {
          authorization,
          'x-request-id': requestId,
          ...(requestIdCliente ? { [CLIENT_REQUEST_ID_HEADER]: requestIdCliente } : {}),
          ...(riferimento ? { 'x-riferimento': riferimento } : {}),
        },
      };
    },
  });
  const running = await listen(handler, { port: options.port ?? 4000, host: options.host });
  return {
    ...running,
    subgraphUrls: resolvedUrls,
    close: async () => {
      await running.close();
      await server.stop();
    },
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
