import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context';

/** Headers that carry the caller's identity and purpose to every subgraph. */
const FORWARDED = ['authorization', 'x-riferimento', 'x-request-id'] as const;

/**
 * Calls one subgraph over HTTP, forwarding the caller's token (each subgraph
 * verifies it again and applies its own rules) with a hard timeout: the gateway
 * does not time subgraph calls out by itself.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, timeoutMs: number) {
    super({
      url,
      fetcher: ((input: string, init?: RequestInit) =>
        fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as RemoteGraphQLDataSource['fetcher'],
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // The gateway's own requests (health, schema) run with an empty context.
    const headers = (context as Partial<GatewayContext>)?.forwardHeaders;
    if (!headers || !request.http) return;
    for (const name of FORWARDED) {
      const value = headers[name];
      if (value) request.http.headers.set(name, value);
    }
  }
}
