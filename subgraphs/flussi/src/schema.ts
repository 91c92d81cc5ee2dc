import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { flussiPermissions } from '@casellario/policies/permissions/flussi';
import { gql } from 'graphql-tag';
import type { FlussiContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<FlussiContext> = {
  name: 'flussi',
  typeDefs: gql(sdl),
  resolvers,
  permissions: flussiPermissions,
};
