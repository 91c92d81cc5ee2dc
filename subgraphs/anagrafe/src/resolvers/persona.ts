import type { AnagrafeContext } from '../context';
import type { DichiarazioneRow, IndirizzoRow, PersonaRow } from '../db/queries';
import { anagraficaMostrata, discrepanze, valoriMostrati, type AnagraficaMostrata } from '../domain/anagrafica-mostrata';

/** The purposes that read a person by name, and so may see their own ente's claim. */
const IDENTIFICANTI = new Set(['gestione', 'controllo']);

function claimsOf(rows: readonly DichiarazioneRow[]) {
  return rows.map((d) => ({ ...d, indirizzi: d.indirizzi ?? [] }));
}

/**
 * What this viewer is shown of the person (docs/security.md, "Which value is
 * shown"): for gestione and controllo of an ente that sent a claim, that claim;
 * for everyone else the titolare's, which is what `persona` and `indirizzo` store.
 */
async function mostrataPer(persona: PersonaRow, ctx: AnagrafeContext, sempre: boolean): Promise<{ mostrata?: AnagraficaMostrata; claims: ReturnType<typeof claimsOf> }> {
  if (!IDENTIFICANTI.has(ctx.viewer.ruolo)) return { claims: [] };
  const claims = claimsOf(await ctx.loaders.dichiarazioni.load(persona.id));
  const propria = ctx.viewer.ente !== persona.enteTitolare && claims.some((d) => d.ente === ctx.viewer.ente);
  if (!propria && !sempre) return { claims };
  return { mostrata: anagraficaMostrata(persona.codiceFiscale, claims, persona.enteTitolare, ctx.viewer.ente), claims };
}

function indirizziDi(persona: PersonaRow, m: AnagraficaMostrata): IndirizzoRow[] {
  return m.indirizzi.slice(0, 5).map((a, n) => ({ personaId: persona.id, ordine: n + 1, ...a }));
}

/** Resolvers receive the row; only `id` is presented differently per purpose. */
export const Persona = {
  async __resolveReference(reference: { id: string }, ctx: AnagrafeContext): Promise<PersonaRow | null> {
    const internalId = ctx.codec.resolve(reference.id, ctx.viewer);
    return internalId ? ctx.loaders.persona.load(internalId) : null;
  },
  id: (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => ctx.codec.present(persona.id, ctx.viewer),
  codiceFiscale: (persona: PersonaRow) => persona.codiceFiscale,
  tipoCodiceFiscale: (persona: PersonaRow) => persona.tipoCodiceFiscale,
  // The Anagrafica resolvers read a row shaped like `persona`; the id stays for the access log.
  anagrafica: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext): Promise<PersonaRow> => {
    const { mostrata: m } = await mostrataPer(persona, ctx, false);
    if (!m) return persona;
    return { ...persona, ...valoriMostrati(m) };
  },
  residenza: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => {
    const { mostrata: m } = await mostrataPer(persona, ctx, false);
    if (m) return indirizziDi(persona, m)[0] ?? null;
    return (await ctx.loaders.indirizzi.load(persona.id)).find((i) => i.ordine === 1) ?? null;
  },
  indirizzi: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => {
    const { mostrata: m } = await mostrataPer(persona, ctx, false);
    return m ? indirizziDi(persona, m) : ctx.loaders.indirizzi.load(persona.id);
  },
  provenienza: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => {
    const { mostrata: m } = await mostrataPer(persona, ctx, true);
    if (!m) return [];
    return Object.entries(m.provenienza).map(([campo, p]) => ({ campo, ...p, ricevutoIl: p.ricevutoIl?.toISOString() ?? null }));
  },
  discrepanze: async (persona: PersonaRow, _: unknown, ctx: AnagrafeContext) => {
    const { mostrata: m, claims } = await mostrataPer(persona, ctx, true);
    if (!m) return [];
    return discrepanze(persona.codiceFiscale, m, claims).map((d) => ({ ...d, ricevutoIl: d.ricevutoIl?.toISOString() ?? null }));
  },
};
