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
        let response: Response;
        try {
          response = await fetch(gatewayUrl, { method: 'POST', headers: headersFor(sessione), body: JSON.stringify({ query, variables }) });
        } catch {
          throw new ApiError('Gateway non raggiungibile', undefined);
        }
        return interpret(response.status, await response.text());
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
