import { badUserInput, type Viewer } from '@casellario/policies';
import { bulkInsertRows, invalidCursor, type DatabaseHandle } from '@casellario/kit';
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { yearRange, type FiltroPrestazioni } from '../domain/filtro';
import { cartellaScope, elencoScope } from './scope';
import type { PrestazioneInsert, PrestazioneRow, PrestazioneTable } from './tables';

/** Rows per INSERT: ~30 parameters a row stays far below the protocol's 65,535. */
const BATCH = 1000;

/** Whether a row counts for reads that hide cancelled records. */
function visibility(t: PrestazioneTable, includiAnnullate: boolean): SQL | undefined {
  return includiAnnullate ? undefined : eq(t.annullata, false);
}

/** Benefits whose `data_riferimento` falls in a year: a range, so the indexes ending in it serve it. */
function inAnno(t: PrestazioneTable, anno: number | null): SQL | undefined {
  if (anno === null) return undefined;
  const [from, to] = yearRange(anno);
  return and(gte(t.dataRiferimento, from), lt(t.dataRiferimento, to));
}

/**
 * Benefits by id, within the viewer's cartella scope. Cancelled ones are returned
 * (flagged `annullata`): whoever holds the id of a record (a SINA assessment, a
 * control) must still reach it.
 */
export async function findPrestazioniByIds(
  { db }: DatabaseHandle,
  t: PrestazioneTable,
  viewer: Viewer,
  ids: readonly string[],
): Promise<PrestazioneRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(and(inArray(t.id, [...ids]), cartellaScope(viewer, t)));
}

/** The benefits of several persons at once (one query for a whole `_entities` batch), newest first. */
export async function findPrestazioniByPersone(
  { db }: DatabaseHandle,
  t: PrestazioneTable,
  viewer: Viewer,
  personaIds: readonly string[],
  options: { anno: number | null; includiAnnullate: boolean },
): Promise<PrestazioneRow[]> {
  if (personaIds.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(
      and(
        inArray(t.personaId, [...personaIds]),
        visibility(t, options.includiAnnullate),
        inAnno(t, options.anno),
        cartellaScope(viewer, t),
      ),
    )
    .orderBy(t.personaId, desc(t.dataRiferimento), desc(t.id));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The sort key of a listing row: the cursor carries it. */
export function elencoKey(row: PrestazioneRow): [string, string] {
  return [row.dataRiferimento, row.id];
}

function checkCursor(after: Array<string | number>): [string, string] {
  const [data, id] = after;
  if (after.length === 2 && typeof data === 'string' && ISO_DATE.test(data) && typeof id === 'string' && UUID.test(id)) return [data, id];
  throw invalidCursor();
}

/**
 * One page of the listing, newest first by `(data_riferimento, id)`: keyset
 * pagination, so every page is one range scan of the index that matches the
 * viewer's scope. Scope and filters are conditions of the same query.
 */
export async function findPrestazioniPage(
  { db }: DatabaseHandle,
  t: PrestazioneTable,
  viewer: Viewer,
  filtro: FiltroPrestazioni,
  page: { limit: number; after: Array<string | number> | null },
): Promise<PrestazioneRow[]> {
  const cursor = page.after ? checkCursor(page.after) : null;
  return db
    .select()
    .from(t)
    .where(
      and(
        elencoScope(viewer, t),
        visibility(t, filtro.includiAnnullate),
        filtro.codicePrestazione === null ? undefined : eq(t.codicePrestazione, filtro.codicePrestazione),
        filtro.areaUtenza === null ? undefined : eq(t.areaUtenza, filtro.areaUtenza),
        inAnno(t, filtro.anno),
        filtro.codiceRegione === null ? undefined : eq(t.codiceRegioneResidenza, filtro.codiceRegione),
        filtro.codiceComune === null ? undefined : eq(t.codiceComuneResidenza, filtro.codiceComune),
        filtro.enteCodice === null ? undefined : eq(t.enteCodice, filtro.enteCodice),
        cursor ? sql`(${t.dataRiferimento}, ${t.id}) < (${cursor[0]}::date, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(t.dataRiferimento), desc(t.id))
    .limit(page.limit + 1);
}

/** The natural key of a record as the flows identify it (see `prestazioneTable`). */
export function naturalKey(row: PrestazioneInsert): string {
  return [row.enteCodice, row.personaId, row.codicePrestazione, row.protocolloDomanda, row.dataInizio ?? row.dataErogazione ?? ''].join('|');
}

/**
 * Stores benefit records as delivery from a flow must: idempotently, in the order
 * they were sent. Per natural key only the last operation counts: an insertion
 * (`I`) writes the record's attributes and makes it active again (a correction or
 * a re-insertion after a cancellation); a cancellation (`C`) marks it `annullata`
 * (stored already cancelled when the component never saw the insertion, as demo
 * data do). Delivering the same batch twice leaves the same rows.
 */
export async function storePrestazioni(handle: DatabaseHandle, t: PrestazioneTable, rows: readonly PrestazioneInsert[]): Promise<void> {
  const last = new Map<string, { values: PrestazioneInsert; annullata: boolean; rewrite: boolean }>();
  for (const row of rows) {
    const key = naturalKey(row);
    const cancels = row.tipoOperazione === 'C';
    const previous = last.get(key);
    // A cancellation keeps the attributes of an insertion sent before it in the same batch.
    last.set(key, cancels ? { values: previous?.values ?? row, annullata: true, rewrite: previous?.rewrite ?? false } : { values: row, annullata: false, rewrite: true });
  }
  const finals = [...last.values()];
  const key = 'ente_codice, persona_id, codice_prestazione, protocollo_domanda, data_riferimento';
  const flags = 'tipo_operazione = excluded.tipo_operazione, annullata = excluded.annullata';
  const rewrite = `${flags}, ${UPDATABLE.map((c) => `${snake(c)} = excluded.${snake(c)}`).join(', ')}`;
  for (const [rewrites, set] of [
    [true, rewrite],
    [false, flags],
  ] as const) {
    const group = finals
      .filter((f) => f.rewrite === rewrites)
      .map(({ values, annullata }) => ({ ...values, tipoOperazione: annullata ? 'C' : 'I', annullata }));
    // One statement per 10,000 rows (arrays as parameters): delivery of a large flow is a few round trips.
    for (let i = 0; i < group.length; i += BULK) {
      await bulkInsertRows(handle, t, group.slice(i, i + BULK), sql.raw(`on conflict (${key}) do update set ${set}`));
    }
  }
}

const BULK = 10_000;

/** Attributes an insertion may rewrite: all the flow carries, not the id, the key or the bookkeeping. */
const UPDATABLE = [
  'caratterePrestazione',
  'numeroProtocolloDsu',
  'annoProtocolloDsu',
  'dataDsu',
  'denominazionePrestazione',
  'dataEvento',
  'dataFine',
  'importoPrestazione',
  'periodoErogazione',
  'importoMensile',
  'importoQuotaEnte',
  'importoQuotaUtente',
  'importoQuotaSsn',
  'importoQuotaRichiesta',
  'importoSogliaIsee',
  'oreServizioMensile',
  'presaCarico',
  'areaUtenza',
  'codiceComuneResidenza',
  'codiceRegioneResidenza',
  'annoNascita',
  'genere',
] as const satisfies ReadonlyArray<keyof PrestazioneInsert>;

function snake(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

