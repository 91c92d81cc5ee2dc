import { comuneByIstat, regioneByCodice } from '@casellario/domain';
import { etichetteDaCodici, filtroDelTerritorio, sogliaAggregati, tabellaConteggi, validaPer, type DimensioneSql, type FiltroAggregatiInput } from '@casellario/kit';
import { and, eq, sql } from 'drizzle-orm';
import type { SinbaContext } from '../context';
import { casoSinba as c } from '../db/schema';
import { FasciaEtaMinore, LuogoVita, SI } from '../domain/codici';


/**
 * The events of a case, as the SINBA record shows them (tables 15–16): it was reported
 * (`DataPrimaSegnalazione`, every case), reported to the judicial authority, a court
 * measure issued, a foster care or a residential placement started, the case closed.
 */
const EVENTI: Record<string, string> = {
  SEGNALAZIONE: 'prima segnalazione',
  SEGNALAZIONE_AUTORITA_GIUDIZIARIA: "segnalazione all'autorità giudiziaria",
  PROVVEDIMENTO_GIUDIZIARIO: 'provvedimento giudiziario',
  AFFIDO: 'affido',
  INSERIMENTO_RESIDENZIALE: 'inserimento residenziale',
  CHIUSURA: 'chiusura della presa in carico',
};

const DIMENSIONI: DimensioneSql[] = [
  { nome: 'REGIONE', colonna: 'regione', etichetta: (x) => regioneByCodice(x)?.nome ?? x },
  { nome: 'COMUNE', colonna: 'comune', etichetta: (x) => comuneByIstat(x)?.nome ?? x },
  { nome: 'ANNO', colonna: 'anno' },
  { nome: 'EVENTO', colonna: 'evento', etichetta: (x) => EVENTI[x] ?? x },
  { nome: 'FASCIA_ETA', colonna: 'fascia', etichetta: etichetteDaCodici(FasciaEtaMinore) },
  { nome: 'LUOGO_VITA', colonna: 'luogo', etichetta: etichetteDaCodici(LuogoVita) },
];

const k = sogliaAggregati();

/**
 * `aggregatiEventiSinba`: children (distinct cases of an ente) and case events by
 * territory of the sending ente, year of first report, event, age band and where the
 * child lives; programmazione its territory, monitoraggio national, no other filter
 * (kit `filtroDelTerritorio`); small cells withheld over every table of the viewer at
 * once (kit `tabellaConteggi`). SINBA is pseudonymous at source: "persons" are
 * the ente's `IDBeneficiario`s, never joined to anyone.
 */
export async function aggregatiEventiSinba(_: unknown, args: { filtro?: FiltroAggregatiInput | null; per: string[] }, ctx: SinbaContext) {
  const filtro = filtroDelTerritorio(ctx.viewer, args.filtro);
  validaPer(args.per);
  const where = and(
    eq(c.annullata, false),
    filtro.codiceRegione !== null ? eq(c.codiceRegioneEnte, filtro.codiceRegione) : undefined,
    filtro.codiceComune !== null ? eq(c.codiceComuneEnte, filtro.codiceComune) : undefined,
  );
  const sorgente = sql`
    select ${c.enteCodice} || ':' || ${c.idBeneficiario} as persona,
           coalesce(${c.codiceRegioneEnte}, 'ND') as regione, coalesce(${c.codiceComuneEnte}, 'ND') as comune,
           extract(year from ${c.dataPrimaSegnalazione})::int::text as anno,
           e.evento, ${c.fasciaEtaBeneficiario} as fascia, ${c.luogoVita} as luogo
      from ${c}
      cross join lateral (values
        ('SEGNALAZIONE', true),
        ('SEGNALAZIONE_AUTORITA_GIUDIZIARIA', ${c.segnalazioneAutoritaGiudiziaria} = ${SI}),
        ('PROVVEDIMENTO_GIUDIZIARIO', ${c.provvedimentoGiudiziario} = ${SI}),
        ('AFFIDO', ${c.formaInterventoAffido} is not null),
        ('INSERIMENTO_RESIDENZIALE', ${c.carattereInserimentoResidenziale} is not null),
        ('CHIUSURA', ${c.motivazioneChiusuraCarico} is not null or ${c.situazioneChiusuraCarico} is not null)
      ) as e(evento, presente)
     where e.presente and ${where}`;
  return tabellaConteggi(ctx.handle, sorgente, DIMENSIONI, args.per, k);
}
