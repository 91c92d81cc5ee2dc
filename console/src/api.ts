import type { Sessione } from './session';

export interface GraphQLErrorInfo {
  message: string;
  extensions?: { code?: string; motivo?: string };
}

/** A request the platform refused as a whole, or whose answer lacks the data asked for. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface ApiClient {
  /** Runs one operation; partial answers return their data, a failure with no data throws. */
  request<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors: GraphQLErrorInfo[] }>;
  /** Like `request`, reporting the upload's progress (0..1): flows can be tens of MB. */
  upload<T>(query: string, variables: Record<string, unknown>, onProgress: (fraction: number) => void): Promise<{ data: T; errors: GraphQLErrorInfo[] }>;
}

/** Attempts of one request the gateway answers 429 (too many in flight for this operator). */
const MAX_ATTEMPTS = 5;

/** `Retry-After` in seconds as milliseconds (1 s when absent or unreadable, at most 10 s). */
function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds : 1, 10) * 1000;
}

/** The headers every request carries: the operator's token and, when set, the case reference. */
function headersFor(sessione: Sessione): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Bearer ${sessione.token}`,
    ...(sessione.riferimento ? { 'x-riferimento': sessione.riferimento } : {}),
  };
}

function interpret<T>(status: number, text: string): { data: T; errors: GraphQLErrorInfo[] } {
  let body: { data?: T | null; errors?: GraphQLErrorInfo[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new ApiError(`Risposta non valida dal gateway (HTTP ${status})`, undefined);
  }
  const errors = body.errors ?? [];
  if (body.data === undefined || body.data === null) {
    const first = errors[0];
    throw new ApiError(first?.message ?? `Richiesta non riuscita (HTTP ${status})`, first?.extensions?.code);
  }
  return { data: body.data, errors };
}

/**
 * A client of the gateway's GraphQL API for one signed-in operator. When the
 * platform stops recognising the token (expired, revoked key), `onUnauthenticated`
 * ends the session: every later request would fail the same way.
 */
export function createApiClient(gatewayUrl: string, sessione: Sessione, onUnauthenticated: (message: string) => void = () => {}): ApiClient {
  const watch = <T>(run: () => Promise<T>): Promise<T> =>
    run().catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onUnauthenticated(error.message);
      throw error;
    });
  return {
    request(query, variables) {
      return watch(async () => {
        const body = JSON.stringify({ query, variables });
        for (let attempt = 1; ; attempt++) {
          let response: Response;
          try {
            response = await fetch(gatewayUrl, { method: 'POST', headers: headersFor(sessione), body });
          } catch {
            throw new ApiError('Gateway non raggiungibile', undefined);
          }
          // The gateway bounds each operator's requests in flight (429 with Retry-After): a screen
          // that loads several tables at once waits its turn instead of showing an error.
          const wait = response.status === 429 && attempt < MAX_ATTEMPTS ? retryAfterMs(response.headers.get('retry-after')) : null;
          if (wait === null) return interpret(response.status, await response.text());
          await new Promise((done) => setTimeout(done, wait));
        }
      });
    },
    upload(query, variables, onProgress) {
      return watch(() => new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', gatewayUrl);
        for (const [name, value] of Object.entries(headersFor(sessione))) xhr.setRequestHeader(name, value);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        };
        xhr.onload = () => {
          try {
            resolve(interpret(xhr.status, xhr.responseText));
          } catch (error) {
            reject(error);
          }
        };
        xhr.onerror = () => reject(new ApiError('Gateway non raggiungibile', undefined));
        xhr.send(JSON.stringify({ query, variables }));
      }));
    },
  };
}
