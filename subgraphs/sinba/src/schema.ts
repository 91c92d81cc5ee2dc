import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { sinbaPermissions } from '@casellario/policies/permissions/sinba';
import { gql } from 'graphql-tag';
import type { SinbaContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<SinbaContext> = {
  name: 'sinba',
  typeDefs: gql(sdl),
  resolvers,
  permissions: sinbaPermissions,
};
