import { readFileSync } from 'node:fs';
import { anagrafePermissions } from '@casellario/policies/permissions/anagrafe';
import type { SubgraphDefinition } from '@casellario/kit';
import { gql } from 'graphql-tag';
import type { AnagrafeContext } from './context';
import type { PersonaRow } from './db/queries';
import { resolvers } from './resolvers';

/** The contract, read from the SDL file at the package root. */
export const sdl = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');

export const definition: SubgraphDefinition<AnagrafeContext> = {
  name: 'anagrafe',
  typeDefs: gql(sdl),
  resolvers,
  permissions: anagrafePermissions,
  // The fields the shield grants with canSeeIdentifying; Anagrafica's parent is the person's row too.
  accessiIdentificanti: {
    'Query.persona': { campo: 'cartella', soggetto: (_: unknown, persona: PersonaRow) => persona.id },
    'Persona.codiceFiscale': (p: PersonaRow) => p.id,
    'Persona.tipoCodiceFiscale': (p: PersonaRow) => p.id,
    'Anagrafica.cognome': (p: PersonaRow) => p.id,
    'Anagrafica.nome': (p: PersonaRow) => p.id,
    'Anagrafica.annoNascita': (p: PersonaRow) => p.id,
    'Anagrafica.luogoNascita': (p: PersonaRow) => p.id,
    'Persona.provenienza': (p: PersonaRow) => p.id,
    'Persona.discrepanze': (p: PersonaRow) => p.id,
  },
};
