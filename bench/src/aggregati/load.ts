import { allComuni, loadNomenclatore } from '@casellario/domain';
import postgres from 'postgres';

/**
 * Loads `righe` benefit records into PS (`prestazioni_sociali.prestazione`), generated
 * in SQL (`generate_series`): the demo generator streams ~3,000 benefits/s through the
 * loaders, 55 minutes for 10 million; this takes minutes. Every record is valid for
 * the table's checks; persons (3.5 per 10) keep one comune, year of birth and sex
 * across their records, so that distinct persons mean something; comuni are the real
 * ISTAT list, codes the nomenclatore, both skewed as real populations are, dates 2024–2025. A marker table records what
 * was loaded, so a second run reuses it.
 */
export interface LoadReport {
  righe: number;
  persone: number;
  secondi: number;
  riusato: boolean;
}

const CHUNK = 1_000_000;

export async function ensureBenefits(url: string, righe: number, progress: (line: string) => void): Promise<LoadReport> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const persone = Math.max(1, Math.round(righe * 0.35));
  try {
    await sql`create schema if not exists bench`;
    await sql`create table if not exists bench.aggregati_marker_v2 (righe bigint not null, persone bigint not null)`;
    const [marker] = await sql<{ righe: string; persone: string }[]>`select righe, persone from bench.aggregati_marker_v2`;
    if (marker && Number(marker.righe) === righe) return { righe, persone: Number(marker.persone), secondi: 0, riusato: true };

    const started = performance.now();
    await sql`delete from bench.aggregati_marker_v2`;
    await sql`truncate prestazioni_sociali.prestazione cascade`;
    // Listing indexes are not what this benchmark reads (the cube and a full scan are); dropping them
    // keeps the load to minutes. The primary key and the natural key stay.
    const indexes = await sql<{ name: string }[]>`
      select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
       where i.indrelid = 'prestazioni_sociali.prestazione'::regclass and not i.indisunique and not i.indisprimary`;
    for (const { name } of indexes) await sql.unsafe(`drop index prestazioni_sociali."${name}"`);
    await sql`drop table if exists bench.comuni, bench.codici`;
    await sql`create table bench.comuni (idx int primary key, istat char(6), regione char(2), belfiore varchar(4))`;
    const comuni = allComuni().map((c, idx) => ({ idx, istat: c.istat, regione: c.codiceRegione, belfiore: c.belfiore }));
    for (let i = 0; i < comuni.length; i += 2000) await sql`insert into bench.comuni ${sql(comuni.slice(i, i + 2000))}`;
    await sql`create table bench.codici (idx int primary key, codice varchar(10), denominazione varchar(200))`;
    const codici = loadNomenclatore().all().map((v, idx) => ({ idx, codice: v.codice, denominazione: v.denominazione.slice(0, 200) }));
    await sql`insert into bench.codici ${sql(codici)}`;

    for (let from = 1; from <= righe; from += CHUNK) {
      const to = Math.min(righe, from + CHUNK - 1);
      const t0 = performance.now();
      await sql`
        insert into prestazioni_sociali.prestazione (
          id, persona_id, ente_codice, tipo_operazione, presenza_prova_mezzi, carattere_prestazione,
          codice_prestazione, denominazione_prestazione, protocollo_domanda,
          data_inizio, data_fine, data_erogazione, importo_prestazione, importo_mensile,
          presa_carico, area_utenza, codice_comune_residenza, codice_regione_residenza, anno_nascita, genere, annullata)
        select md5('b' || s.i)::uuid, md5('p' || s.p)::uuid, c.belfiore, 'I', case when s.i % 3 = 0 then '4' else '2' end,
               case when s.i % 2 = 0 then '1' else '2' end,
               k.codice, k.denominazione, 'BENCH/' || s.i,
               case when s.i % 2 = 0 then s.d end,
               case when s.i % 2 = 0 then least(s.d + 180, make_date(extract(year from s.d)::int, 12, 31)) end,
               case when s.i % 2 = 1 then s.d end,
               case when s.i % 2 = 1 then (50 + (s.i * 37) % 950)::numeric end,
               case when s.i % 2 = 0 then (100 + (s.i * 13) % 600)::numeric end,
               case when s.i % 4 = 0 then '1' else '2' end,
               case when s.i % 4 = 0 then (1 + s.p % 3)::text end,
               c.istat, c.regione, 1930 + (s.p * 7919) % 95, (1 + s.p % 2)::text, false
          from (select i, (i * 2654435761) % ${persone} as p, date '2024-01-01' + ((i * 7) % 731)::int as d
                  from generate_series(${from}::bigint, ${to}::bigint) as i) s
          -- Skewed like the country: a few comuni hold most people and many hold few (u^2.5 over a
          -- scattered order of the comuni); a few codes are common and many rare (u^2). Uniform data
          -- would have no small cell at all, and would not exercise the suppression.
          join bench.comuni c on c.idx = (floor(${comuni.length} * power(((s.p * 2654435761) % 1000003) / 1000003.0, 2.5))::bigint * 7919) % ${comuni.length}
          join bench.codici k on k.idx = floor(${codici.length} * power((((s.p * 31 + s.i) * 40503) % 1000003) / 1000003.0, 2))::int`;
      progress(`  caricate ${to.toLocaleString('en')} / ${righe.toLocaleString('en')} prestazioni (${((performance.now() - t0) / 1000).toFixed(1)} s per ${(to - from + 1).toLocaleString('en')})`);
    }
    await sql`vacuum analyze prestazioni_sociali.prestazione`;
    await sql`insert into bench.aggregati_marker_v2 values (${righe}, ${persone})`;
    return { righe, persone, secondi: (performance.now() - started) / 1000, riusato: false };
  } finally {
    await sql.end();
  }
}
