import type { DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { checkControlCursor, controlConditions, type FiltroAnomalie } from '@casellario/prestazioni-core';
import { eq, sql } from 'drizzle-orm';
import { dsu, prestazione } from './schema';

/** The ISEE controls, in the order a benefit is judged: the first that applies is its kind. */
export const TIPI_ANOMALIA_ISEE = ['DSU_ASSENTE', 'DSU_ALTRA_PERSONA', 'DSU_NON_VALIDA', 'ISEE_SOPRA_SOGLIA'] as const;
export type TipoAnomaliaIsee = (typeof TIPI_ANOMALIA_ISEE)[number];

/** One row of `anomalieIsee`: the kind, the benefit and what the DSU shows. */
export interface AnomaliaIseeRow {
  tipo: TipoAnomaliaIsee;
  id: string;
  personaId: string;
  dataRiferimento: string;
  soglia: number | null;
  dsuId: string | null;
  isee: number | null;
  dataPresentazioneDsu: string | null;
  dataScadenzaDsu: string | null;
  beneficiarioNelNucleo: boolean | null;
}

/**
 * One page of ISEE anomalies in ONE statement: every benefit with PresenzaProvaMezzi 1
 * (ISEE-tested; 3 waives the test for its beneficiary) within the viewer's scope and
 * the filters, joined to the DSU it cites by protocol (unique index), judged by a
 * CASE in the order of TIPI_ANOMALIA_ISEE, kept when it has a kind that was asked for;
 * newest first by `(data_riferimento, id)`, the cursor in the same WHERE.
 */
export async function findAnomalieIsee(
  handle: DatabaseHandle,
  viewer: Viewer,
  filtro: FiltroAnomalie<TipoAnomaliaIsee>,
  page: { limit: number; after: Array<string | number> | null },
): Promise<AnomaliaIseeRow[]> {
  const cursor = checkControlCursor(page.after, null);
  if (filtro.tipi.length === 0) return [];
  const p = prestazione;
  const nelNucleo = sql`(${p.personaId} = any(${dsu.componentiIds}))`;
  const tipo = sql`case
      when ${dsu.id} is null then 'DSU_ASSENTE'
      when not ${nelNucleo} then 'DSU_ALTRA_PERSONA'
      when ${p.dataRiferimento} < ${dsu.dataPresentazione} or ${p.dataRiferimento} > ${dsu.dataScadenza} then 'DSU_NON_VALIDA'
      when ${p.importoSogliaIsee} is not null and ${dsu.isee} > ${p.importoSogliaIsee} then 'ISEE_SOPRA_SOGLIA'
    end`;
  const tipi = sql.join(
    filtro.tipi.map((t) => sql`${t}`),
    sql`, `,
  );
  const rows = await handle.rows<{
    tipo: TipoAnomaliaIsee;
    id: string;
    persona_id: string;
    data_riferimento: string;
    soglia: string | null;
    dsu_id: string | null;
    isee: string | null;
    data_presentazione: string | null;
    data_scadenza: string | null;
    nel_nucleo: boolean | null;
  }>(sql`
    select tipo, id, persona_id, data_riferimento::text as data_riferimento, soglia::text as soglia, dsu_id, isee::text as isee,
           data_presentazione::text as data_presentazione, data_scadenza::text as data_scadenza, nel_nucleo
    from (
      select ${tipo} as tipo, ${p.id} as id, ${p.personaId} as persona_id, ${p.dataRiferimento} as data_riferimento,
             ${p.importoSogliaIsee} as soglia, ${dsu.id} as dsu_id, ${dsu.isee} as isee,
             ${dsu.dataPresentazione} as data_presentazione, ${dsu.dataScadenza} as data_scadenza,
             case when ${dsu.id} is null then null else ${nelNucleo} end as nel_nucleo
      from ${p} left join ${dsu} on ${dsu.protocollo} = ${p.numeroProtocolloDsu}
      where ${controlConditions(viewer, p, filtro)} and ${eq(p.presenzaProvaMezzi, '1')}
        ${cursor ? sql`and (${p.dataRiferimento}, ${p.id}) < (${cursor.data}::date, ${cursor.id}::uuid)` : sql``}
    ) a
    where a.tipo in (${tipi})
    order by a.data_riferimento desc, a.id desc
    limit ${page.limit + 1}`);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    tipo: r.tipo,
    id: r.id,
    personaId: r.persona_id,
    dataRiferimento: r.data_riferimento,
    soglia: num(r.soglia),
    dsuId: r.dsu_id,
    isee: num(r.isee),
    dataPresentazioneDsu: r.data_presentazione,
    dataScadenzaDsu: r.data_scadenza,
    beneficiarioNelNucleo: r.nel_nucleo,
  }));
}
