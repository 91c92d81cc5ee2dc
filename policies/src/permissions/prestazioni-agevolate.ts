import { readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { aggregatiPermissions, controlliPermissions, isControllo, prestazioneFieldRules, prestazioniPermissions } from './prestazioni';

const base = prestazioniPermissions({
  elenco: 'elencoPrestazioniAgevolate',
  cartella: 'prestazioniAgevolate',
  entity: 'PrestazioneAgevolata',
  pagina: 'PaginaPrestazioniAgevolate',
});
const aggregati = aggregatiPermissions('aggregatiPrestazioniAgevolate');
const controlli = controlliPermissions({
  anomalie: 'anomaliePrestazioniAgevolate',
  accertamento: 'registraAccertamentoAgevolata',
  suffix: 'Agevolata',
  entity: 'PrestazioneAgevolata',
  plural: 'PrestazioniAgevolate',
});

/**
 * PSA: ISEE-tested benefits and the DSU/ISEE attestazioni they rest on. Besides the
 * shared benefit rules: the DSU itself (ISEE values, household as person ids) is
 * readable by every purpose that reads person records, within its scope, since
 * programmazione and monitoraggio plan on ISEE levels; the INPS protocol of the DSU
 * re-identifies the declarant and is for gestione and controllo only. The controls
 * (the shared ones and the ISEE ones) are for controllo only.
 */
export const prestazioniAgevolatePermissions = {
  ...base,
  ...controlli,
  ...aggregati,
  Query: { ...base.Query, ...controlli.Query, ...aggregati.Query, anomalieIsee: isControllo },
  AnomaliaIsee: sameRule(isControllo, ['tipo', 'prestazione', 'evidenza']),
  EvidenzaIsee: sameRule(isControllo, [
    'dataPrestazione',
    'soglia',
    'dsu',
    'isee',
    'eccedenza',
    'dataPresentazioneDsu',
    'dataScadenzaDsu',
    'beneficiarioNelNucleo',
  ]),
  PaginaAnomalieIsee: sameRule(isControllo, ['elementi', 'haAltri', 'cursoreSuccessivo']),
  PrestazioneAgevolata: { ...prestazioneFieldRules, dsu: readsPersonRecords, accertamenti: isControllo },
  // Dsu.protocollo is declared identifying in subgraphs/prestazioni-agevolate/src/schema.ts.
  Dsu: {
    ...sameRule(readsPersonRecords, [
      'id',
      'anno',
      'dataPresentazione',
      'dataScadenza',
      'tipoIsee',
      'isee',
      'ise',
      'isr',
      'isp',
      'scalaEquivalenza',
      'omissioniDifformita',
      'dichiarante',
      'componenti',
    ]),
  },
};
