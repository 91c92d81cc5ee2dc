import { randomUUID } from 'node:crypto';
import { badUserInput, type Viewer } from '@casellario/policies';
import { invalidCursor, type DatabaseHandle } from '@casellario/kit';
import { and, asc, eq, gte, inArray, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { yearRange } from '../domain/filtro';
import { elencoScope } from './scope';
import type { AccertamentoRow, AccertamentoTable, EsitoAccertamento, PrestazioneRow, PrestazioneTable, TipoAnomalia } from './tables';

/** The controls every benefit component runs (docs/controlli.md). */
export const TIPI_ANOMALIA_PRESTAZIONE = ['SOVRAPPOSIZIONE_ENTI', 'IMPORTO_INCOERENTE'] as const;
export type TipoAnomaliaPrestazione = (typeof TIPI_ANOMALIA_PRESTAZIONE)[number];

/** A checked filter of a control listing. */
export interface FiltroAnomalie<T extends string> {
  tipi: readonly T[];
  enteCodice: string | null;
  anno: number | null;
}

/** The tolerance of IMPORTO_INCOERENTE: the larger of one euro and 1% of the expected total. */
export const TOLLERANZA_IMPORTO = { euro: 1, quota: 0.01 } as const;

/** One benefit of another ente overlapping the reported one, and the days they share. */
export interface Sovrapposta {
  id: string;
  dal: string;
  al: string;
}

/** One row of `anomaliePrestazioni…`: the kind, the benefit, and the evidence of that kind. */
export interface AnomaliaPrestazioneRow {
  tipo: TipoAnomaliaPrestazione;
  id: string;
  personaId: string;
  dataRiferimento: string;
  sovrapposte: Sovrapposta[];
  importoDichiarato: number | null;
  importoMensile: number | null;
  mesi: number | null;
  importoAtteso: number | null;
  tolleranza: number | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks a control listing's cursor: `[data, id]`, plus the kind when a benefit can appear under several. */
export function checkControlCursor<T extends string>(after: Array<string | number> | null, tipi: readonly T[] | null): { data: string; id: string; tipo: T | null } | null {
  if (!after) return null;
  const [data, id, tipo] = after;
  const tipoOk = tipi === null ? after.length === 2 : after.length === 3 && typeof tipo === 'string' && (tipi as readonly string[]).includes(tipo);
  if (typeof data === 'string' && ISO_DATE.test(data) && typeof id === 'string' && UUID.test(id) && tipoOk) {
    return { data, id, tipo: tipi === null ? null : (tipo as T) };
  }
  throw invalidCursor();
}

/** The last day of a periodic benefit's period: its end, else 31 December of its start's year (table 9). */
export function finePeriodo(t: { dataFine: SQLWrapper; dataInizio: SQLWrapper }): SQL {
  return sql`coalesce(${t.dataFine}, make_date(extract(year from ${t.dataInizio})::int, 12, 31))`;
}

/** The months a periodic benefit declares: `PeriodoErogazione`, else the calendar months from start to end. */
export function mesiDichiarati(t: PrestazioneTable): SQL {
  return sql`coalesce(${t.periodoErogazione}::int, extract(month from ${finePeriodo(t)})::int - extract(month from ${t.dataInizio})::int + 1)`;
}

/** The conditions every control listing puts on the benefit it reports: scope, ente, year, not cancelled. */
export function controlConditions(viewer: Viewer, p: PrestazioneTable, filtro: { enteCodice: string | null; anno: number | null }): SQL | undefined {
  const year = filtro.anno === null ? null : yearRange(filtro.anno);
  return and(
    elencoScope(viewer, p),
    eq(p.annullata, false),
    filtro.enteCodice === null ? undefined : eq(p.enteCodice, filtro.enteCodice),
    year ? and(gte(p.dataRiferimento, year[0]), lt(p.dataRiferimento, year[1])) : undefined,
  );
}

/**
 * One page of SOVRAPPOSIZIONE_ENTI and IMPORTO_INCOERENTE anomalies among the
 * component's benefits, in ONE statement: a branch per kind asked for, each with the
 * viewer's scope, the filters and the cursor in its WHERE, merged newest first by
 * `(data_riferimento, id, tipo)` (keyset pagination; a benefit may show under both
 * kinds). The overlapping benefits come aggregated with each row (a lateral lookup
 * through `prestazione_periodica_persona_codice`); the totals are computed in SQL.
 *
 * The overlapping benefits are not scoped again: they belong to the same person as a
 * benefit the viewer may see, and a control body sees the whole cartella of the
 * persons of its own benefits (kit `cartellaScopeSql`).
 */
export async function findAnomaliePrestazioni(
  handle: DatabaseHandle,
  t: PrestazioneTable,
  viewer: Viewer,
  filtro: FiltroAnomalie<TipoAnomaliaPrestazione>,
  page: { limit: number; after: Array<string | number> | null },
): Promise<AnomaliaPrestazioneRow[]> {
  const cursor = checkControlCursor(page.after, TIPI_ANOMALIA_PRESTAZIONE);
  // Aliased columns render as "p"."…" / "o"."…"; FROM names the table with the alias.
  const p = alias(t, 'p');
  const o = alias(t, 'o');
  const after = (tipo: TipoAnomaliaPrestazione) =>
    cursor ? sql`(${p.dataRiferimento}, ${p.id}, ${tipo}::text) < (${cursor.data}::date, ${cursor.id}::uuid, ${cursor.tipo}::text)` : undefined;
  const common = (tipo: TipoAnomaliaPrestazione) => and(controlConditions(viewer, p as unknown as PrestazioneTable, filtro), eq(p.caratterePrestazione, '1'), after(tipo));
  const branches: SQL[] = [];
  if (filtro.tipi.includes('SOVRAPPOSIZIONE_ENTI')) {
    branches.push(sql`
      select 'SOVRAPPOSIZIONE_ENTI'::text as tipo, ${p.id} as id, ${p.personaId} as persona_id, ${p.dataRiferimento} as data_riferimento,
             s.sovrapposte::text as sovrapposte, null::text as importo_dichiarato, null::text as importo_mensile, null::int as mesi,
             null::text as importo_atteso, null::text as tolleranza
      from ${t} as "p"
      cross join lateral (
        select json_agg(json_build_object(
                 'id', ${o.id},
                 'dal', greatest(${p.dataInizio}, ${o.dataInizio})::text,
                 'al', least(${finePeriodo(p)}, ${finePeriodo(o)})::text) order by ${o.dataInizio}, ${o.id}) as sovrapposte
        from ${t} as "o"
        where ${o.personaId} = ${p.personaId} and ${o.codicePrestazione} = ${p.codicePrestazione}
          and ${o.caratterePrestazione} = '1' and not ${o.annullata}
          and ${o.enteCodice} <> ${p.enteCodice}
          and ${o.dataInizio} <= ${finePeriodo(p)} and ${p.dataInizio} <= ${finePeriodo(o)}
      ) s
      where ${common('SOVRAPPOSIZIONE_ENTI')} and s.sovrapposte is not null`);
  }
  if (filtro.tipi.includes('IMPORTO_INCOERENTE')) {
    const mesi = mesiDichiarati(p as unknown as PrestazioneTable);
    const atteso = sql`(${p.importoMensile} * ${mesi})`;
    const tolleranza = sql`greatest(${TOLLERANZA_IMPORTO.euro}::numeric, round(${TOLLERANZA_IMPORTO.quota}::numeric * ${atteso}, 2))`;
    branches.push(sql`
      select 'IMPORTO_INCOERENTE'::text as tipo, ${p.id} as id, ${p.personaId} as persona_id, ${p.dataRiferimento} as data_riferimento,
             null::text as sovrapposte, ${p.importoPrestazione}::text as importo_dichiarato, ${p.importoMensile}::text as importo_mensile,
             ${mesi} as mesi, ${atteso}::text as importo_atteso, ${tolleranza}::text as tolleranza
      from ${t} as "p"
      where ${common('IMPORTO_INCOERENTE')} and ${p.importoPrestazione} is not null and ${p.importoMensile} is not null
        and abs(${p.importoPrestazione} - ${atteso}) > ${tolleranza}`);
  }
  if (branches.length === 0) return [];
  const rows = await handle.rows<{
    tipo: TipoAnomaliaPrestazione;
    id: string;
    persona_id: string;
    data_riferimento: string;
    sovrapposte: string | null;
    importo_dichiarato: string | null;
    importo_mensile: string | null;
    mesi: number | null;
    importo_atteso: string | null;
    tolleranza: string | null;
  }>(sql`
    select tipo, id, persona_id, data_riferimento::text as data_riferimento, sovrapposte, importo_dichiarato, importo_mensile, mesi, importo_atteso, tolleranza
    from (${sql.join(branches, sql` union all `)}) a
    order by a.data_riferimento desc, a.id desc, a.tipo desc
    limit ${page.limit + 1}`);
  const num = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    tipo: r.tipo,
    id: r.id,
    personaId: r.persona_id,
    dataRiferimento: r.data_riferimento,
    sovrapposte: r.sovrapposte ? (JSON.parse(r.sovrapposte) as Sovrapposta[]) : [],
    importoDichiarato: num(r.importo_dichiarato),
    importoMensile: num(r.importo_mensile),
    mesi: r.mesi === null ? null : Number(r.mesi),
    importoAtteso: num(r.importo_atteso),
    tolleranza: num(r.tolleranza),
  }));
}

/**
 * One benefit within the row scope of a control body's listings (kit
 * `elencoScopeSql`: AGE and GDF national, any other ente the benefits it granted),
 * or null: what an accertamento may be recorded on.
 */
export async function findPrestazioneControllabile({ db }: DatabaseHandle, t: PrestazioneTable, viewer: Viewer, id: string): Promise<PrestazioneRow | null> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), elencoScope(viewer, t)));
  return row ?? null;
}

/** An accertamento as the mutation checked it, ready to store. */
export interface AccertamentoInsert {
  prestazione: PrestazioneRow;
  tipoAnomalia: TipoAnomalia;
  esito: EsitoAccertamento;
  importoDaRecuperare: number | null;
  sanzione: number | null;
  note: string | null;
}

/** Stores an accertamento with who recorded it (operator, ente, case reference, request id). */
export async function insertAccertamento(
  { db }: DatabaseHandle,
  t: AccertamentoTable,
  viewer: Viewer,
  requestId: string,
  a: AccertamentoInsert,
): Promise<AccertamentoRow> {
  const amount = (v: number | null) => (v === null ? null : v.toFixed(2));
  const [row] = await db
    .insert(t)
    .values({
      id: randomUUID(),
      prestazioneId: a.prestazione.id,
      personaId: a.prestazione.personaId,
      tipoAnomalia: a.tipoAnomalia,
      esito: a.esito,
      importoDaRecuperare: amount(a.importoDaRecuperare),
      sanzione: amount(a.sanzione),
      note: a.note,
      operatore: viewer.sub,
      ente: viewer.ente,
      // The gateway and every subgraph refuse controllo without x-riferimento; the column insists too.
      riferimento: viewer.riferimento ?? '',
      requestId,
    })
    .returning();
  if (!row) throw new Error('accertamento non registrato');
  return row;
}

/**
 * The accertamenti recorded on these benefits, oldest first. The benefits were
 * read within the viewer's scope already: this adds no scope of its own.
 */
export async function findAccertamenti({ db }: DatabaseHandle, t: AccertamentoTable, prestazioneIds: readonly string[]): Promise<AccertamentoRow[]> {
  if (prestazioneIds.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(inArray(t.prestazioneId, [...prestazioneIds]))
    .orderBy(asc(t.prestazioneId), asc(t.istante), asc(t.id));
}
