import { DateScalar } from '@casellario/kit';
import type { PrestazioniContext } from '../context';
import type { PrestazioneTable } from '../db/tables';
import { enumResolvers } from '../domain/codici';
import { aggregatiResolver } from './aggregati';
import { elencoResolver } from './elenco';
import { cartellaResolver, personaResolvers } from './persona';
import { prestazioneResolvers } from './prestazione';

/**
 * Everything a benefit subgraph resolves the same way, for its table. The subgraph
 * places the parts under its own type and field names (those of its SDL):
 * `types` (scalar and enums), `elenco` (its Query listing), `aggregati` (its Query of aggregates), `persona` plus `cartella`
 * (its `Persona` and the list field on it), `prestazione` (its benefit entity).
 */
export function prestazioniResolvers<C extends PrestazioniContext>(table: PrestazioneTable) {
  return {
    types: { Date: DateScalar, ...enumResolvers },
    elenco: elencoResolver<C>(table),
    aggregati: aggregatiResolver<C>(table),
    persona: personaResolvers<C>(),
    cartella: cartellaResolver<C>(),
    prestazione: prestazioneResolvers<C>(),
  };
}
