import { randomUUID } from 'node:crypto';
import { GATEWAY_PROOF_HEADER, gatewayProof, gatewaySecretsFromEnv, signDevToken, type GatewaySecrets, type TokenClaims } from '@casellario/policies';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; motivo?: string } }> | undefined;
  raw: string;
  /** The server's id of the request (response header `x-request-id`): what the access log records as `requestId`. */
  requestId: string | null;
}

let secrets: GatewaySecrets | null = null;

/**
 * The headers the gateway adds to a subgraph request (`x-request-id` and a fresh
 * proof bound to `authorization`), made with the same shared secret the servers of
 * this process trust: what a test sends to reach a subgraph directly as if through
 * the gateway. `authorization` is the whole header value (`Bearer …`), or undefined.
 */
export function gatewayProofHeaders(authorization: string | undefined, requestId: string = randomUUID()): Record<string, string> {
  secrets ??= gatewaySecretsFromEnv();
  return { 'x-request-id': requestId, [GATEWAY_PROOF_HEADER]: gatewayProof(secrets.current, { requestId, authorization }) };
}

/** The case reference test requests of control bodies carry unless told otherwise. */
export const TEST_RIFERIMENTO = 'PG-TEST/0001';

/** The `ruolo` claim of a token, read without verification (the server verifies it). */
function ruoloOf(token: string | undefined): unknown {
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { ruolo?: unknown }).ruolo;
  } catch {
    return undefined;
  }
}

/**
 * Posts a GraphQL operation over real HTTP, as a client would. It carries a valid
 * gateway proof unless `gatewayProof: false`, so that tests aimed at one subgraph
 * exercise that subgraph's own checks (token, shield, limits) rather than stop at
 * its gateway-only door; the gateway ignores the header (it makes its own). A
 * `controllo` token carries the case reference TEST_RIFERIMENTO in `x-riferimento`
 * unless `riferimento` says otherwise (`null`: none, to test the refusal).
 */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: {
    token?: string;
    variables?: Record<string, unknown>;
    headers?: Record<string, string>;
    gatewayProof?: boolean;
    riferimento?: string | null;
  } = {},
): Promise<GraphQLResult<T>> {
  const riferimento = options.riferimento === undefined ? (ruoloOf(options.token) === 'controllo' ? TEST_RIFERIMENTO : null) : options.riferimento;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(riferimento ? { 'x-riferimento': riferimento } : {}),
    ...options.headers,
  };
  const proof = options.gatewayProof === false ? {} : gatewayProofHeaders(headers.authorization, headers['x-request-id']);
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...proof, ...headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as { data?: T | null; errors?: GraphQLResult['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, raw, requestId: response.headers.get('x-request-id') };
}

/** Dev-signed tokens for the four purposes and audit, as the seed data's operators. */
export const ROLE_TOKENS = {
  gestione: (ente = 'H501') => signDevToken({ sub: `op-gestione-${ente}`, ruolo: 'gestione', ente }),
  controllo: (ente = 'GDF') => signDevToken({ sub: `op-controllo-${ente}`, ruolo: 'controllo', ente }),
  programmazione: (territorio = '12', ente = `R${territorio.slice(0, 2)}`) =>
    signDevToken({ sub: `op-programmazione-${territorio}`, ruolo: 'programmazione', ente, territorio }),
  monitoraggio: () => signDevToken({ sub: 'op-monitoraggio', ruolo: 'monitoraggio', ente: 'MLPS', territorio: 'IT' }),
  audit: () => signDevToken({ sub: 'op-dpo', ruolo: 'audit', ente: 'MLPS' }),
} satisfies Record<string, (...args: string[]) => Promise<string>>;

export type { TokenClaims };
