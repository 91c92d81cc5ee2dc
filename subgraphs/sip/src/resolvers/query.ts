import { invalidCursor, readPageArgs, toPage } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { SipContext } from '../context';
import { findEsitiAnalisi, findSostegni, listCasi, type FiltroCasi } from '../db/queries';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
 * The cursor carries the last row's sort key with the internal case id: it is
 * sealed to the caller's audience and search (kit `readPageArgs`), so it shows
 * neither.
 */
function readCursore(after: Array<string | number> | null): { dataDomanda: string; id: string } | null {
  if (!after) return null;
  const [dataDomanda, id] = after;
  if (after.length !== 2 || typeof dataDomanda !== 'string' || !ISO_DATE.test(dataDomanda) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor();
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
    const { limit, after, seal } = readPageArgs(args, { ctx, listing: 'elencoCasiSip' });
    const filtro = readFiltro(args.filtro);
    const rows = await listCasi(ctx.handle, ctx.viewer, filtro, limit, readCursore(after));
    // Listing scope is never wider than the cartella scope of the `caso` loader.
    for (const r of rows) ctx.loaders.caso.prime(r.id, r);
    return toPage(rows, limit, (r) => [r.dataDomanda, r.id], seal);
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
