import type { GraphQLResolveInfo } from 'graphql';
import { readPageArgs, toPage } from '@casellario/kit';
import type { PrestazioniContext } from '../context';
import { elencoKey, findPrestazioniPage } from '../db/queries';
import type { PrestazioneTable } from '../db/tables';
import { readFiltro, type FiltroPrestazioniInput } from '../domain/filtro';

/** Arguments of `elencoPrestazioniAgevolate` / `elencoPrestazioniSociali`. */
export interface ElencoArgs {
  filtro?: FiltroPrestazioniInput | null;
  primi?: number | null;
  dopo?: string | null;
}

/**
 * The listing for programmazione and monitoraggio (and gestione and controllo
 * within their scope): a keyset page of the component's benefits, filtered, scoped
 * in SQL to the viewer, the person shown only through `persona { id }`.
 */
export function elencoResolver<C extends PrestazioniContext>(table: PrestazioneTable) {
  return async (_: unknown, args: ElencoArgs, ctx: C, info: GraphQLResolveInfo) => {
    const filtro = readFiltro(args.filtro);
    // Each subgraph names its listing in its SDL: the cursor is bound to that name.
    const { limit, after, seal } = readPageArgs({ ...args }, { ctx, listing: info.fieldName });
    const rows = await findPrestazioniPage(ctx.handle, table, ctx.viewer, filtro, { limit, after });
    for (const row of rows) ctx.loaders.prestazione.prime(row.id, row);
    return toPage(rows, limit, elencoKey, seal);
  };
}
