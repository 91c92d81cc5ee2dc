import { invalidCursor, readPageArgs, toPage } from '@casellario/kit';
import { badUserInput } from '@casellario/policies';
import type { SinaContext } from '../context';
import { aggregatiValutazioniSina } from './aggregati';
import { listValutazioni, type FiltroValutazioni, type ListingCursor } from '../db/queries';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks the filter's free-text codes, so a typo is an error and not an empty page. */
function readFiltro(filtro: FiltroValutazioni | null | undefined): FiltroValutazioni {
  const f = filtro ?? {};
  if (f.anno != null && (f.anno < 1900 || f.anno > 9999)) throw badUserInput('Anno non valido (filtro.anno)');
  if (f.codiceRegione != null && !/^\d{2}$/.test(f.codiceRegione)) throw badUserInput('Codice regione non valido: 2 cifre ISTAT (filtro.codiceRegione)');
  if (f.codiceComune != null && !/^\d{6}$/.test(f.codiceComune)) throw badUserInput('Codice comune non valido: 6 cifre ISTAT (filtro.codiceComune)');
  if (f.enteCodice != null && !/^[A-Za-z0-9]{1,32}$/.test(f.enteCodice)) throw badUserInput('Codice ente non valido (filtro.enteCodice)');
  return f;
}

/**
 * The cursor holds the last row's date and internal id: it is sealed to the
 * caller's audience and search (kit `readPageArgs`), so it shows neither.
 */
function readCursor(after: Array<string | number> | null): ListingCursor | null {
  if (!after) return null;
  const [dataValutazione, id] = after;
  if (after.length !== 2 || typeof dataValutazione !== 'string' || !ISO_DATE.test(dataValutazione) || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor();
  }
  return { dataValutazione, id };
}

export const Query = {
  aggregatiValutazioniSina,
  /** One page of assessments in the caller's row scope (see `db/scope.ts`). */
  async elencoValutazioniSina(
    _: unknown,
    args: { filtro?: FiltroValutazioni | null; primi?: number | null; dopo?: string | null },
    ctx: SinaContext,
  ) {
    const { limit, after, seal } = readPageArgs(args, { ctx, listing: 'elencoValutazioniSina' });
    const cursor = readCursor(after);
    const rows = await listValutazioni(ctx.handle, ctx.viewer, readFiltro(args.filtro), limit, cursor);
    for (const row of rows) ctx.loaders.valutazione.prime(row.id, row);
    return toPage(rows, limit, (r) => [r.dataValutazione, r.id], seal);
  },
};
