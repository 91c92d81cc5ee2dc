import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { withoutSuggestions } from '@casellario/kit';
import { GATEWAY_PROOF_HEADER, gatewayProof, gatewaySecretsFromEnv, type GatewaySecrets } from '@casellario/policies';

export interface HiveGatewayOptions {
  supergraphSdl: string;
  /** Subgraph URL by supergraph name; names without an entry keep the supergraph's (`join__Graph`) URL. */
  subgraphUrls: Record<string, string>;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  host?: string;
  /** The secret the proof sent to subgraphs is made with; default: GATEWAY_SHARED_SECRET_FILE (or the dev secret). */
  gatewaySecrets?: GatewaySecrets;
}

export interface RunningHiveGateway {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The committed supergraph served by Hive Gateway (@graphql-hive/gateway), an
 * existing gateway to scale out with instead of ours. It can stand in front of the
 * same subgraphs because authorisation does not live in the gateway: every subgraph
 * verifies the token again, applies its graphql-shield rules field by field and its
 * row scope in SQL, and requires `x-riferimento` of a control body.
 *
 * What Hive does NOT do here: it does not verify tokens (a bad one is refused by the
 * subgraphs, one hop later), nor refuse a control body without a case reference, nor
 * apply our query limits (depth, aliases, tokens, cost) — the subgraphs apply theirs.
 * Its only duty towards them is the hop: it forwards the caller's `authorization` and
 * `x-riferimento` unchanged, and signs each subgraph request with the gateway proof
 * (bound to that Authorization value and to the request id it sets), which is what
 * lets a subgraph trust that the request came through a gateway at all.
 */
export async function startHiveGateway(options: HiveGatewayOptions): Promise<RunningHiveGateway> {
  // Loaded on demand, so that the Apollo gateway (and whatever imports this package) does not load Hive.
  const { createGatewayRuntime } = await import('@graphql-hive/gateway');
  const secrets = options.gatewaySecrets ?? gatewaySecretsFromEnv();
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transportEntries: Object.fromEntries(Object.entries(options.subgraphUrls).map(([name, location]) => [name, { location }])),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    disableIntrospection: {},
    // Hive takes a client-sent x-request-id as its own; the proof is bound to ours instead.
    requestId: false,
    // Subgraph names are topology, not something a client needs in its errors.
    subgraphErrors: { subgraphNameProp: false },
    upstreamTimeout: ({ subgraphName }) => (subgraphName === 'flussi' ? 120_000 : 10_000),
    logging: 'error',
    plugins: () => [gatewayHop(secrets.current), noSuggestions()],
  });
  const server = createServer(runtime);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4000, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/graphql`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}

/**
 * Builds every subgraph request's identity headers afresh (the plugins' `onFetch`
 * runs on each HTTP call to a subgraph): the client's `authorization` and
 * `x-riferimento`, one request id per client request, and the proof for both.
 * Nothing else of the client's request is passed on, so a client-sent
 * `x-casellario-gateway` never arrives; a fetch with no client request behind it
 * (Hive's own work) carries no proof, and subgraphs refuse it.
 */
function gatewayHop(secret: string): GatewayPlugin {
  const requestIds = new WeakMap<Request, string>();
  return {
    onFetch({ context, options, setOptions }) {
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.delete(GATEWAY_PROOF_HEADER);
      if ('request' in context && context.request) {
        const client = context.request.headers;
        let requestId = requestIds.get(context.request);
        if (!requestId) requestIds.set(context.request, (requestId = randomUUID()));
        const authorization = client.get('authorization') ?? undefined;
        const riferimento = client.get('x-riferimento');
        if (authorization) headers.set('authorization', authorization);
        if (riferimento) headers.set('x-riferimento', riferimento);
        headers.set('x-request-id', requestId);
        headers.set(GATEWAY_PROOF_HEADER, gatewayProof(secret, { requestId, authorization }));
      }
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}

/**
 * Removes graphql-js's "Did you mean …?" from validation errors, as our gateway does:
 * with introspection off it would give the schema away field by field.
 */
function noSuggestions(): GatewayPlugin {
  return {
    onValidate: () => ({ result, setResult }) => {
      if (result.length === 0) return;
      setResult(
        result.map((error: Error) => {
          if (error.name !== 'GraphQLError') return error;
          const e = error as GraphQLError;
          return new GraphQLError(withoutSuggestions(e.message), { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: e.extensions });
        }),
      );
    },
  };
}
