import { readFileSync } from 'node:fs';
import type { SubgraphDefinition } from '@casellario/kit';
import { sinaPermissions } from '@casellario/policies/permissions/sina';
import { gql } from 'graphql-tag';
import type { SinaContext } from './context';
import type { ValutazioneRow } from './db/queries';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<SinaContext> = {
  name: 'sina',
  typeDefs: gql(sdl),
  resolvers,
  permissions: sinaPermissions,
  // The one declaration of what is identifying here: shield rule and access log derive from it.
  accessiIdentificanti: {
    'ValutazioneSina.protocolloDomanda': (v: ValutazioneRow) => v.personaId,
  },
};
