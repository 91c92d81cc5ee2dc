import { etichetteDaCodici, filtroDelTerritorio, sogliaAggregati, tabellaConteggi, validaPer, type DimensioneSql, type FiltroAggregatiInput } from '@casellario/kit';
import { comuneByIstat, regioneByCodice } from '@casellario/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { SinaContext } from '../context';
import { valutazioneSina as v } from '../db/schema';
import {
  AREA_REDDITUALE,
  AREA_SUPPORTO,
  ATTIVITA_VITA_QUOTIDIANA,
  DISTURBI_AREA_COGNITIVA,
  DISTURBI_COMPORTAMENTALI,
  MOBILITA,
  NECESSITA_CURE_SANITARIE,
} from '../domain/codici-sina';


/** The dimensions of the SINA aggregates, canonical order: territory, time, then the levels of table 10. */
const DIMENSIONI: DimensioneSql[] = [
  { nome: 'REGIONE', colonna: 'regione', etichetta: (c) => regioneByCodice(c)?.nome ?? c },
  { nome: 'COMUNE', colonna: 'comune', etichetta: (c) => comuneByIstat(c)?.nome ?? c },
  { nome: 'ANNO', colonna: 'anno' },
  { nome: 'MOBILITA', colonna: 'mobilita', etichetta: etichetteDaCodici(MOBILITA) },
  { nome: 'ATTIVITA_VITA_QUOTIDIANA', colonna: 'avq', etichetta: etichetteDaCodici(ATTIVITA_VITA_QUOTIDIANA) },
  { nome: 'DISTURBI_AREA_COGNITIVA', colonna: 'cognitivi', etichetta: etichetteDaCodici(DISTURBI_AREA_COGNITIVA) },
  { nome: 'DISTURBI_COMPORTAMENTALI', colonna: 'comportamentali', etichetta: etichetteDaCodici(DISTURBI_COMPORTAMENTALI) },
  { nome: 'NECESSITA_CURE_SANITARIE', colonna: 'cure', etichetta: etichetteDaCodici(NECESSITA_CURE_SANITARIE) },
  { nome: 'AREA_REDDITUALE', colonna: 'reddito', etichetta: etichetteDaCodici(AREA_REDDITUALE) },
  { nome: 'AREA_SUPPORTO', colonna: 'supporto', etichetta: etichetteDaCodici(AREA_SUPPORTO) },
];

const k = sogliaAggregati();

/**
 * `aggregatiValutazioniSina`: persons assessed and assessments by the levels of
 * table 10 (mobility, daily living, cognitive and behavioural disorders, health
 * care, income, support network), by territory and year; programmazione its
 * territory, monitoraggio national, no other filter (kit `filtroDelTerritorio`); small
 * cells withheld over every table of the viewer at once (kit `tabellaConteggi`).
 */
export async function aggregatiValutazioniSina(_: unknown, args: { filtro?: FiltroAggregatiInput | null; per: string[] }, ctx: SinaContext) {
  const filtro = filtroDelTerritorio(ctx.viewer, args.filtro);
  validaPer(args.per);
  const where = and(
    eq(v.annullata, false),
    filtro.codiceRegione !== null ? eq(v.codiceRegioneResidenza, filtro.codiceRegione) : undefined,
    filtro.codiceComune !== null ? eq(v.codiceComuneResidenza, filtro.codiceComune) : undefined,
  );
  const sorgente = sql`
    select ${v.personaId} as persona,
           coalesce(${v.codiceRegioneResidenza}, 'ND') as regione, coalesce(${v.codiceComuneResidenza}, 'ND') as comune,
           extract(year from ${v.dataValutazione})::int::text as anno,
           ${v.mobilita} as mobilita, ${v.attivitaVitaQuotidiana} as avq, coalesce(${v.disturbiAreaCognitiva}, 'ND') as cognitivi,
           ${v.disturbiComportamentali} as comportamentali, coalesce(${v.necessitaCureSanitarie}, 'ND') as cure,
           ${v.areaReddituale} as reddito, ${v.areaSupporto} as supporto
      from ${v} where ${where}`;
  return tabellaConteggi(ctx.handle, sorgente, DIMENSIONI, args.per, k);
}
