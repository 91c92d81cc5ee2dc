import type { DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Misura, StatoCaso } from '../domain/enumerazioni';
import { scopeCartella, scopeElenco } from './scope';
import {
  analisiPreliminare,
  casoSip,
  componenteNucleo,
  esitoAnalisiPreliminare,
  impegno,
  incontro,
  progetto,
  progettoSostegno,
  quadroAnalisi,
  quadroAnalisiDimensione,
  quadroAnalisiEquipe,
  sostegno,
} from './schema';

export type CasoRow = typeof casoSip.$inferSelect;
export type ComponenteRow = typeof componenteNucleo.$inferSelect;
export type QuadroRow = typeof quadroAnalisi.$inferSelect;
export type DimensioneRow = typeof quadroAnalisiDimensione.$inferSelect;
export type EquipeRow = typeof quadroAnalisiEquipe.$inferSelect;
export type ProgettoRow = typeof progetto.$inferSelect;
export type ImpegnoRow = typeof impegno.$inferSelect;
export type IncontroRow = typeof incontro.$inferSelect;
export type VoceCatalogoRow = { codice: string; descrizione: string };
export type EsitoAnalisiRow = typeof esitoAnalisiPreliminare.$inferSelect;

/** The analisi preliminare with its outcome's catalogue entry. */
export interface AnalisiRow {
  casoId: string;
  data: string;
  esito: EsitoAnalisiRow;
}

/** A person's membership in a case, with the case. */
export interface ValutazioneRow {
  componente: ComponenteRow;
  caso: CasoRow;
}

// Written as a literal condition (not a bound parameter) so that the partial indexes match it.
const NON_ANNULLATA = sql`not ${casoSip.annullata}`;

/** Cases by internal id, within the viewer's cartella scope; cancelled cases are never read. */
export async function findCasiByIds({ db }: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<CasoRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(casoSip)
    .where(and(inArray(casoSip.id, [...ids]), NON_ANNULLATA, scopeCartella(viewer)));
}

/**
 * The memberships of several persons with their cases, in one query, within the
 * viewer's cartella scope (programmazione: cases in its territory), most recent
 * application first.
 */
export async function findValutazioniByPersonaIds({ db }: DatabaseHandle, viewer: Viewer, personaIds: readonly string[]): Promise<ValutazioneRow[]> {
  if (personaIds.length === 0) return [];
  return db
    .select({ componente: componenteNucleo, caso: casoSip })
    .from(componenteNucleo)
    .innerJoin(casoSip, eq(casoSip.id, componenteNucleo.casoId))
    .where(and(inArray(componenteNucleo.personaId, [...personaIds]), NON_ANNULLATA, scopeCartella(viewer)))
    .orderBy(desc(casoSip.dataDomanda), desc(casoSip.id));
}

/** Household members of several cases, in household order. */
export async function findComponentiByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<ComponenteRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(componenteNucleo)
    .where(inArray(componenteNucleo.casoId, [...ids]))
    .orderBy(componenteNucleo.casoId, componenteNucleo.ordine);
}

/** Analisi preliminari of several cases, with their outcome's catalogue entry. */
export async function findAnalisiByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<AnalisiRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({ casoId: analisiPreliminare.casoId, data: analisiPreliminare.data, esito: esitoAnalisiPreliminare })
    .from(analisiPreliminare)
    .innerJoin(esitoAnalisiPreliminare, eq(esitoAnalisiPreliminare.codice, analisiPreliminare.esito))
    .where(inArray(analisiPreliminare.casoId, [...ids]));
}

/** Quadri di analisi of several cases. */
export async function findQuadriByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<QuadroRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(quadroAnalisi).where(inArray(quadroAnalisi.casoId, [...ids]));
}

/** Dimensions of several quadri. */
export async function findDimensioniByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<DimensioneRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(quadroAnalisiDimensione).where(inArray(quadroAnalisiDimensione.casoId, [...ids]));
}

/** Équipe figures of several quadri. */
export async function findEquipeByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<EquipeRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(quadroAnalisiEquipe).where(inArray(quadroAnalisiEquipe.casoId, [...ids]));
}

/** Projects of several cases. */
export async function findProgettiByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<ProgettoRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(progetto).where(inArray(progetto.casoId, [...ids]));
}

/** Sostegni of several projects, with their catalogue entry, in the order sent. */
export async function findSostegniByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<Array<VoceCatalogoRow & { casoId: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ casoId: progettoSostegno.casoId, codice: sostegno.codice, descrizione: sostegno.descrizione })
    .from(progettoSostegno)
    .innerJoin(sostegno, eq(sostegno.codice, progettoSostegno.codice))
    .where(inArray(progettoSostegno.casoId, [...ids]))
    .orderBy(progettoSostegno.casoId, progettoSostegno.ordine);
}

/** Commitments of several projects, in the order sent. */
export async function findImpegniByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<ImpegnoRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(impegno)
    .where(inArray(impegno.casoId, [...ids]))
    .orderBy(impegno.casoId, impegno.ordine);
}

/** Monitoring meetings of several projects, by date. */
export async function findIncontriByCasoIds({ db }: DatabaseHandle, ids: readonly string[]): Promise<IncontroRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(incontro)
    .where(inArray(incontro.casoId, [...ids]))
    .orderBy(incontro.casoId, incontro.data, incontro.ordine);
}

/** Filters of the listing, already validated. */
export interface FiltroCasi {
  misura?: Misura | null;
  stato?: StatoCaso | null;
  anno?: number | null;
  codiceRegione?: string | null;
  codiceComune?: string | null;
  enteCodice?: string | null;
}

/**
 * One page of the listing: scope, filters and the keyset condition in one query,
 * sorted by (data_domanda desc, id desc), which the scope's index serves
 * (ente, region, comune or national). Fetches `limit + 1` rows to tell whether
 * another page exists.
 */
export async function listCasi(
  { db }: DatabaseHandle,
  viewer: Viewer,
  filtro: FiltroCasi,
  limit: number,
  after: { dataDomanda: string; id: string } | null,
): Promise<CasoRow[]> {
  const conditions: Array<SQL | undefined> = [NON_ANNULLATA, scopeElenco(viewer)];
  if (filtro.misura) conditions.push(eq(casoSip.misura, filtro.misura));
  if (filtro.stato) conditions.push(eq(casoSip.stato, filtro.stato));
  if (filtro.codiceRegione) conditions.push(eq(casoSip.codiceRegione, filtro.codiceRegione));
  if (filtro.codiceComune) conditions.push(eq(casoSip.codiceComune, filtro.codiceComune));
  if (filtro.enteCodice) conditions.push(eq(casoSip.enteCodice, filtro.enteCodice));
  if (filtro.anno) {
    conditions.push(gte(casoSip.dataDomanda, `${filtro.anno}-01-01`), lt(casoSip.dataDomanda, `${filtro.anno + 1}-01-01`));
  }
  if (after) conditions.push(sql`(${casoSip.dataDomanda}, ${casoSip.id}) < (${after.dataDomanda}::date, ${after.id}::uuid)`);
  return db
    .select()
    .from(casoSip)
    .where(and(...conditions))
    .orderBy(desc(casoSip.dataDomanda), desc(casoSip.id))
    .limit(limit + 1);
}

/** The analisi preliminare outcomes this install holds. */
export async function findEsitiAnalisi({ db }: DatabaseHandle): Promise<EsitoAnalisiRow[]> {
  return db.select().from(esitoAnalisiPreliminare).orderBy(asc(esitoAnalisiPreliminare.codice));
}

/** The sostegni this install holds. */
export async function findSostegni({ db }: DatabaseHandle): Promise<VoceCatalogoRow[]> {
  return db.select().from(sostegno).orderBy(asc(sostegno.codice));
}

