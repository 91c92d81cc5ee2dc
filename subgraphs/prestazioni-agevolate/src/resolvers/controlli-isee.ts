import { readPageArgs, toPage } from '@casellario/kit';
import { readFiltroAnomalie, recordAnomalieRead, type AnomalieArgs } from '@casellario/prestazioni-core';
import type { PrestazioniAgevolateContext } from '../context';
import { findAnomalieIsee, TIPI_ANOMALIA_ISEE, type AnomaliaIseeRow, type TipoAnomaliaIsee } from '../db/controlli-isee';

type Ctx = PrestazioniAgevolateContext;

/** `Query.anomalieIsee`: one page of ISEE anomalies, each of its persons recorded in the access log. */
export async function anomalieIsee(_: unknown, args: AnomalieArgs<TipoAnomaliaIsee>, ctx: Ctx) {
  const filtro = readFiltroAnomalie(args.filtro, TIPI_ANOMALIA_ISEE);
  const { limit, after, seal } = readPageArgs({ ...args }, { ctx, listing: 'anomalieIsee' });
  const rows = await findAnomalieIsee(ctx.handle, ctx.viewer, filtro, { limit, after });
  const page = toPage(rows, limit, (r) => [r.dataRiferimento, r.id], seal);
  recordAnomalieRead(ctx, 'Query.anomalieIsee', page.elementi);
  return page;
}

export const AnomaliaIsee = {
  tipo: (a: AnomaliaIseeRow) => a.tipo,
  prestazione: (a: AnomaliaIseeRow, _: unknown, ctx: Ctx) => ctx.loaders.prestazione.load(a.id),
  evidenza: (a: AnomaliaIseeRow) => a,
};

export const EvidenzaIsee = {
  dataPrestazione: (a: AnomaliaIseeRow) => a.dataRiferimento,
  soglia: (a: AnomaliaIseeRow) => a.soglia,
  dsu: (a: AnomaliaIseeRow, _: unknown, ctx: Ctx) => (a.dsuId ? ctx.loaders.dsu.load(a.dsuId) : null),
  isee: (a: AnomaliaIseeRow) => a.isee,
  eccedenza: (a: AnomaliaIseeRow) => (a.isee === null || a.soglia === null ? null : Math.round((a.isee - a.soglia) * 100) / 100),
  dataPresentazioneDsu: (a: AnomaliaIseeRow) => a.dataPresentazioneDsu,
  dataScadenzaDsu: (a: AnomaliaIseeRow) => a.dataScadenzaDsu,
  beneficiarioNelNucleo: (a: AnomaliaIseeRow) => a.beneficiarioNelNucleo,
};
