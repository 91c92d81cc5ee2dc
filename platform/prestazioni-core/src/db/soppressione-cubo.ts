import { sql, type SQL } from 'drizzle-orm';
import { sopprimi, type VoceAggregata } from '@casellario/kit';
import { CUBE_SETS, DIMENSIONI, dimensioniDi, insiemeDi, insiemiDi, validaRichiesta, type Dimensione, type Insieme } from '../domain/aggregati';
import { COLONNA } from './aggregati-colonne';

/**
 * Secondary suppression decided once for the whole cube, so that every table agrees.
 *
 * Per-table suppression alone leaks across tables: Lazio by comune may withhold Rieti
 * to protect a small comune beside it, while the table of Rieti by code publishes its
 * total, which is that very cell; subtract, and the small comune is back. Every pair of
 * grouping sets where one is the other with one dimension summed out is a line
 * (children and their parent cell) that some pair of tables publishes; the cube is
 * suppressed along all of them together: wherever a line has exactly one withheld
 * entry, one more is withheld (the child with fewest persons; the parent when no child
 * is left), until no line changes. Queries then read these flags and only add what
 * their own table needs (kit `sopprimi`), which the flags make rare.
 */
interface Linea {
  figli: Insieme;
  genitore: Insieme;
  chiave: string[];
}

/** Every (set, parent) pair of the cube: one dimension summed out, the parent a set of the cube too. */
export const LINEE_CUBO: readonly Linea[] = (() => {
  const linee: Linea[] = [];
  const inCube = new Set(CUBE_SETS);
  for (const s of CUBE_SETS) {
    const dims = dimensioniDi(s);
    for (const d of dims) {
      // Summing out the region of a comune, or the year of a month, is no set: the comune and the month imply them.
      if ((d === 'REGIONE' && dims.includes('COMUNE')) || (d === 'ANNO' && dims.includes('MESE'))) continue;
      const genitore = insiemeDi(dims.filter((x) => x !== d));
      if (genitore === s || !inCube.has(genitore)) continue;
      linee.push({ figli: s, genitore, chiave: dimensioniDi(genitore).map((x) => COLONNA[x]) });
    }
  }
  return linee;
})();

/** One pass over every line; returns how many entries it withheld. */
async function passata(run: (q: SQL) => Promise<number>, tabella: SQL): Promise<number> {
  let withheld = 0;
  for (const l of LINEE_CUBO) {
    const chiave = sql.raw(l.chiave.length ? `concat_ws('|', ${l.chiave.join(', ')})` : `''`);
    withheld += await run(sql`
      with figli as (
        select ctid as id, persone, soppressa, ${chiave} as chiave from ${tabella} where insieme = ${l.figli}
      ), genitori as (
        select ctid as id, soppressa, ${chiave} as chiave from ${tabella} where insieme = ${l.genitore}
      ), linee as (
        select g.chiave, g.id as gid, g.soppressa as gs,
               count(*) filter (where f.soppressa > 0) + (g.soppressa > 0)::int as ritirate,
               count(*) filter (where f.soppressa = 0) as libere
          from genitori g join figli f using (chiave)
         group by g.chiave, g.id, g.soppressa
      ), scelte as (
        (select distinct on (f.chiave) f.id from figli f join linee l using (chiave)
          where l.ritirate = 1 and f.soppressa = 0 order by f.chiave, f.persone, f.id)
        union all
        select gid from linee where ritirate = 1 and libere = 0 and gs = 0
      ), fatte as (
        update ${tabella} set soppressa = 2 where ctid in (select id from scelte) returning 1
      )
      select count(*)::int as n from fatte`);
  }
  return withheld;
}

/** Runs passes until none withholds anything; returns the passes made and the entries withheld. */
export async function sopprimiNelCubo(run: (q: SQL) => Promise<number>, tabella: SQL): Promise<{ passate: number; secondarie: number }> {
  let secondarie = 0;
  for (let passate = 1; passate <= 100; passate++) {
    const n = await passata(run, tabella);
    secondarie += n;
    if (n === 0) return { passate, secondarie };
  }
  // Each pass withholds at least one more entry of a finite cube, so this means a bug, not a big cube.
  throw new Error('soppressione del cubo: nessun punto fisso dopo 100 passate');
}

/**
 * The two-way tables of the cube, by shape: which filter dimensions tell one table
 * from another (year, region) and which grouping sets hold its cells, margins and total.
 */
const FORME_2D = (() => {
  const forme: Array<{ filtro: Dimensione[]; per: Dimensione[]; celle: Insieme; margini: Insieme[]; totale: Insieme }> = [];
  for (const anno of [2024, null])
    for (const codiceRegione of ['12', null])
      for (let i = 0; i < DIMENSIONI.length; i++)
        for (let j = i + 1; j < DIMENSIONI.length; j++) {
          const per = [DIMENSIONI[i]!, DIMENSIONI[j]!];
          const richiesta = { filtro: { anno, codiceRegione, codiceComune: null }, per };
          try {
            validaRichiesta(richiesta);
          } catch {
            continue;
          }
          const filtro: Dimensione[] = [...(anno !== null ? (['ANNO'] as const) : []), ...(codiceRegione !== null ? (['REGIONE'] as const) : [])];
          forme.push({ filtro, per, ...insiemiDi(richiesta) });
        }
  return forme;
})();

/**
 * Lines are not the whole story in a two-way table: two blocks of withheld cells joined
 * by one cell pass every line and still give that cell away (kit `sopprimi` solves the
 * table's equations to find it). Each two-way table of the cube is checked that way
 * with the cube's flags; what a table adds is written back, so that it holds for every
 * table, and the caller runs the lines again. Returns how many entries were added.
 */
export async function verificaTabelle2D(rows: <T>(q: SQL) => Promise<T[]>, tabella: SQL, k: number): Promise<number> {
  const added: string[] = [];
  for (const forma of FORME_2D) {
    const cols = DIMENSIONI.map((d) => COLONNA[d]);
    const righe = await rows<Record<string, string | number | null>>(sql`
      select ctid::text as id, insieme, ${sql.raw(cols.join(', '))}, persone, prestazioni, soppressa
        from ${tabella} where insieme in (${sql.join(
          [forma.celle, ...forma.margini, forma.totale].map((i) => sql`${i}`),
          sql`, `,
        )})`);
    const istanze = new Map<string, typeof righe>();
    for (const r of righe) {
      const key = forma.filtro.map((d) => String(r[COLONNA[d]])).join('|');
      istanze.set(key, [...(istanze.get(key) ?? []), r]);
    }
    for (const istanza of istanze.values()) {
      const totale = istanza.find((r) => Number(r.insieme) === forma.totale);
      if (!totale) continue;
      const voce = (r: (typeof righe)[number], dims: Dimensione[]): VoceAggregata => ({
        chiave: forma.per.map((d) => (dims.includes(d) ? String(r[COLONNA[d]]) : null)),
        misure: { persone: Number(r.persone), record: Number(r.prestazioni), importo: 0 },
        ...(Number(r.soppressa) === 1 ? { soppressione: 'PRIMARIA' as const } : Number(r.soppressa) === 2 ? { soppressione: 'SECONDARIA' as const } : {}),
      });
      const celle = istanza.filter((r) => Number(r.insieme) === forma.celle);
      const margini = forma.margini.flatMap((m, i) => istanza.filter((r) => Number(r.insieme) === m).map((r) => ({ r, dims: forma.per.filter((_, j) => j !== i) })));
      const all = [...celle, ...margini.map((x) => x.r), totale];
      const out = sopprimi(
        { dimensioni: 2, celle: celle.map((r) => voce(r, forma.per)), margini: margini.map(({ r, dims }) => voce(r, dims)), totale: voce(totale, []) },
        k,
      );
      [...out.celle, ...out.margini, out.totale].forEach((o, i) => {
        const r = all[i]!;
        if (o.soppressione && Number(r.soppressa) === 0) added.push(String(r.id));
      });
    }
  }
  const unique = [...new Set(added)];
  for (let i = 0; i < unique.length; i += 1000) {
    const ids = unique.slice(i, i + 1000);
    await rows(sql`update ${tabella} set soppressa = 2 where ctid = any(${`{${ids.map((id) => `"${id}"`).join(',')}}`}::tid[])`);
  }
  return unique.length;
}
