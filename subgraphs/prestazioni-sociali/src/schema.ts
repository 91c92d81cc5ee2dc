import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { prestazioniSocialiPermissions } from '@casellario/policies/permissions/prestazioni-sociali';
import { prestazioniAccessiIdentificanti } from '@casellario/prestazioni-core';
import { gql } from 'graphql-tag';
import type { PrestazioniSocialiContext } from './context';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<PrestazioniSocialiContext> = {
  name: 'prestazioni-sociali',
  typeDefs: gql(sdl),
  resolvers,
  permissions: prestazioniSocialiPermissions,
  accessiIdentificanti: prestazioniAccessiIdentificanti('PrestazioneSociale', 'Sociale'),
};
