import { prestazioniResolvers } from '@casellario/prestazioni-core';
import type { PrestazioniSocialiContext } from '../context';
import { prestazione } from '../db/schema';

const shared = prestazioniResolvers<PrestazioniSocialiContext>(prestazione);

/** The shared benefit resolvers under PS's names (schema.graphql). */
export const resolvers = {
  ...shared.types,
  Query: { elencoPrestazioniSociali: shared.elenco },
  Persona: { ...shared.persona, prestazioniSociali: shared.cartella },
  PrestazioneSociale: shared.prestazione,
};
