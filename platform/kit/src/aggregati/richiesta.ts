import { badUserInput, forbidden, type Viewer } from '@casellario/policies';

/** Filters every aggregates query takes (besides the scope the token imposes). */
export interface FiltroAggregati {
  anno: number | null;
  codiceRegione: string | null;
  codiceComune: string | null;
}

export interface FiltroAggregatiInput {
  anno?: number | null;
  codiceRegione?: string | null;
  codiceComune?: string | null;
}

/** Years a benefit can fall in: the registry starts in 2014 (DM 206/2014); a margin either side. */
const ANNO_MIN = 1990;
const ANNO_MAX = 2100;

/**
 * Checks a year argument (`anno`), which both the listing and the cartella take:
 * BAD_USER_INPUT with what to fix rather than a query that can only return nothing.
 */
export function checkAnno(anno: number | null | undefined): number | null {
  if (anno === null || anno === undefined) return null;
  if (!Number.isInteger(anno) || anno < ANNO_MIN || anno > ANNO_MAX) {
    throw badUserInput(`Anno non valido: indicare un anno tra ${ANNO_MIN} e ${ANNO_MAX}`);
  }
  return anno;
}

/** The k of small-cell suppression: AGGREGATI_SOGLIA, default 5 (docs/aggregati.md). */
export function sogliaAggregati(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.AGGREGATI_SOGLIA;
  if (raw === undefined || raw === '') return 5;
  const k = Number(raw);
  // Below 3 a published cell can be one person and another: no protection at all.
  if (!Number.isInteger(k) || k < 3 || k > 100) throw new Error(`AGGREGATI_SOGLIA must be an integer between 3 and 100, got "${raw}"`);
  return k;
}

/**
 * The filter a request may use inside the viewer's territory: programmazione reads
 * its region or comune only (asking for another one is refused, not answered with
 * nothing), monitoraggio and a national programmazione the whole country; the other
 * purposes read persons, not aggregates.
 */
export function filtroNelTerritorio(viewer: Viewer, input: FiltroAggregatiInput | null | undefined): FiltroAggregati {
  const f = input ?? {};
  const filtro: FiltroAggregati = { anno: checkAnno(f.anno), codiceRegione: f.codiceRegione ?? null, codiceComune: f.codiceComune ?? null };
  if (filtro.codiceRegione !== null && !/^\d{2}$/.test(filtro.codiceRegione)) throw badUserInput('codiceRegione: codice ISTAT della regione di 2 cifre');
  if (filtro.codiceComune !== null && !/^\d{6}$/.test(filtro.codiceComune)) throw badUserInput('codiceComune: codice ISTAT del comune di 6 cifre');
  if (viewer.ruolo === 'monitoraggio') return filtro;
  if (viewer.ruolo !== 'programmazione') throw forbidden();
  const t = viewer.territorio;
  if (t.livello === 'regione') {
    if (filtro.codiceRegione !== null && filtro.codiceRegione !== t.codiceRegione) throw forbidden('Regione fuori dal territorio del token');
    // A comune filter stays inside the region: the region condition is applied too.
    return { ...filtro, codiceRegione: t.codiceRegione };
  }
  if (t.livello === 'comune') {
    if (filtro.codiceRegione !== null || (filtro.codiceComune !== null && filtro.codiceComune !== t.codiceComune)) throw forbidden('Comune fuori dal territorio del token');
    return { ...filtro, codiceComune: t.codiceComune };
  }
  return filtro;
}

/** Checks `per` of an on-the-fly table: at most two distinct dimensions, not a region with its comune. */
export function validaPer(per: readonly string[]): void {
  if (per.length > 2) throw badUserInput('Al più due dimensioni per tabella (`per`).');
  if (new Set(per).size !== per.length) throw badUserInput('Una dimensione compare due volte in `per`.');
  if (per.includes('REGIONE') && per.includes('COMUNE')) throw badUserInput('REGIONE e COMUNE insieme: il comune indica già la regione.');
}

/**
 * The filter of a table computed on the fly (kit `tabellaConteggi`): only the token's own
 * territory. Such tables are suppressed together over one population, the viewer's; a
 * filter would make another population, whose tables nobody checked against these, and
 * the difference of two tables is exactly what suppression must not let through. Year,
 * region and comune are dimensions there instead.
 */
export function filtroDelTerritorio(viewer: Viewer, input: FiltroAggregatiInput | null | undefined): FiltroAggregati {
  const filtro = filtroNelTerritorio(viewer, input);
  if (input?.anno != null) throw badUserInput("Qui l'anno non è un filtro ma una dimensione: usa per: [ANNO].");
  const own = viewer.territorio;
  const regione = own.livello === 'regione' ? own.codiceRegione : null;
  const comune = own.livello === 'comune' ? own.codiceComune : null;
  if ((input?.codiceRegione != null && input.codiceRegione !== regione) || (input?.codiceComune != null && input.codiceComune !== comune)) {
    throw badUserInput('Qui il territorio non è un filtro ma una dimensione: usa per: [REGIONE] o [COMUNE].');
  }
  return filtro;
}
