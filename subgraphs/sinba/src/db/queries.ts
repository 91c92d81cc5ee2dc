import { invalidCursor, scopesByTerritory, territorySql, type DatabaseHandle } from '@casellario/kit';
import { badUserInput, type Viewer } from '@casellario/policies';
import { and, asc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { NO, SI } from '../domain/codici';
import type { NewCasoSinba } from './caso-sinba-row';
import { casoSinba, casoSinbaStoria } from './schema';

export type CasoSinbaRow = typeof casoSinba.$inferSelect;

/**
 * The row scope of a viewer over SINBA cases, as a SQL condition:
 * gestione → the cases its own ente sent; programmazione → cases sent by enti
 * whose seat lies in its territory; monitoraggio → national; any other purpose
 * (controllo, audit) → nothing, whatever the shield above says.
 */
export function sinbaScope(viewer: Viewer): SQL {
  switch (viewer.ruolo) {
    case 'gestione':
      return sql`${casoSinba.enteCodice} = ${viewer.ente}`;
    case 'programmazione': {
      const territory = scopesByTerritory(viewer)
        ? territorySql(viewer, { codiceComune: casoSinba.codiceComuneEnte, codiceRegione: casoSinba.codiceRegioneEnte })
        : undefined;
      return territory ?? sql`true`;
    }
    case 'monitoraggio':
      return sql`true`;
    default:
      return sql`false`;
  }
}

/** A case is closed once the ente sent why (or how) the presa in carico ended. */
export const casoChiusoSql = or(isNotNull(casoSinba.motivazioneChiusuraCarico), isNotNull(casoSinba.situazioneChiusuraCarico))!;

/** Cases by internal id, within the viewer's scope (one query for a whole `_entities` batch). */
export async function findCasiByIds({ db }: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<CasoSinbaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(casoSinba)
    .where(and(inArray(casoSinba.id, [...ids]), sinbaScope(viewer)));
}

/**
 * The viewer's own ente's cases with this local id (usually one; more when the
 * child was taken in charge again after a closed case), oldest first.
 */
export async function findCasiByIdBeneficiario({ db }: DatabaseHandle, viewer: Viewer, idBeneficiario: string): Promise<CasoSinbaRow[]> {
  return db
    .select()
    .from(casoSinba)
    .where(and(eq(casoSinba.idBeneficiario, idBeneficiario), sinbaScope(viewer)))
    .orderBy(asc(casoSinba.dataPrimaSegnalazione), asc(casoSinba.id));
}

/** Filters of `elencoCasiSinba`, with enum values already turned into codes. */
export interface FiltroCasi {
  annoPrimaSegnalazione?: number | null;
  codiceRegione?: string | null;
  enteCodice?: string | null;
  luogoVita?: string | null;
  provvedimentoGiudiziario?: boolean | null;
  chiuso?: boolean | null;
  includiAnnullati?: boolean | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The sort key of a listing row, which is also its cursor. */
export function listingKey(row: CasoSinbaRow): [string, string] {
  return [row.dataPrimaSegnalazione, row.id];
}

/**
 * One page of cases in the viewer's scope, sorted by (first report, id): the
 * scope's index serves the order, and the cursor resumes after the last row seen
 * with a row comparison (keyset), so no page overlaps or skips another.
 */
export async function listCasi(
  { db }: DatabaseHandle,
  viewer: Viewer,
  filtro: FiltroCasi,
  page: { limit: number; after: Array<string | number> | null },
): Promise<CasoSinbaRow[]> {
  const conditions: Array<SQL | undefined> = [sinbaScope(viewer)];
  if (!filtro.includiAnnullati) conditions.push(eq(casoSinba.annullata, false));
  if (filtro.annoPrimaSegnalazione != null) {
    conditions.push(
      gte(casoSinba.dataPrimaSegnalazione, `${filtro.annoPrimaSegnalazione}-01-01`),
      lt(casoSinba.dataPrimaSegnalazione, `${filtro.annoPrimaSegnalazione + 1}-01-01`),
    );
  }
  if (filtro.codiceRegione != null) conditions.push(eq(casoSinba.codiceRegioneEnte, filtro.codiceRegione));
  if (filtro.enteCodice != null) conditions.push(eq(casoSinba.enteCodice, filtro.enteCodice));
  if (filtro.luogoVita != null) conditions.push(eq(casoSinba.luogoVita, filtro.luogoVita));
  if (filtro.provvedimentoGiudiziario != null) {
    conditions.push(eq(casoSinba.provvedimentoGiudiziario, filtro.provvedimentoGiudiziario ? SI : NO));
  }
  if (filtro.chiuso != null) {
    conditions.push(
      filtro.chiuso ? casoChiusoSql : and(isNull(casoSinba.motivazioneChiusuraCarico), isNull(casoSinba.situazioneChiusuraCarico)),
    );
  }
  if (page.after) {
    const [data, id] = page.after;
    if (page.after.length !== 2 || typeof data !== 'string' || typeof id !== 'string' || !ISO_DATE.test(data) || !UUID.test(id)) {
      throw invalidCursor();
    }
    conditions.push(sql`(${casoSinba.dataPrimaSegnalazione}, ${casoSinba.id}) > (${data}::date, ${id}::uuid)`);
  }
  return db
    .select()
    .from(casoSinba)
    .where(and(...conditions))
    .orderBy(asc(casoSinba.dataPrimaSegnalazione), asc(casoSinba.id))
    .limit(page.limit + 1);
}

const NATURAL_KEY = ['enteCodice', 'idBeneficiario', 'dataPrimaSegnalazione'] as const;
const NOT_REPLACED = new Set<string>(['id', 'createdAt', 'updatedAt', 'annullata', ...NATURAL_KEY]);
const BATCH = 1000;

/**
 * Delivers cases idempotently on the natural key (ente, IDBeneficiario, first
 * report): a new case is inserted; a later snapshot of a known case replaces its
 * attributes and keeps its id (so pseudonyms stay stable); the same snapshot sent
 * again changes nothing, not even `updated_at`. `annullata` is left alone: a
 * replayed old flow must not revive a withdrawn case, so withdrawing and reviving
 * are explicit operations of the flows component. Rows go in batches of ~1000; the
 * last snapshot of a case in the call wins, as Postgres refuses to update one row
 * twice in a statement.
 */
export async function upsertCasiSinba({ db }: DatabaseHandle, rows: readonly NewCasoSinba[]): Promise<void> {
  const columns = Object.entries(getTableColumns(casoSinba)).filter(([key]) => !NOT_REPLACED.has(key));
  const excluded = (key: string) => sql.raw(`excluded.${toSnakeCase(key)}`);
  const set: Record<string, SQL> = Object.fromEntries(columns.map(([key]) => [key, excluded(key)]));
  set.updatedAt = sql`now()`;
  const changed = or(...columns.map(([key, column]) => sql`${column} is distinct from ${excluded(key)}`));

  const latest = new Map<string, NewCasoSinba>();
  for (const row of rows) latest.set(JSON.stringify(NATURAL_KEY.map((k) => row[k])), row);
  const unique = [...latest.values()];
  for (let i = 0; i < unique.length; i += BATCH) {
    const batch = unique.slice(i, i + BATCH);
    await db.transaction(async (tx) => {
      const coppie = sql.join(
        batch.map((r) => sql`(${r.enteCodice}, ${r.idBeneficiario})`),
        sql`, `,
      );
      // The stored cases of these children (open ones first), as they are before this delivery.
      const prima = await tx
        .select({ id: casoSinba.id, enteCodice: casoSinba.enteCodice, idBeneficiario: casoSinba.idBeneficiario, data: casoSinba.dataPrimaSegnalazione, aperto: sql<boolean>`not (${casoSinba.annullata} or ${casoChiusoSql})`, valori: sql<unknown>`to_jsonb(caso_sinba)` })
        .from(casoSinba)
        .where(sql`(${casoSinba.enteCodice}, ${casoSinba.idBeneficiario}) in (${coppie})`)
        .for('update');
      const chiave = (ente: string, id: string, data: string) => `${ente}|${id}|${data}`;
      const esistenti = new Set(prima.map((p) => chiave(p.enteCodice, p.idBeneficiario, p.data)));
      // A corrected DataPrimaSegnalazione: the open case moves to the new date (keeping its id), so the
      // upsert below replaces it instead of opening a second case.
      const spostati = new Set<string>();
      for (const r of batch) {
        if (esistenti.has(chiave(r.enteCodice, r.idBeneficiario, r.dataPrimaSegnalazione))) continue;
        const aperto = prima.find((p) => p.aperto && p.enteCodice === r.enteCodice && p.idBeneficiario === r.idBeneficiario);
        if (!aperto) continue;
        await tx.update(casoSinba).set({ dataPrimaSegnalazione: r.dataPrimaSegnalazione }).where(eq(casoSinba.id, aperto.id));
        esistenti.delete(chiave(aperto.enteCodice, aperto.idBeneficiario, aperto.data));
        esistenti.add(chiave(r.enteCodice, r.idBeneficiario, r.dataPrimaSegnalazione));
        aperto.data = r.dataPrimaSegnalazione;
        spostati.add(aperto.id);
      }
      const scritti = await tx
        .insert(casoSinba)
        .values(batch)
        .onConflictDoUpdate({ target: NATURAL_KEY.map((k) => casoSinba[k]), set, setWhere: changed })
        .returning({ id: casoSinba.id });
      // Only the snapshots this delivery replaced go to the history (an identical re-send writes no row).
      const sostituiti = new Set([...scritti.map((s) => s.id), ...spostati]);
      const storia = prima.filter((p) => sostituiti.has(p.id)).map((p) => ({ casoId: p.id, valori: p.valori }));
      if (storia.length > 0) await tx.insert(casoSinbaStoria).values(storia);
    });
  }
}

