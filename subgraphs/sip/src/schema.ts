import { readFileSync } from 'node:fs';
import { sipPermissions } from '@casellario/policies/permissions/sip';
import type { SubgraphDefinition } from '@casellario/kit';
import { gql } from 'graphql-tag';
import type { SipContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<SipContext> = {
  name: 'sip',
  typeDefs: gql(sdl),
  resolvers,
  permissions: sipPermissions,
};
