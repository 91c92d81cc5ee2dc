import type { PrestazioniContext } from '../context';
import type { PrestazioneRow } from '../db/tables';
import { checkAnno } from '../domain/filtro';

/** A person as a component subgraph knows it: the internal id and nothing else. */
export interface PersonaRef {
  id: string;
}

/**
 * `Persona` in a component subgraph: the reference turns the id the caller holds
 * (internal id or pseudonym of its audience) back into the internal id; an id that
 * is not the caller's resolves to null. Nothing is read here: the person's rows are
 * read by the field that lists them.
 */
export function personaResolvers<C extends PrestazioniContext>() {
  return {
    __resolveReference(reference: { id: string }, ctx: C): PersonaRef | null {
      const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
      return internalId ? { id: internalId } : null;
    },
    id: (persona: PersonaRef, _: unknown, ctx: C) => ctx.codec.present(persona.id, ctx.viewer),
  };
}

/**
 * `Persona.prestazioniAgevolate` / `Persona.prestazioniSociali`: the person's benefits
 * of this component, newest first, cancelled ones hidden unless asked for, batched
 * across every person of the request.
 */
export function cartellaResolver<C extends PrestazioniContext>() {
  return (persona: PersonaRef, args: { anno?: number | null; includiAnnullate?: boolean | null }, ctx: C): Promise<PrestazioneRow[]> =>
    ctx.loaders.cartella.load({ personaId: persona.id, anno: checkAnno(args.anno), includiAnnullate: args.includiAnnullate ?? false });
}
