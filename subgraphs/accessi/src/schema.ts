import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { accessiPermissions } from '@casellario/policies/permissions/accessi';
import { gql } from 'graphql-tag';
import type { AccessiContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<AccessiContext> = {
  name: 'accessi',
  typeDefs: gql(sdl),
  resolvers,
  permissions: accessiPermissions,
};
