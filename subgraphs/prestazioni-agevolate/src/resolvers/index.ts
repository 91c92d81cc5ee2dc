import { prestazioniResolvers } from '@casellario/prestazioni-core';
import type { PrestazioniAgevolateContext } from '../context';
import { prestazione } from '../db/schema';
import { Dsu, prestazioneDsu } from './dsu';

const shared = prestazioniResolvers<PrestazioniAgevolateContext>(prestazione);

/** The shared benefit resolvers under PSA's names (schema.graphql), plus the DSU. */
export const resolvers = {
  ...shared.types,
  Query: { elencoPrestazioniAgevolate: shared.elenco },
  Persona: { ...shared.persona, prestazioniAgevolate: shared.cartella },
  PrestazioneAgevolata: { ...shared.prestazione, dsu: prestazioneDsu },
  Dsu,
};
