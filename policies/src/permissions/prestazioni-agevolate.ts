import { canSeeIdentifying, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { prestazioneFieldRules, prestazioniPermissions } from './prestazioni';

/**
 * PSA: ISEE-tested benefits and the DSU/ISEE attestazioni they rest on. Besides the
 * shared benefit rules: the DSU itself (ISEE values, household as person ids) is
 * readable by every purpose that reads person records, within its scope, since
 * programmazione and monitoraggio plan on ISEE levels; the INPS protocol of the DSU
 * re-identifies the declarant and is for gestione and controllo only.
 */
export const prestazioniAgevolatePermissions = {
  ...prestazioniPermissions({
    elenco: 'elencoPrestazioniAgevolate',
    cartella: 'prestazioniAgevolate',
    entity: 'PrestazioneAgevolata',
    pagina: 'PaginaPrestazioniAgevolate',
  }),
  PrestazioneAgevolata: { ...prestazioneFieldRules, dsu: readsPersonRecords },
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
    protocollo: canSeeIdentifying,
  },
};
