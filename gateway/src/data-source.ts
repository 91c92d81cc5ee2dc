import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_PROOF_HEADER, gatewayProof } from '@casellario/policies';
import type { GatewayContext } from './context';

/**
 * Headers that carry the caller's identity and purpose to every subgraph. Nothing
 * else of the client's request is passed on: the gateway builds each subgraph
 * request's headers afresh, so a client-sent `x-casellario-gateway` never arrives,
 * and `x-request-id` is the gateway's own (a client's travels in `x-request-id-cliente`).
 */
const FORWARDED = ['authorization', 'x-riferimento', 'x-request-id', 'x-request-id-cliente'] as const;

/**
 * Calls one subgraph over HTTP, forwarding the caller's token (each subgraph
 * verifies it again and applies its own rules) and a proof that the request came
 * through this gateway (bound to that token and request id, valid for a minute),
 * with a hard timeout: the gateway does not time subgraph calls out by itself.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly proofSecret: string;

  constructor(url: string, timeoutMs: number, proofSecret: string) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
    this.proofSecret = proofSecret;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http) return;
    // Whatever a plugin or a future change may have copied, the proof is only ever ours.
    request.http.headers.delete(GATEWAY_PROOF_HEADER);
    // The gateway's own requests (health, schema) run with an empty context: no proof, and subgraphs refuse them.
    const gatewayContext = context as Partial<GatewayContext> | undefined;
    const headers = gatewayContext?.forwardHeaders;
    if (!headers || !gatewayContext.requestId) return;
    for (const name of FORWARDED) {
      const value = headers[name];
      if (value) request.http.headers.set(name, value);
    }
    request.http.headers.set('x-request-id', gatewayContext.requestId);
    request.http.headers.set(
      GATEWAY_PROOF_HEADER,
      gatewayProof(this.proofSecret, { requestId: gatewayContext.requestId, authorization: headers.authorization }),
    );
  }
}
