import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { forbidden } from '../errors';

export type Permissions = IRules;

/**
 * Wraps a built subgraph schema in its shield. Deny by default; errors thrown by
 * resolvers pass through (they are masked later by the server's error formatter,
 * which knows which codes are safe to show).
 */
export function applyPermissions(schema: GraphQLSchema, permissions: Permissions): GraphQLSchema {
  return applyMiddleware(
    schema,
    shield(permissions, {
      fallbackRule: deny,
      fallbackError: () => forbidden(),
      allowExternalErrors: true,
      debug: false,
    }),
  );
}
