import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import {
  applyPermissions,
  GATEWAY_PROOF_HEADER,
  gatewaySecretsFromEnv,
  notThroughGateway,
  verifyGatewayProof,
  type GatewaySecrets,
  type Permissions,
  type TokenVerifier,
  type Viewer,
} from '@casellario/policies';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordIdentifyingReads, type IdentifyingFields } from './access-log';
import { createErrorFormatter } from './format-error';
import { createGraphQLHttpHandler, listen, type RunningServer } from './http-server';
import { logger } from './logger';
import { queryLimitProtection, queryLimitsFromEnv, type QueryLimits } from './query-limits';

export {
  GATEWAY_QUERY_LIMITS,
  SUBGRAPH_QUERY_LIMITS,
  queryLimitEnvName,
  queryLimitsFromEnv,
  queryLimitError,
  estimateCost,
  type QueryLimits,
} from './query-limits';

export interface SubgraphDefinition<TContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  permissions: Permissions;
  /**
   * The fields whose values identify someone (those the shield grants with
   * `canSeeIdentifying`), and how to tell whose: each value released is written to
   * the access log (see access-log.ts).
   */
  accessiIdentificanti?: IdentifyingFields;
}

/**
 * The executable schema of a subgraph: federation schema first, then the shield
 * (applied after `buildSubgraphSchema`, which keeps `__resolveReference`), then,
 * outside the shield, the access log on the identifying fields, so that it records
 * only what the shield let through.
 */
export function buildSecuredSchema<TContext>(definition: SubgraphDefinition<TContext>): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> }]);
  if (benchSenzaPolitiche(definition.name)) return schema;
  const secured = applyPermissions(schema, definition.permissions);
  return definition.accessiIdentificanti ? recordIdentifyingReads(secured, definition.accessiIdentificanti) : secured;
}

/**
 * BENCHMARK ONLY. `CASELLARIO_BENCH_SENZA_POLITICHE=1` serves the subgraphs without
 * the shield and without the access log (here and in `serveSubgraph`), so that
 * `bench/src/cartella` can measure what authorisation costs: the same cartella with
 * and without policies. Row scope stays (it is part of each query's SQL). Refused
 * with NODE_ENV=production; anywhere else it shouts at every subgraph start.
 */
export function benchSenzaPolitiche(subgraph: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CASELLARIO_BENCH_SENZA_POLITICHE !== '1') return false;
  if (env.NODE_ENV === 'production') throw new Error('CASELLARIO_BENCH_SENZA_POLITICHE is for benchmarks only: refused with NODE_ENV=production');
  logger.warn({ subgraph }, '!!! CASELLARIO_BENCH_SENZA_POLITICHE=1: NO SHIELD, NO ACCESS LOG — benchmark only, never expose this server !!!');
  return true;
}

/** Whether development conveniences (introspection, stack traces) are on. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASELLARIO_DEV === '1' || env.CASELLARIO_DEV === 'true';
}

/**
 * Apollo Server options that are safe by default: no introspection, no stack
 * traces, no landing page, no batching, CSRF prevention, masked errors, no field
 * suggestions, and query limits (depth, aliases, tokens, directives, cost) — the
 * gateway's or a subgraph's from the environment unless `extras.limits` says.
 */
export function createApolloServer<TContext extends BaseContext>(
  source: { schema: GraphQLSchema } | { gateway: GatewayInterface },
  development: boolean,
  extras: { plugins?: Array<ApolloServerPlugin<TContext>>; validationRules?: ValidationRule[]; limits?: QueryLimits } = {},
): ApolloServer<TContext> {
  const limits = extras.limits ?? queryLimitsFromEnv('gateway' in source ? 'gateway' : 'subgraph');
  const protection = queryLimitProtection<TContext>(limits);
  return new ApolloServer<TContext>({
    ...source,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    // Validation errors lose their "Did you mean …?"; the error formatter removes the
    // rest (variable and input errors) as well.
    hideSchemaDetailsFromClientErrors: !development,
    formatError: createErrorFormatter({ development }),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Our processes stop their servers themselves (in order: gateway, subgraphs, databases);
    // Apollo's own handler per server would add ten signal listeners to one embedded process.
    stopOnTerminationSignals: false,
    // Federated traces (ftv1) are for Apollo's hosted reporting, which we do not use;
    // building them on every subgraph request costs time and would ship resolver timings out.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      ...protection.plugins,
      ...(extras.plugins ?? []),
    ] as Array<ApolloServerPlugin<TContext>>,
    validationRules: [...protection.validationRules, ...(extras.validationRules ?? [])],
  });
}

export interface StartSubgraphOptions<TContext extends BaseContext> {
  definition: SubgraphDefinition<TContext>;
  verify: TokenVerifier;
  /**
   * Per-request context once the viewer is known (db handle, loaders, …): the
   * gateway's request id, and the client's own one (for correlation), if any.
   */
  createContext: (viewer: Viewer, requestId: string, requestIdCliente: string | null) => TContext;
  ready: () => Promise<boolean>;
  port?: number;
  host?: string;
  development?: boolean;
  maxBodyBytes?: number;
  /** Extra HTTP routes (internal delivery endpoints). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Extra Apollo plugins (e.g. the access log's flush before a response leaves). */
  plugins?: Array<ApolloServerPlugin<TContext>>;
  /** Query limits; default: the subgraph limits from the environment (`LIMITE_*_SOTTOGRAFI`). */
  limits?: QueryLimits;
  /** Secrets the gateway's proof is checked against; default: GATEWAY_SHARED_SECRET_FILE (or the dev secret). */
  gatewaySecrets?: GatewaySecrets;
}

/**
 * Builds and starts one subgraph server; port 0 picks a free port (tests). Its
 * `/graphql` admits only requests carrying the gateway's proof, checked before
 * the token: a client that reaches a subgraph's port directly would otherwise
 * skip the gateway's limits. Health probes and delivery routes are outside it.
 */
export async function startSubgraphServer<TContext extends BaseContext>(options: StartSubgraphOptions<TContext>): Promise<RunningServer> {
  const development = options.development ?? isDevelopment();
  const secrets = options.gatewaySecrets ?? gatewaySecretsFromEnv();
  const limits = options.limits ?? queryLimitsFromEnv('subgraph');
  const apollo = createApolloServer<TContext>({ schema: buildSecuredSchema(options.definition) }, development, {
    plugins: options.plugins,
    limits,
  });
  await apollo.start();
  const handler = createGraphQLHttpHandler<TContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    maxTokens: limits.token,
    ready: options.ready,
    routes: options.routes,
    admit: (req) => {
      const admitted = verifyGatewayProof(secrets.accepted, single(req.headers[GATEWAY_PROOF_HEADER]), {
        requestId: single(req.headers['x-request-id']) ?? '',
        authorization: req.headers.authorization,
      });
      return admitted ? null : notThroughGateway();
    },
    context: async ({ requestId, requestIdCliente, headers }) => {
      const riferimento = headers['x-riferimento'];
      const viewer = await options.verify(headers.authorization, Array.isArray(riferimento) ? riferimento[0] : riferimento);
      return options.createContext(viewer, requestId, requestIdCliente);
    },
  });
  const running = await listen(handler, { port: options.port ?? 0, host: options.host });
  return {
    ...running,
    close: async () => {
      await running.close();
      await apollo.stop();
    },
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
