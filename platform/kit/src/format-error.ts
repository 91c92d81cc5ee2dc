import { unwrapResolverError } from '@apollo/server/errors';
import { CLIENT_ERROR_CODES } from '@casellario/policies';
import type { GraphQLFormattedError } from 'graphql';
import { logger } from './logger';
import { safeError } from './safe-error';

// Codici fiscali (16-char, omocodes included) and 11-digit temporary codes.
const CODICE_FISCALE = /\b[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]\b|\b\d{11}\b/g;

/** Removes anything shaped like a codice fiscale from a text meant for a client. */
export function scrubIdentifiers(text: string): string {
  return text.replace(CODICE_FISCALE, '[codice fiscale]');
}

// graphql-js appends " Did you mean "x", "y"?" (or "the enum value", "to use an inline
// fragment on") to validation and variable errors: with introspection off it is a way to
// read the schema by guessing. Names in it are GraphQL names, which never contain "?".
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/** Removes graphql-js's "Did you mean …?" suggestions from an error message. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}

/**
 * Two kinds of error (CONVENTIONS §6): expected ones carry a client code and pass
 * with their message (scrubbed of anything shaped like a codice fiscale); anything
 * else is logged in full here and reaches the client as a bare internal error, so
 * that SQL text, stack traces or data never leave the service. Outside development,
 * field and type suggestions are removed from every message: introspection is off,
 * and "Did you mean …?" would give the schema away field by field.
 */
export function createErrorFormatter({ development }: { development: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      return {
        // Development keeps the suggestions: they help whoever writes the query.
        message: scrubIdentifiers(development ? formatted.message : withoutSuggestions(formatted.message)),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: development
          ? { ...formatted.extensions, code }
          : { code, ...(typeof formatted.extensions?.motivo === 'string' ? { motivo: formatted.extensions.motivo } : {}) },
      };
    }
    // The full error (with SQL parameters) stays out of logs too: only its kind, message and code.
    logger.error({ err: safeError(unwrapResolverError(error)), path: formatted.path }, 'internal error masked');
    if (development) return formatted;
    return {
      message: 'Errore interno del servizio',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
