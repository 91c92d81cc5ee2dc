import type { SinaContext } from '../context';

/** A person as this subgraph knows it: only the internal id. */
export interface PersonaRef {
  id: string;
}

/** `Persona` carries the internal id; only `id` is presented differently per purpose. */
export const Persona = {
  __resolveReference(reference: { id: string }, ctx: SinaContext): PersonaRef | null {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? { id: internalId } : null;
  },
  id: (persona: PersonaRef, _: unknown, ctx: SinaContext) => ctx.codec.present(persona.id, ctx.viewer),
  valutazioniSina: (persona: PersonaRef, _: unknown, ctx: SinaContext) => ctx.loaders.valutazioniByPersona.load(persona.id),
};
