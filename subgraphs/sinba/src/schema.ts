import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { sinbaPermissions } from '@casellario/policies/permissions/sinba';
import { gql } from 'graphql-tag';
import type { SinbaContext } from './context';
import type { CasoSinbaRow } from './db/queries';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

/** The access log's subject kind for SINBA cases. */
export const SOGGETTO_CASO_SINBA = 'caso-sinba';

export const definition: SubgraphDefinition<SinbaContext> = {
  name: 'sinba',
  typeDefs: gql(sdl),
  resolvers,
  permissions: sinbaPermissions,
  // A SINBA case is never joined to a person (pseudonymous at source): the subject
  // of the record is the case itself, by its internal id. `MinoreSinba`'s parent is
  // the case row.
  accessiIdentificanti: {
    'CasoSinba.idBeneficiario': (c: CasoSinbaRow) => ({ tipo: SOGGETTO_CASO_SINBA, id: c.id }),
    'MinoreSinba.annoNascita': (c: CasoSinbaRow) => ({ tipo: SOGGETTO_CASO_SINBA, id: c.id }),
  },
};
