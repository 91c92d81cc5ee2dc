import type { DatabaseHandle } from '@casellario/kit';
import { and, asc, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { esito, flusso } from './schema';

export type FlussoRow = typeof flusso.$inferSelect;
export type EsitoRow = typeof esito.$inferSelect;

/** Every received part of a flow, in part order. */
export async function findParti({ db }: DatabaseHandle, nome: string): Promise<FlussoRow[]> {
  return db.select().from(flusso).where(eq(flusso.nome, nome)).orderBy(asc(flusso.parte));
}

/**
 * An ente's flows, newest first: one row per flow (its first received part
 * stands for it), keyset-paginated on (receipt time, id).
 */
export async function listFlussi(
  { db }: DatabaseHandle,
  enteCodice: string,
  tipo: string | null,
  limit: number,
  after: Array<string | number> | null,
): Promise<FlussoRow[]> {
  return db
    .select()
    .from(flusso)
    .where(
      and(
        eq(flusso.enteCodice, enteCodice),
        sql`${flusso.parte} = (select min(f2.parte) from flussi.flusso f2 where f2.nome = ${flusso.nome})`,
        tipo ? eq(flusso.tipo, tipo) : undefined,
        after ? sql`(${flusso.ricevutoIl}, ${flusso.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(flusso.ricevutoIl), desc(flusso.id))
    .limit(limit + 1);
}

/** Esiti of a flow's parts, by record number, optionally only one state or one segnalazione code. */
export async function listEsiti(
  { db }: DatabaseHandle,
  flussoIds: string[],
  filtro: { stato?: string | null; codice?: string | null },
  limit: number,
  afterNumero: number | null,
): Promise<Array<EsitoRow & { parte: number }>> {
  const conditions: Array<SQL | undefined> = [
    inArray(esito.flussoId, flussoIds),
    filtro.stato ? eq(esito.stato, filtro.stato) : undefined,
    filtro.codice ? sql`${esito.segnalazioni} @> ${JSON.stringify([{ codice: filtro.codice }])}::jsonb` : undefined,
    afterNumero !== null ? gt(esito.numero, afterNumero) : undefined,
  ];
  const rows = await db
    .select({ esito, parte: flusso.parte })
    .from(esito)
    .innerJoin(flusso, eq(flusso.id, esito.flussoId))
    .where(and(...conditions))
    .orderBy(asc(esito.numero))
    .limit(limit + 1);
  return rows.map((r) => ({ ...r.esito, parte: r.parte }));
}

/**
 * Delivery progress of a flow's records, and what holds back the rest. A record
 * is delivered once every destination it goes to has stored it or set it aside
 * (refused for good: `scartati`, with the reasons); every accepted record goes
 * to at least one destination.
 */
export async function statoConsegna(handle: DatabaseHandle, flussoIds: string[]) {
  const ids = sql.join(flussoIds.map((id) => sql`${id}::uuid`), sql`, `);
  const [counts] = await handle.rows<{ accettati: number; daConsegnare: number; scartati: number }>(sql`
    select
      (select coalesce(sum(f.accettati + f.con_avvisi), 0)::int from flussi.flusso f where f.id in (${ids})) as "accettati",
      (select count(*)::int from (
         select c.flusso_id, n from flussi.consegna_parte c, unnest(c.numeri[c.consegnati + 1:]) as n
         where c.flusso_id in (${ids}) and c.consegnato_il is null
         group by 1, 2) as record) as "daConsegnare",
      (select count(distinct (s.flusso_id, s.numero))::int from flussi.consegna_scarto s where s.flusso_id in (${ids})) as "scartati"`);
  const daConsegnare = counts?.daConsegnare ?? 0;
  const scartati = counts?.scartati ?? 0;
  let ultimoErrore: string | null = null;
  if (daConsegnare > 0) {
    // The failure of one of this flow's own parts first: it is what holds these records.
    const [blocked] = await handle.rows<{ errore: string }>(sql`
      select c.ultimo_errore as errore from flussi.consegna_parte c
      where c.flusso_id in (${ids}) and c.consegnato_il is null and c.ultimo_errore is not null
      order by c.id limit 1`);
    ultimoErrore = blocked?.errore ?? null;
  }
  const motivi = await handle.rows<{ numero: number; destinazione: string; motivo: string }>(sql`
    select s.numero, s.destinazione, s.motivo from flussi.consegna_scarto s
    where s.flusso_id in (${ids}) order by s.numero, s.destinazione limit 100`);
  return { consegnati: (counts?.accettati ?? 0) - daConsegnare - scartati, daConsegnare, scartati, ultimoErrore, scarti: motivi };
}

/** Records per segnalazione code across a flow's parts, most frequent first. */
export async function conteggioCodici(handle: DatabaseHandle, flussoIds: string[]) {
  return handle.rows<{ codice: string; gravita: string; record: number }>(sql`
    select s->>'codice' as codice, s->>'gravita' as gravita, count(distinct (e.flusso_id, e.numero))::int as record
    from flussi.esito e, jsonb_array_elements(e.segnalazioni) s
    where e.flusso_id in (${sql.join(flussoIds.map((id) => sql`${id}::uuid`), sql`, `)})
    group by 1, 2 order by 3 desc, 1`);
}
