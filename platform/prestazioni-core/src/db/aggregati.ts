import type { DatabaseHandle } from '@casellario/kit';
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { sogliaAggregati } from '@casellario/kit';
import { CUBE_SETS, dimensioniDi, type Dimensione, type Insieme } from '../domain/aggregati';
import { COLONNA } from './aggregati-colonne';
import { sopprimiNelCubo, verificaTabelle2D } from './soppressione-cubo';

export { COLONNA } from './aggregati-colonne';
import { mesiDichiarati } from './controlli';
import { cubeFor, type PrestazioneTable } from './tables';

/**
 * The amount of a benefit in the aggregates: what was paid for a one-off benefit; for
 * a periodic one its declared total, else the monthly amount times the declared months.
 */
function importoSql(t: PrestazioneTable): SQL {
  return sql`coalesce(${t.importoPrestazione}, ${t.importoMensile} * ${mesiDichiarati(t)}, 0)`;
}

/**
 * Recomputes the cube of a benefit component from its benefits, in one transaction:
 * readers keep the previous cube until it commits. The new cube is built in a table
 * of its own and put in the old one's place at the end (drop, rename), so a refresh
 * leaves no dead copy of a million cells behind for vacuum, and the index is built
 * once over the finished data instead of row by row. A transaction-scoped advisory
 * lock keeps two replicas from computing it at once (the second returns at once).
 * Returns whether it ran and how many cells it wrote.
 */
export async function aggiornaAggregati(
  handle: DatabaseHandle,
  t: PrestazioneTable,
  options: { /** Wait for a computation under way, then compute only if none was ever made. */ primaVolta?: boolean; soglia?: number } = {},
): Promise<{ aggiornato: boolean; celle: number; secondarie: number }> {
  const k = options.soglia ?? sogliaAggregati();
  const { aggregato, aggregatoStato } = cubeFor(t);
  const dims = Object.values(COLONNA);
  const groupingSets = sql.raw(CUBE_SETS.map((s) => `(${dimensioniDi(s).map((d) => COLONNA[d]).join(', ')})`).join(',\n'));
  const cols = sql.raw(dims.join(', '));
  return handle.db.transaction(async (tx) => {
    // postgres-js returns the rows, PGlite an object holding them (as kit's handle.rows knows).
    const rows = async <T>(q: SQL) => {
      const result = (await tx.execute(q)) as unknown as T[] | { rows: T[] };
      return Array.isArray(result) ? result : result.rows;
    };
    const key = `aggregati:${getTableConfig(aggregato).schema}`;
    if (options.primaVolta) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
      const [stato] = await rows<{ fatto: boolean }>(sql`select aggiornato_al is not null as fatto from ${aggregatoStato}`);
      if (stato?.fatto) return { aggiornato: false, celle: 0, secondarie: 0 };
    } else {
      const [lock] = await rows<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext(${key})) as ok`);
      if (!lock?.ok) return { aggiornato: false, celle: 0, secondarie: 0 };
    }
    // The state of the benefits this cube will reflect at least: read before them (READ COMMITTED: the
    // insert below sees this and anything committed since). Writes after it bump versione past it.
    const [{ versione } = { versione: 0 }] = await rows<{ versione: number }>(sql`select versione::float8 as versione from ${aggregatoStato}`);
    const schema = getTableConfig(aggregato).schema!;
    const nuovo = sql.raw(`"${schema}"."aggregato_calcolo"`);
    await tx.execute(sql`create table ${nuovo} (like ${aggregato} including defaults)`);
    const eta = sql`extract(year from ${t.dataRiferimento})::int - ${t.annoNascita}`;
    const [written] = await rows<{ n: number }>(sql`
      with sorgente as (
        select extract(year from ${t.dataRiferimento})::smallint as anno,
               extract(month from ${t.dataRiferimento})::smallint as mese,
               coalesce(${t.codiceRegioneResidenza}, '00') as codice_regione,
               coalesce(${t.codiceComuneResidenza}, '000000') as codice_comune,
               ${t.codicePrestazione} as codice_prestazione,
               coalesce(${t.areaUtenza}, '0') as area_utenza,
               case when ${t.annoNascita} is null then -1 else least(85, greatest(0, ${eta}) / 5 * 5) end::smallint as fascia_eta,
               coalesce(${t.genere}, '0') as genere,
               ${t.personaId} as persona_id,
               ${importoSql(t)} as importo
          from ${t}
         where not ${t.annullata}
      ), celle as (
        insert into ${nuovo} (insieme, ${cols}, persone, prestazioni, importo, soppressa)
        select grouping(${cols})::smallint, ${cols}, count(distinct persona_id), count(*), coalesce(sum(importo), 0),
               case when count(distinct persona_id) between 1 and ${k - 1} then 1 else 0 end
          from sorgente
         group by grouping sets (${groupingSets})
        returning 1
      )
      select count(*)::int as n from celle`);
    // The reading index as the migrations defined it on the live table, built once over the full table;
    // it takes the migration's name when the table takes the old one's place.
    const [indice] = await rows<{ definizione: string }>(
      sql`select pg_get_indexdef(${`"${schema}"."aggregato_lettura"`}::regclass) as definizione`,
    );
    const definizione = indice?.definizione.replace(/^CREATE INDEX aggregato_lettura ON (\S+)\.aggregato /, 'CREATE INDEX aggregato_calcolo_lettura ON $1.aggregato_calcolo ');
    if (!definizione?.includes('aggregato_calcolo_lettura')) throw new Error(`indice aggregato_lettura di ${schema} non riconosciuto: ${indice?.definizione}`);
    await tx.execute(sql.raw(definizione));
    await tx.execute(sql`analyze ${nuovo}`);
    const count = async (q: SQL) => (await rows<{ n: number }>(q))[0]?.n ?? 0;
    let { secondarie } = await sopprimiNelCubo(count, nuovo);
    // What only a two-way table's own equations reveal, written back; then the lines again.
    for (let added = await verificaTabelle2D(rows, nuovo, k); added > 0; added = await verificaTabelle2D(rows, nuovo, k)) {
      secondarie += added + (await sopprimiNelCubo(count, nuovo)).secondarie;
    }
    // The swap: readers wait only for these three statements and the commit, then read the new cube.
    await tx.execute(sql`drop table ${aggregato}`);
    await tx.execute(sql.raw(`alter table "${schema}"."aggregato_calcolo" rename to "aggregato"`));
    await tx.execute(sql.raw(`alter index "${schema}"."aggregato_calcolo_lettura" rename to "aggregato_lettura"`));
    await tx.execute(sql`update ${aggregatoStato} set aggiornato_al = now(), soglia = ${k}, versione_cubo = ${versione}`);
    return { aggiornato: true, celle: written?.n ?? 0, secondarie };
  });
}

/** Marks the cube stale: called by every writer of benefits (delivery, demo load), after it wrote. */
export async function segnaAggregatiDaAggiornare(handle: DatabaseHandle, t: PrestazioneTable): Promise<void> {
  const { aggregatoStato } = cubeFor(t);
  await handle.rows(sql`update ${aggregatoStato} set versione = versione + 1`);
}

/** Whether benefits changed since the cube was computed, and when that was. */
export async function statoAggregati(handle: DatabaseHandle, t: PrestazioneTable): Promise<{ modificato: boolean; aggiornatoAl: string | null; soglia: number | null }> {
  const { aggregatoStato } = cubeFor(t);
  const [row] = await handle.rows<{ modificato: boolean; aggiornato_al: string | null; soglia: number | null }>(
    sql`select versione > versione_cubo as modificato, to_char(aggiornato_al at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as aggiornato_al, soglia from ${aggregatoStato}`,
  );
  return { modificato: row?.modificato ?? true, aggiornatoAl: row?.aggiornato_al ?? null, soglia: row?.soglia ?? null };
}

export interface CellaCubo {
  insieme: Insieme;
  valori: Partial<Record<Dimensione, string>>;
  persone: number;
  prestazioni: number;
  importo: number;
  /** As the cube's own suppression left it (db/soppressione-cubo.ts). */
  soppressa: 0 | 1 | 2;
}

/** Values as the API keys them (docs/aggregati.md): codes as the flows write them, 'ND' when unknown. */
function chiaveDi(d: Dimensione, raw: string | number): string {
  const v = String(raw).trim();
  switch (d) {
    case 'MESE':
      return v.padStart(2, '0');
    case 'FASCIA_ETA':
      return v === '-1' ? 'ND' : v === '85' ? '85+' : `${v}-${Number(v) + 4}`;
    case 'AREA_UTENZA':
    case 'GENERE':
      return v === '0' ? 'ND' : v;
    case 'REGIONE':
      return v === '00' ? 'ND' : v;
    case 'COMUNE':
      return v === '000000' ? 'ND' : v;
    default:
      return v;
  }
}

/**
 * The cells of the given grouping sets within a territory and year: what one table
 * (cells, margins, total) reads, in one index scan per set.
 */
export async function leggiCubo(
  handle: DatabaseHandle,
  t: PrestazioneTable,
  insiemi: readonly Insieme[],
  filtro: { anno: number | null; codiceRegione: string | null; codiceComune: string | null },
): Promise<CellaCubo[]> {
  const { aggregato } = cubeFor(t);
  const conditions = [
    sql`${aggregato.insieme} in (${sql.join(
      insiemi.map((i) => sql`${i}`),
      sql`, `,
    )})`,
    filtro.anno !== null ? sql`${aggregato.anno} = ${filtro.anno}` : undefined,
    filtro.codiceRegione !== null ? sql`${aggregato.codiceRegione} = ${filtro.codiceRegione}` : undefined,
    filtro.codiceComune !== null ? sql`${aggregato.codiceComune} = ${filtro.codiceComune}` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const rows = await handle.rows<Record<string, string | number | null>>(sql`
    select insieme, ${sql.raw(Object.values(COLONNA).join(', '))}, persone, prestazioni, importo::text as importo, soppressa
      from ${aggregato}
     where ${sql.join(conditions, sql` and `)}`);
  return rows.map((r) => {
    const insieme = Number(r.insieme);
    const valori: Partial<Record<Dimensione, string>> = {};
    for (const d of dimensioniDi(insieme)) valori[d] = chiaveDi(d, r[COLONNA[d]]!);
    return { insieme, valori, persone: Number(r.persone), prestazioni: Number(r.prestazioni), importo: Number(r.importo), soppressa: Number(r.soppressa) as 0 | 1 | 2 };
  });
}
