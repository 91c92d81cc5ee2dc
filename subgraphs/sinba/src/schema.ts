import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { readsSinba, sinbaPermissions } from '@casellario/policies/permissions/sinba';
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
  // the case row. The one declaration of what is identifying here: the shield
  // gives these `readsSinba` and `canSeeIdentifying` (of the readers, gestione only).
  accessiIdentificanti: {
    'CasoSinba.idBeneficiario': { soggetto: (c: CasoSinbaRow) => ({ tipo: SOGGETTO_CASO_SINBA, id: c.id }), regola: readsSinba },
    'MinoreSinba.annoNascita': { soggetto: (c: CasoSinbaRow) => ({ tipo: SOGGETTO_CASO_SINBA, id: c.id }), regola: readsSinba },
  },
};
