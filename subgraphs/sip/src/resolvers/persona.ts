import type { SipContext } from '../context';
import type { ValutazioneRow } from '../db/queries';

/** A person as SIP knows it: nothing but the internal id, presented per purpose. */
export interface PersonaRef {
  id: string;
}

export const Persona = {
  /**
   * SIP holds no persons of its own: a known id resolves to a reference whose
   * cases are then read within the viewer's scope (possibly none). An id that is
   * not one of the caller's (an internal id sent by programmazione, the other
   * audience's pseudonym) resolves to null.
   */
  __resolveReference(reference: { id: string }, ctx: SipContext): PersonaRef | null {
    const id = ctx.codec.resolve(reference.id, ctx.viewer);
    return id ? { id } : null;
  },
  id: (p: PersonaRef, _: unknown, ctx: SipContext) => ctx.codec.present(p.id, ctx.viewer),
  valutazioniSip: (p: PersonaRef, _: unknown, ctx: SipContext) => ctx.loaders.valutazioni.load(p.id),
};

export const ValutazioneSip = {
  ruoloNelNucleo: (v: ValutazioneRow) => v.componente.ruolo,
  attivabileLavoro: (v: ValutazioneRow) => v.componente.attivabileLavoro,
  caso: (v: ValutazioneRow) => v.caso,
};
