import { aggregatiPermissions, controlliPermissions, isControllo, prestazioneFieldRules, prestazioniPermissions } from './prestazioni';

const base = prestazioniPermissions({
  elenco: 'elencoPrestazioniSociali',
  cartella: 'prestazioniSociali',
  entity: 'PrestazioneSociale',
  pagina: 'PaginaPrestazioniSociali',
});
const aggregati = aggregatiPermissions('aggregatiPrestazioniSociali');
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
  ...aggregati,
  Query: { ...base.Query, ...controlli.Query, ...aggregati.Query },
  // What control bodies recorded on a benefit is theirs to read.
  PrestazioneSociale: { ...prestazioneFieldRules, accertamenti: isControllo },
};
