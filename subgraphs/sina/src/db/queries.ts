import type { DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { and, between, desc, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import { listingScope, personRecordsScope } from './scope';
import { valutazioneSina } from './schema';

export type ValutazioneRow = typeof valutazioneSina.$inferSelect;

/** What the listing filters on, with enum values already turned into codes. */
export interface FiltroValutazioni {
  anno?: number | null;
  codiceRegione?: string | null;
  codiceComune?: string | null;
  enteCodice?: string | null;
  mobilita?: string | null;
  attivitaVitaQuotidiana?: string | null;
}

/** Where a page starts: the sort key of the last row of the previous page. */
export interface ListingCursor {
  dataValutazione: string;
  id: string;
}

const t = valutazioneSina;

/**
 * Assessments of several persons, newest first, within the viewer's scope for a
 * person's records (territory for programmazione). Cancelled ones are left out.
 */
export async function findValutazioniByPersonaIds({ db }: DatabaseHandle, viewer: Viewer, personaIds: readonly string[]): Promise<ValutazioneRow[]> {
  if (personaIds.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(and(inArray(t.personaId, [...personaIds]), not(t.annullata), personRecordsScope(viewer)))
    .orderBy(t.personaId, desc(t.dataValutazione), desc(t.id));
}

/** Assessments by internal id, within the viewer's scope for a person's records. */
export async function findValutazioniByIds({ db }: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<ValutazioneRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(and(inArray(t.id, [...ids]), not(t.annullata), personRecordsScope(viewer)));
}

/**
 * One page of the listing (`limit + 1` rows, see kit `toPage`): the viewer's row
 * scope and the filters in one query, sorted by (dataValutazione, id) descending,
 * which the scope indexes end in, so every page is one index range scan.
 */
export async function listValutazioni(
  { db }: DatabaseHandle,
  viewer: Viewer,
  filtro: FiltroValutazioni,
  limit: number,
  after: ListingCursor | null,
): Promise<ValutazioneRow[]> {
  const conditions: Array<SQL | undefined> = [
    not(t.annullata),
    listingScope(viewer),
    filtro.anno != null ? between(t.dataValutazione, `${filtro.anno}-01-01`, `${filtro.anno}-12-31`) : undefined,
    filtro.codiceRegione != null ? eq(t.codiceRegioneResidenza, filtro.codiceRegione) : undefined,
    filtro.codiceComune != null ? eq(t.codiceComuneResidenza, filtro.codiceComune) : undefined,
    filtro.enteCodice != null ? eq(t.enteCodice, filtro.enteCodice) : undefined,
    filtro.mobilita != null ? eq(t.mobilita, filtro.mobilita) : undefined,
    filtro.attivitaVitaQuotidiana != null ? eq(t.attivitaVitaQuotidiana, filtro.attivitaVitaQuotidiana) : undefined,
    after ? sql`(${t.dataValutazione}, ${t.id}) < (${after.dataValutazione}::date, ${after.id}::uuid)` : undefined,
  ];
  return db
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(desc(t.dataValutazione), desc(t.id))
    .limit(limit + 1);
}

