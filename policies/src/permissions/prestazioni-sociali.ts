import { controlliPermissions, prestazioniPermissions } from './prestazioni';

const base = prestazioniPermissions({
  elenco: 'elencoPrestazioniSociali',
  cartella: 'prestazioniSociali',
  entity: 'PrestazioneSociale',
  pagina: 'PaginaPrestazioniSociali',
});
const controlli = controlliPermissions({
  anomalie: 'anomaliePrestazioniSociali',
  accertamento: 'registraAccertamentoSociale',
  suffix: 'Sociale',
  entity: 'PrestazioneSociale',
  plural: 'PrestazioniSociali',
});

/** PS: benefits not tested through ISEE. The rules every benefit subgraph shares, and the shared controls (controllo only). */
export const prestazioniSocialiPermissions = {
  ...base,
  ...controlli,
  Query: { ...base.Query, ...controlli.Query },
};
