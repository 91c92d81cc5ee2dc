import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { applyPermissions, type Permissions, type TokenVerifier, type Viewer } from '@casellario/policies';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createErrorFormatter } from './format-error';
import { createGraphQLHttpHandler, listen, type RunningServer } from './http-server';

export interface SubgraphDefinition<TContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  permissions: Permissions;
}

/**
 * The executable schema of a subgraph: federation schema first, then the shield
 * (applied after `buildSubgraphSchema`, which keeps `__resolveReference`).
 */
export function buildSecuredSchema<TContext>(definition: SubgraphDefinition<TContext>): GraphQLSchema {
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> }]);
  return applyPermissions(schema, definition.permissions);
}

/** Whether development conveniences (introspection, stack traces) are on. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CASELLARIO_DEV === '1' || env.CASELLARIO_DEV === 'true';
}

/**
 * Apollo Server options that are safe by default: no introspection, no stack
 * traces, no landing page, no batching, CSRF prevention, masked errors.
 */
export function createApolloServer<TContext extends BaseContext>(
  source: { schema: GraphQLSchema } | { gateway: GatewayInterface },
  development: boolean,
  extras: { plugins?: Array<ApolloServerPlugin<TContext>>; validationRules?: ValidationRule[] } = {},
): ApolloServer<TContext> {
  return new ApolloServer<TContext>({
    ...source,
    introspection: development,
    includeStacktraceInErrorResponses: development,
    formatError: createErrorFormatter({ development }),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Federated traces (ftv1) are for Apollo's hosted reporting, which we do not use;
    // building them on every subgraph request costs time and would ship resolver timings out.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...(development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      ...(extras.plugins ?? []),
    ] as Array<ApolloServerPlugin<TContext>>,
    validationRules: extras.validationRules ?? [],
  });
}

export interface StartSubgraphOptions<TContext extends BaseContext> {
  definition: SubgraphDefinition<TContext>;
  verify: TokenVerifier;
  /** Per-request context once the viewer is known (db handle, loaders, …). */
  createContext: (viewer: Viewer, requestId: string) => TContext;
  ready: () => Promise<boolean>;
  port?: number;
  host?: string;
  development?: boolean;
  maxBodyBytes?: number;
  /** Extra HTTP routes (internal delivery endpoints). */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Extra Apollo plugins (e.g. the access log's flush before a response leaves). */
  plugins?: Array<ApolloServerPlugin<TContext>>;
}

/** Builds and starts one subgraph server; port 0 picks a free port (tests). */
export async function startSubgraphServer<TContext extends BaseContext>(options: StartSubgraphOptions<TContext>): Promise<RunningServer> {
  const development = options.development ?? isDevelopment();
  const apollo = createApolloServer<TContext>({ schema: buildSecuredSchema(options.definition) }, development, { plugins: options.plugins });
  await apollo.start();
  const handler = createGraphQLHttpHandler<TContext>({
    apollo,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    ready: options.ready,
    routes: options.routes,
    context: async ({ requestId, headers }) => {
      const riferimento = headers['x-riferimento'];
      const viewer = await options.verify(headers.authorization, Array.isArray(riferimento) ? riferimento[0] : riferimento);
      return options.createContext(viewer, requestId);
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
