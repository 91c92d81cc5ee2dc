import type { AnagrafeContext } from '../context';
import type { PersonaRow } from '../db/queries';

/** Resolvers receive the row; only `id` is presented differently per purpose. */
export const Persona = {
  async __resolveReference(reference: { id: string }, ctx: AnagrafeContext): Promise<PersonaRow | null> {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? ctx.loaders.persona.load(internalId) : null;
  },
  id: (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => ctx.codec.present(persona.id, ctx.viewer),
  codiceFiscale: (persona: PersonaRow) => persona.codiceFiscale,
  tipoCodiceFiscale: (persona: PersonaRow) => persona.tipoCodiceFiscale,
  anagrafica: (persona: PersonaRow) => persona,
  residenza: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) =>
    (await ctx.loaders.indirizzi.load(persona.id)).find((i) => i.ordine === 1) ?? null,
  indirizzi: (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => ctx.loaders.indirizzi.load(persona.id),
};
