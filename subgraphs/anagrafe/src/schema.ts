import { readFileSync } from 'node:fs';
import { anagrafePermissions } from '@casellario/policies/permissions/anagrafe';
import type { SubgraphDefinition } from '@casellario/kit';
import { gql } from 'graphql-tag';
import type { AnagrafeContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<AnagrafeContext> = {
  name: 'anagrafe',
  typeDefs: gql(sdl),
  resolvers,
  permissions: anagrafePermissions,
};
