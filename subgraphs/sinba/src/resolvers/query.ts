import { readPageArgs, toPage } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { SinbaContext } from '../context';
import { aggregatiEventiSinba } from './aggregati';
import { findCasiByIdBeneficiario, listCasi, listingKey, type FiltroCasi } from '../db/queries';

/** Checks the listing's filters; messages never echo the values sent. */
function readFiltro(filtro: FiltroCasi | null | undefined): FiltroCasi {
  const f = filtro ?? {};
  const anno = f.annoPrimaSegnalazione;
  if (anno != null && (!Number.isInteger(anno) || anno < 1900 || anno > 2099)) {
    throw badUserInput('annoPrimaSegnalazione deve essere un anno tra 1900 e 2099');
  }
  if (f.codiceRegione != null && !/^\d{2}$/.test(f.codiceRegione)) throw badUserInput('codiceRegione deve essere il codice ISTAT a 2 cifre');
  if (f.enteCodice != null && (f.enteCodice.length < 1 || f.enteCodice.length > 32)) throw badUserInput('enteCodice deve avere da 1 a 32 caratteri');
  return f;
}

export const Query = {
  aggregatiEventiSinba,
  /** The caller's own ente's cases with this local id; the scope is in the query, so another ente's id finds nothing. */
  async casoSinba(_: unknown, { idBeneficiario }: { idBeneficiario: string }, ctx: SinbaContext) {
    if (idBeneficiario.length < 1 || idBeneficiario.length > 20) throw badUserInput('IDBeneficiario deve avere da 1 a 20 caratteri');
    const rows = await findCasiByIdBeneficiario(ctx.handle, ctx.viewer, idBeneficiario);
    for (const row of rows) ctx.loaders.caso.prime(row.id, row);
    return rows;
  },

  /** One page of the cases in the caller's scope (own ente, territory or national by purpose). */
  async elencoCasiSinba(
    _: unknown,
    args: { filtro?: FiltroCasi | null; primi?: number | null; dopo?: string | null },
    ctx: SinbaContext,
  ) {
    const page = readPageArgs(args, { ctx, listing: 'elencoCasiSinba' });
    const rows = await listCasi(ctx.handle, ctx.viewer, readFiltro(args.filtro), page);
    for (const row of rows) ctx.loaders.caso.prime(row.id, row);
    return toPage(rows, page.limit, listingKey, page.seal);
  },
};
