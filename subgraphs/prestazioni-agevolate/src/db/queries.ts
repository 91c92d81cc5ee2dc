import type { DemoDsu } from '@casellario/demo-data';
import type { DatabaseHandle } from '@casellario/kit';
import type { Viewer } from '@casellario/policies';
import { cartellaScope } from '@casellario/prestazioni-core';
import { and, inArray, sql, type SQL } from 'drizzle-orm';
import { dsu, prestazione } from './schema';

export type DsuRow = typeof dsu.$inferSelect;

const BATCH = 1000;

/**
 * Row scope of a DSU: it is reached through the benefits that cite it, so a viewer
 * scoped to a territory (programmazione) sees a DSU only when one of its benefits
 * lies there. Purposes with no benefit condition (monitoraggio national, gestione and
 * controllo the whole cartella) have none here either; audit gets nothing.
 */
function dsuScope(viewer: Viewer): SQL | undefined {
  const benefitScope = cartellaScope(viewer, prestazione);
  if (!benefitScope) return undefined;
  return sql`exists (select 1 from ${prestazione} where ${prestazione.numeroProtocolloDsu} = ${dsu.protocollo} and ${benefitScope})`;
}

/** DSU by the INPS protocol that benefits cite (`NumeroProtocolloDSU`), within scope. */
export async function findDsuByProtocolli({ db }: DatabaseHandle, viewer: Viewer, protocolli: readonly string[]): Promise<DsuRow[]> {
  if (protocolli.length === 0) return [];
  return db
    .select()
    .from(dsu)
    .where(and(inArray(dsu.protocollo, [...protocolli]), dsuScope(viewer)));
}

/** DSU by our opaque id (`_entities`), within scope. */
export async function findDsuByIds({ db }: DatabaseHandle, viewer: Viewer, ids: readonly string[]): Promise<DsuRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(dsu)
    .where(and(inArray(dsu.id, [...ids]), dsuScope(viewer)));
}

/** Stores DSU attestazioni; one already there (same id or protocol) is left as it is. */
export async function storeDsu({ db }: DatabaseHandle, records: readonly DemoDsu[]): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    await db
      .insert(dsu)
      .values(
        records.slice(i, i + BATCH).map((d) => ({
          id: d.id,
          protocollo: d.protocollo,
          anno: Number(d.anno),
          dataPresentazione: d.dataPresentazione,
          dataScadenza: d.dataScadenza,
          dichiaranteId: d.dichiaranteId,
          componentiIds: d.componentiIds,
          tipoIsee: d.tipoIsee,
          isr: d.isr,
          isp: d.isp,
          scalaEquivalenza: d.scalaEquivalenza,
          ise: d.ise,
          isee: d.isee,
          omissioniDifformita: d.omissioniDifformita,
        })),
      )
      .onConflictDoNothing();
  }
}
