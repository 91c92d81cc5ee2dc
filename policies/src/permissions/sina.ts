import { conteggiPermissions, isAuthenticated, readsPersonRecords } from '../shield/rules';

const aggregati = conteggiPermissions('aggregatiValutazioniSina');
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * SINA: assessments of disability and non-self-sufficiency. Every purpose that
 * reads person records sees the assessment itself (programmazione and
 * monitoraggio plan on it, through pseudonyms); the ente's application protocol
 * re-identifies the person at the ente, so only gestione and controllo get it.
 * Audit reads none of it.
 */
export const sinaPermissions = {
  Query: {
    ...federationQueryRules,
    elencoValutazioniSina: readsPersonRecords,
    ...aggregati.Query,
  },
  TabellaConteggi: aggregati.TabellaConteggi,
  CellaConteggio: aggregati.CellaConteggio,
  ...serviceRules,
  Persona: sameRule(readsPersonRecords, ['id', 'valutazioniSina']),
  Ente: { codice: isAuthenticated },
  // protocolloDomanda is declared identifying in subgraphs/sina/src/schema.ts.
  ValutazioneSina: {
    ...sameRule(readsPersonRecords, [
      'id',
      'persona',
      'enteErogatore',
      'dataValutazione',
      'mobilita',
      'attivitaVitaQuotidiana',
      'disturbiAreaCognitiva',
      'disturbiComportamentali',
      'necessitaCureSanitarie',
      'areaReddituale',
      'areaSupporto',
      'fonteDerivazioneValutazione',
      'strumentoValutazione',
      'fonteDerivazioneInvalidita',
      'necessitaInterventiSociali',
      'invaliditaCivile',
      'codicePrestazione',
      'codiceComuneResidenza',
      'codiceRegioneResidenza',
    ]),
  },
  PaginaValutazioniSina: sameRule(readsPersonRecords, ['elementi', 'haAltri', 'cursoreSuccessivo']),
};
