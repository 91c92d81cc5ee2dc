import type { GraphQLResolveInfo } from 'graphql';
import { readPageArgs, recordAccess, SOGGETTO_PERSONA, toPage } from '@casellario/kit';
import { badUserInput, forbidden } from '@casellario/policies';
import type { PrestazioniContext } from '../context';
import {
  findAnomaliePrestazioni,
  findPrestazioneControllabile,
  insertAccertamento,
  TIPI_ANOMALIA_PRESTAZIONE,
  type AnomaliaPrestazioneRow,
  type Sovrapposta,
} from '../db/controlli';
import type { AccertamentoRow, AccertamentoTable, PrestazioneRow, PrestazioneTable } from '../db/tables';
import { toAmount } from '../domain/codici';
import { readAccertamento, readFiltroAnomalie, type AccertamentoInput, type FiltroAnomalieInput, type RegoleAccertamento } from '../domain/controlli';

/** Arguments of a control listing. */
export interface AnomalieArgs<T extends string> {
  filtro?: FiltroAnomalieInput<T> | null;
  primi?: number | null;
  dopo?: string | null;
}

/**
 * Reading anomalies is an identifying read: each row points at a person (a control
 * body reads them to act on that person). Every person of the page is recorded under
 * the listing's name, whatever fields the client selected.
 */
export function recordAnomalieRead(ctx: unknown, campo: string, rows: ReadonlyArray<{ personaId: string }>): void {
  for (const r of rows) recordAccess(ctx, { tipo: SOGGETTO_PERSONA, id: r.personaId }, campo);
}

/**
 * The controls and the accertamento every benefit component shares (docs/controlli.md),
 * for its table: `anomalie` (its Query listing of SOVRAPPOSIZIONE_ENTI and
 * IMPORTO_INCOERENTE), the anomaly, evidence and overlap types, and `registraAccertamento`
 * (its Mutation) with the accertamento type. The subgraph places them under its own names.
 */
export function controlliResolvers<C extends PrestazioniContext>(
  table: PrestazioneTable,
  accertamenti: AccertamentoTable,
  options: { campo: string; entity: string; regole: RegoleAccertamento },
) {
  return {
    /**
     * `<Prestazione>.accertamenti`: what control bodies have recorded on a benefit
     * they can read, by any of them, so that a second body sees the first one's
     * outcome before it acts. Reading them is an identifying read of the person.
     */
    prestazioneAccertamenti: async (p: PrestazioneRow, _: unknown, ctx: C): Promise<AccertamentoRow[]> => {
      const rows = await ctx.loaders.accertamenti.load(p.id);
      if (rows.length > 0) recordAccess(ctx, { tipo: SOGGETTO_PERSONA, id: p.personaId }, `${options.entity}.accertamenti`);
      return rows;
    },
    anomalie: async (_: unknown, args: AnomalieArgs<(typeof TIPI_ANOMALIA_PRESTAZIONE)[number]>, ctx: C, info: GraphQLResolveInfo) => {
      const filtro = readFiltroAnomalie(args.filtro, TIPI_ANOMALIA_PRESTAZIONE);
      const { limit, after, seal } = readPageArgs({ ...args }, { ctx, listing: info.fieldName });
      const rows = await findAnomaliePrestazioni(ctx.handle, table, ctx.viewer, filtro, { limit, after });
      const page = toPage(rows, limit, (r) => [r.dataRiferimento, r.id, r.tipo], seal);
      recordAnomalieRead(ctx, options.campo, page.elementi);
      return page;
    },
    anomalia: {
      tipo: (a: AnomaliaPrestazioneRow) => a.tipo,
      prestazione: (a: AnomaliaPrestazioneRow, _: unknown, ctx: C) => ctx.loaders.prestazione.load(a.id),
      evidenza: (a: AnomaliaPrestazioneRow) => a,
    },
    evidenza: {
      sovrapposte: (a: AnomaliaPrestazioneRow) => a.sovrapposte,
      importoDichiarato: (a: AnomaliaPrestazioneRow) => a.importoDichiarato,
      importoMensile: (a: AnomaliaPrestazioneRow) => a.importoMensile,
      mesi: (a: AnomaliaPrestazioneRow) => a.mesi,
      importoAtteso: (a: AnomaliaPrestazioneRow) => a.importoAtteso,
      differenza: (a: AnomaliaPrestazioneRow) =>
        a.importoDichiarato === null || a.importoAtteso === null ? null : Math.round((a.importoDichiarato - a.importoAtteso) * 100) / 100,
      tolleranza: (a: AnomaliaPrestazioneRow) => a.tolleranza,
    },
    sovrapposizione: {
      prestazione: (s: Sovrapposta, _: unknown, ctx: C) => ctx.loaders.prestazione.load(s.id),
      dal: (s: Sovrapposta) => s.dal,
      al: (s: Sovrapposta) => s.al,
    },
    registraAccertamento: async (_: unknown, args: { input: AccertamentoInput }, ctx: C): Promise<AccertamentoRow> => {
      const input = readAccertamento(args.input, options.regole);
      // Already refused upstream without a case reference; the record must name one.
      if (!ctx.viewer.riferimento) throw forbidden('La finalità controllo richiede il riferimento della pratica (x-riferimento)');
      const id = ctx.codec.resolve(args.input.prestazione, ctx.viewer);
      const prestazione = id ? await findPrestazioneControllabile(ctx.handle, table, ctx.viewer, id) : null;
      // Unknown and out of scope answer alike: the mutation is no oracle of other enti's records.
      if (!prestazione) throw badUserInput('prestazione: prestazione non trovata tra quelle che questo ente può controllare', 'PRESTAZIONE_NON_TROVATA');
      const row = await insertAccertamento(ctx.handle, accertamenti, ctx.viewer, ctx.requestId, { prestazione, ...input });
      ctx.loaders.prestazione.prime(prestazione.id, prestazione);
      recordAccess(ctx, { tipo: SOGGETTO_PERSONA, id: prestazione.personaId }, 'accertamento');
      return row;
    },
    accertamento: {
      id: (a: AccertamentoRow) => a.id,
      prestazione: (a: AccertamentoRow, _: unknown, ctx: C) => ctx.loaders.prestazione.load(a.prestazioneId),
      tipoAnomalia: (a: AccertamentoRow) => a.tipoAnomalia,
      esito: (a: AccertamentoRow) => a.esito,
      importoDaRecuperare: (a: AccertamentoRow) => toAmount(a.importoDaRecuperare),
      sanzione: (a: AccertamentoRow) => toAmount(a.sanzione),
      note: (a: AccertamentoRow) => a.note,
      operatore: (a: AccertamentoRow) => a.operatore,
      ente: (a: AccertamentoRow) => a.ente,
      riferimento: (a: AccertamentoRow) => a.riferimento,
      istante: (a: AccertamentoRow) => (a.istante instanceof Date ? a.istante.toISOString() : String(a.istante)),
    },
  };
}
