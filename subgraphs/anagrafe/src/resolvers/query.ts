import { badUserInput } from '@casellario/policies';
import { validateCodiceFiscale } from '@casellario/domain';
import type { AnagrafeContext } from '../context';
import { findPersonaByCodiceFiscale } from '../db/queries';

export const Query = {
  /** Looks a person up by the exact codice fiscale; an omocode is a different person. */
  async persona(_: unknown, { codiceFiscale }: { codiceFiscale: string }, ctx: AnagrafeContext) {
    const check = validateCodiceFiscale(codiceFiscale);
    if (!check.valid) throw badUserInput(check.error?.message ?? 'Codice fiscale non valido');
    const row = await findPersonaByCodiceFiscale(ctx.handle, ctx.viewer, check.normalized);
    if (row) ctx.loaders.persona.prime(row.id, row);
    return row ?? null;
  },
  ente: (_: unknown, { codice }: { codice: string }, ctx: AnagrafeContext) => ctx.loaders.ente.load(codice),
  comune: (_: unknown, { codiceIstat }: { codiceIstat: string }, ctx: AnagrafeContext) => ctx.loaders.comune.load(codiceIstat),
};
