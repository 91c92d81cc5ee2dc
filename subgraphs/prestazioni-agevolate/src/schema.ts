import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { prestazioniAgevolatePermissions } from '@casellario/policies/permissions/prestazioni-agevolate';
import { prestazioniAccessiIdentificanti } from '@casellario/prestazioni-core';
import { gql } from 'graphql-tag';
import type { PrestazioniAgevolateContext } from './context';
import type { DsuRow } from './db/queries';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<PrestazioniAgevolateContext> = {
  name: 'prestazioni-agevolate',
  typeDefs: gql(sdl),
  resolvers,
  permissions: prestazioniAgevolatePermissions,
  accessiIdentificanti: {
    ...prestazioniAccessiIdentificanti('PrestazioneAgevolata', 'Agevolata'),
    // The INPS protocol re-identifies the declarant, whoever the benefit is for.
    'Dsu.protocollo': (d: DsuRow) => d.dichiaranteId,
  },
};
