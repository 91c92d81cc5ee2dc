import { GraphQLError } from 'graphql';

/**
 * Expected errors carry an Apollo code and a message in Italian that an operator
 * understands. They never carry data from the registry: no codice fiscale, no name.
 */
export function unauthenticated(message = 'Autenticazione richiesta: token mancante o non valido'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** A denied field or operation: the field resolves to null beside this error. */
export function forbidden(message = 'Accesso non consentito per la finalità del token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A request that reached a subgraph without a valid gateway proof (DESIGN §2: the
 * gateway's checks come first). One message whatever was wrong — missing, forged,
 * expired or bound to another token — so a prober learns nothing from it.
 */
export function notThroughGateway(): GraphQLError {
  return new GraphQLError('Richiesta non ammessa: questo servizio risponde solo attraverso il gateway', {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

/** Bad input from the caller, with what to fix; `motivo` is a stable code programs can key on. */
export function badUserInput(message: string, motivo?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(motivo ? { motivo } : {}) } });
}

/** Codes whose messages are written for the client and may pass unmasked. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
