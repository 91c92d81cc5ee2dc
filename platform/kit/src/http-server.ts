import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { logger } from './logger';
import { exceedsTokenLimit, queryLimitError } from './query-limits';
import { safeError } from './safe-error';

/** What a request carries into the GraphQL context once authenticated. */
export interface RequestInfo {
  /** The server's id of the request: made by the gateway, never taken from a client. */
  requestId: string;
  /** The id a client sent for its own correlation (`x-request-id`), sanitised; null when none or unusable. */
  requestIdCliente: string | null;
  headers: IncomingMessage['headers'];
  /** Registers work to do once the response has been sent or the request failed (e.g. freeing a concurrency slot). */
  onDone: (callback: () => void) => void;
}

/**
 * The header that carries a client's own `x-request-id` from the gateway to the
 * subgraphs: kept apart from `x-request-id`, which is the gateway's own id.
 */
export const CLIENT_REQUEST_ID_HEADER = 'x-request-id-cliente';

/**
 * A client's request id as the log may keep it: printable ASCII, at most 64
 * characters once trimmed; anything else (control characters, other scripts, too
 * long) is dropped rather than altered, so that what is stored is what was sent.
 */
export function sanitizeClientRequestId(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return null;
  const trimmed = first.trim();
  return /^[\x20-\x7E]{1,64}$/.test(trimmed) ? trimmed : null;
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /**
   * Builds the context, authenticating first. Throwing a GraphQLError with an
   * `http.status` extension (UNAUTHENTICATED → 401) ends the request before any
   * parsing or resolver runs.
   */
  context: (info: RequestInfo) => Promise<TContext>;
  /** Largest accepted body; larger ones get 413 and are not read further. */
  maxBodyBytes: number;
  /** Readiness probe: true when the service can serve (database reachable, …). */
  ready: () => Promise<boolean>;
  /** Extra routes (e.g. the web console); return true when handled. */
  routes?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /**
   * Checked first on every `/graphql` request, before the method, the token or the
   * body: an error (with an `http.status` extension) refuses the request with it.
   * Subgraphs use it to admit only requests that carry the gateway's proof; health
   * probes and extra routes (internal delivery) are not subject to it.
   */
  admit?: (req: IncomingMessage) => GraphQLError | null;
  /**
   * Lexical tokens a query may have, counted before Apollo parses it (validating a
   * huge document is quadratic, so it must never start); none: unlimited.
   */
  maxTokens?: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The HTTP edge shared by the gateway and every subgraph: `/graphql`,
 * `/health/live`, `/health/ready`. Written on `node:http` against Apollo's
 * integration API so that limits (body size, batching) and admission (the
 * gateway's proof, in subgraphs) are ours to set.
 */
export function createGraphQLHttpHandler<TContext extends BaseContext>(options: GraphQLHttpOptions<TContext>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done: Array<() => void> = [];
    try {
      if (url.pathname === '/health/live') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/health/ready') {
        const ok = await options.ready().catch(() => false);
        return sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
      }
      if (url.pathname !== '/graphql') {
        if (options.routes && (await options.routes(req, res))) return;
        return sendJson(res, 404, { errors: [{ message: 'Risorsa non trovata', extensions: { code: 'NOT_FOUND' } }] });
      }
      const refusal = options.admit?.(req);
      if (refusal) {
        // The body is drained unread, so the connection can be reused.
        req.resume();
        const status = (refusal.extensions?.http as { status?: number } | undefined)?.status ?? 403;
        return sendJson(res, status, { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code } }] });
      }
      if (req.method !== 'GET' && req.method !== 'POST') return sendJson(res, 405, graphqlError('Metodo non ammesso', 'BAD_REQUEST'));
      // URLSearchParams would turn malformed percent-encoded UTF-8 into U+FFFD, silently.
      if (!isValidPercentEncoding(url.search)) return sendJson(res, 400, graphqlError(INVALID_UTF8, 'BAD_REQUEST'));

      // Only a request admitted on the gateway's proof (which is bound to its
      // x-request-id) carries an id this server may take as its own; the gateway, and
      // any server without admission, makes its own, so that no client can make its
      // requests look like another's in the access log. A client's id is kept apart.
      const fromGateway = options.admit !== undefined;
      const requestId = (fromGateway ? headerValue(req, 'x-request-id') : undefined) ?? randomUUID();
      const requestIdCliente = sanitizeClientRequestId(req.headers[fromGateway ? CLIENT_REQUEST_ID_HEADER : 'x-request-id']);
      res.setHeader('x-request-id', requestId);
      let context: TContext;
      try {
        context = await options.context({ requestId, requestIdCliente, headers: req.headers, onDone: (callback) => done.push(callback) });
      } catch (error) {
        const e = error as GraphQLError;
        const http = e.extensions?.http as { status?: number; headers?: Record<string, string> } | undefined;
        const status = http?.status;
        if (!status) throw error;
        req.resume();
        for (const [name, value] of Object.entries(http.headers ?? {})) res.setHeader(name, value);
        const motivo = e.extensions.motivo;
        return sendJson(res, status, { errors: [{ message: e.message, extensions: { code: e.extensions.code, ...(motivo ? { motivo } : {}) } }] });
      }

      const body = req.method === 'POST' ? await readJsonBody(req, options.maxBodyBytes) : undefined;
      if (body === TOO_LARGE) return sendJson(res, 413, graphqlError('Richiesta troppo grande', 'BAD_REQUEST'));
      if (body === MALFORMED) return sendJson(res, 400, graphqlError('Corpo della richiesta non è JSON valido', 'BAD_REQUEST'));
      if (body === NOT_UTF8) return sendJson(res, 400, graphqlError(INVALID_UTF8, 'BAD_REQUEST'));
      if (Array.isArray(body)) return sendJson(res, 400, graphqlError('Richieste multiple in un solo invio non ammesse', 'BAD_REQUEST'));
      if (options.maxTokens !== undefined) {
        const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
        if (typeof query === 'string' && exceedsTokenLimit(query, options.maxTokens)) {
          const refusal = queryLimitError('token');
          return sendJson(res, 400, { errors: [{ message: refusal.message, extensions: { code: refusal.extensions.code, motivo: refusal.extensions.motivo } }] });
        }
      }

      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
        context: async () => context,
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      logger.error({ err: safeError(error) }, 'unhandled error in HTTP handler');
      if (!res.headersSent) sendJson(res, 500, graphqlError('Errore interno del servizio', 'INTERNAL_SERVER_ERROR'));
      else res.end();
    } finally {
      for (const callback of done) callback();
    }
  };
}

/** The refusal of a body (or query string) that is not valid UTF-8: same words on every path. */
export const INVALID_UTF8 = 'Corpo della richiesta non valido: il testo non è codificato in UTF-8 valido';

/**
 * Decodes bytes as UTF-8, or null when they are not valid UTF-8. Node's
 * `toString('utf8')` replaces bad bytes with U+FFFD, so a flow with a broken
 * character would be stored altered and accepted; a fatal decoder refuses it.
 * A leading byte-order mark is dropped (the decoder's default).
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isValidPercentEncoding(search: string): boolean {
  if (!search.includes('%')) return true;
  try {
    decodeURIComponent(search.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

/** Starts a handler on `port` (0 picks a free one) and reports its URL. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  { port, host = '127.0.0.1' }: { port: number; host?: string },
): Promise<RunningServer> {
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const TOO_LARGE = Symbol('too large');
const MALFORMED = Symbol('malformed');
const NOT_UTF8 = Symbol('not utf-8');

async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return TOO_LARGE;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      return TOO_LARGE;
    }
    chunks.push(chunk as Buffer);
  }
  const text = decodeUtf8(Buffer.concat(chunks));
  if (text === null) return NOT_UTF8;
  if (text.length === 0) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (!type.includes('application/json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return MALFORMED;
  }
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[A-Za-z0-9._-]{1,64}$/.test(first) ? first : undefined;
}

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}
