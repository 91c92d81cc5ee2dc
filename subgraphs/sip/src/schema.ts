import { readFileSync } from 'node:fs';
import { sipPermissions } from '@casellario/policies/permissions/sip';
import type { SubgraphDefinition } from '@casellario/kit';
import { gql } from 'graphql-tag';
import type { SipContext } from './context';
import type { CasoRow, ImpegnoRow, ProgettoRow } from './db/queries';
import { resolvers } from './resolvers';

/** The access log's subject kind for SIP cases (a household, not one person). */
export const SOGGETTO_CASO_SIP = 'caso-sip';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<SipContext> = {
  name: 'sip',
  typeDefs: gql(sdl),
  resolvers,
  permissions: sipPermissions,
  // The one declaration of what is identifying here (shield rule and access log
  // derive from it): what the ente typed. The case number and the project's
  // objectives belong to the household's case; a commitment to its member.
  accessiIdentificanti: {
    'CasoSip.protocolloCaso': (c: CasoRow) => ({ tipo: SOGGETTO_CASO_SIP, id: c.id }),
    'ProgettoSip.obiettivi': (p: ProgettoRow) => ({ tipo: SOGGETTO_CASO_SIP, id: p.casoId }),
    'ImpegnoSip.descrizione': (i: ImpegnoRow) => i.personaId,
  },
};
