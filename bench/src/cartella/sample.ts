import type postgres from 'postgres';

/** One person whose cartella the scenarios read: codice fiscale, internal id, and the one ente that has them in its caseload. */
export interface Campione {
  id: string;
  codiceFiscale: string;
  ente: string;
}

/**
 * `size` persons in the caseload of exactly one ente (so a gestione token of that
 * ente reads their whole cartella) with at least one benefit, in an order fixed by
 * a hash of the id: the same persons on every run of the same data set.
 */
export async function campione(sql: postgres.Sql, size: number): Promise<{ persone: Campione[]; beneficiMedi: number; enti: number }> {
  const persone = await sql<Campione[]>`
    with un_ente as (
      select persona_id, min(ente_codice) as ente from anagrafe.caseload group by persona_id having count(*) = 1
    )
    select p.id, p.codice_fiscale as "codiceFiscale", u.ente
    from un_ente u join anagrafe.persona p on p.id = u.persona_id
    where exists (select 1 from prestazioni_agevolate.prestazione x where x.persona_id = u.persona_id and not x.annullata)
       or exists (select 1 from prestazioni_sociali.prestazione x where x.persona_id = u.persona_id and not x.annullata)
    order by md5(p.id::text)
    limit ${size}`;
  if (persone.length === 0) throw new Error('no person in the caseload of a single ente: is the bench database loaded?');
  const ids = persone.map((p) => p.id);
  const [row] = await sql<Array<{ n: number }>>`
    select ((select count(*) from prestazioni_agevolate.prestazione where persona_id = any(${ids}::uuid[]) and not annullata)
          + (select count(*) from prestazioni_sociali.prestazione where persona_id = any(${ids}::uuid[]) and not annullata))::int as n`;
  return { persone: [...persone], beneficiMedi: (row?.n ?? 0) / persone.length, enti: new Set(persone.map((p) => p.ente)).size };
}
