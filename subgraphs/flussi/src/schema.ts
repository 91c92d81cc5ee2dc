import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { flussiPermissions } from '@casellario/policies/permissions/flussi';
import { gql } from 'graphql-tag';
import type { FlussiContext } from './context';
import type { EsitoRow } from './db/queries';
import { resolvers } from './resolvers';

/**
 * The access log's subject kind for a record of a flow: the esito names the
 * beneficiary only through the sender's text (the flow stores no person id), so the
 * subject is the record itself, `<flow id>:<record number>`.
 */
export const SOGGETTO_ESITO = 'esito';

const esitoSubject = (e: EsitoRow) => ({ tipo: SOGGETTO_ESITO, id: `${e.flussoId}:${e.numero}` });

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<FlussiContext> = {
  name: 'flussi',
  typeDefs: gql(sdl),
  resolvers,
  permissions: flussiPermissions,
  // The one declaration of what is identifying here (shield rule and access log derive from it).
  accessiIdentificanti: {
    'Esito.riferimento': esitoSubject,
    'Esito.protocolloDomanda': esitoSubject,
  },
};
