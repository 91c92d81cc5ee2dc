import { readPageArgs, toPage } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { SipContext } from '../context';
import { findEsitiAnalisi, findSostegni, listCasi, type FiltroCasi } from '../db/queries';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the listing's filters; codes are checked for shape so that a typo is an error, not an empty page. */
function readFiltro(filtro: FiltroCasi | null | undefined): FiltroCasi {
  const f = filtro ?? {};
  if (f.anno != null && (!Number.isInteger(f.anno) || f.anno < 1900 || f.anno > 2100)) throw badUserInput('Anno non valido (AAAA)');
  if (f.codiceRegione != null && !/^\d{2}$/.test(f.codiceRegione)) throw badUserInput('Codice regione non valido: 2 cifre ISTAT');
  if (f.codiceComune != null && !/^\d{6}$/.test(f.codiceComune)) throw badUserInput('Codice comune non valido: 6 cifre ISTAT');
  if (f.enteCodice != null && !/^[A-Z0-9]{1,32}$/.test(f.enteCodice)) throw badUserInput('Codice ente non valido');
  return f;
}

/**
 * The cursor carries the last row's sort key with the case id as the caller saw it
 * (a pseudonym for programmazione and monitoraggio), so it never discloses an
 * internal id; it is turned back here.
 */
function readCursore(after: Array<string | number> | null, ctx: SipContext): { dataDomanda: string; id: string } | null {
  if (!after) return null;
  const [dataDomanda, shownId] = after;
  const id = typeof shownId === 'string' ? ctx.codec.resolve(shownId, ctx.viewer) : null;
  if (after.length !== 2 || typeof dataDomanda !== 'string' || !ISO_DATE.test(dataDomanda) || !id) {
    throw badUserInput('Cursore di paginazione (dopo) non valido');
  }
  return { dataDomanda, id };
}

export const Query = {
  /** A page of cases within the caller's listing scope, most recent application first. */
  async elencoCasiSip(
    _: unknown,
    args: { filtro?: FiltroCasi | null; primi?: number | null; dopo?: string | null },
    ctx: SipContext,
  ) {
    const { limit, after } = readPageArgs(args);
    const filtro = readFiltro(args.filtro);
    const rows = await listCasi(ctx.handle, ctx.viewer, filtro, limit, readCursore(after, ctx));
    // Listing scope is never wider than the cartella scope of the `caso` loader.
    for (const r of rows) ctx.loaders.caso.prime(r.id, r);
    return toPage(rows, limit, (r) => [r.dataDomanda, ctx.codec.present(r.id, ctx.viewer)]);
  },
  catalogoSip: () => ({}),
};

export const CatalogoSip = {
  esitiAnalisiPreliminare: async (_: unknown, __: unknown, ctx: SipContext) =>
    (await findEsitiAnalisi(ctx.handle)).map(({ codice, descrizione }) => ({ codice, descrizione })),
  sostegni: (_: unknown, __: unknown, ctx: SipContext) => findSostegni(ctx.handle),
};

export const VoceCatalogoSip = {
  codice: (v: { codice: string }) => v.codice,
  descrizione: (v: { descrizione: string }) => v.descrizione,
};
