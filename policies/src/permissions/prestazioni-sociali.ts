import { prestazioniPermissions } from './prestazioni';

/** PS: benefits not tested through ISEE. The rules are those every benefit subgraph shares. */
export const prestazioniSocialiPermissions = prestazioniPermissions({
  elenco: 'elencoPrestazioniSociali',
  cartella: 'prestazioniSociali',
  entity: 'PrestazioneSociale',
  pagina: 'PaginaPrestazioniSociali',
});
