import { signDevToken, type TokenClaims } from '@casellario/policies';

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }> | undefined;
  raw: string;
}

/** Posts a GraphQL operation over real HTTP, as a client would. */
export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as { data?: T | null; errors?: GraphQLResult['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, raw };
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
