import { conteggiPermissions, hasRuolo } from '../shield/rules';

const aggregati = conteggiPermissions('aggregatiEventiSinba');
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * SINBA: child-protection cases, pseudonymous at source and never joined to a
 * person. Gestione reads its own ente's cases (row scope in SQL), with the ente's
 * local `IDBeneficiario`; programmazione (its territory) and monitoraggio
 * (national) read pseudonymous records; controllo and audit read nothing — child
 * protection is not a matter of benefit control, so every field is FORBIDDEN to
 * them, root fields and `_entities` alike.
 */
export const readsSinba = hasRuolo('gestione', 'programmazione', 'monitoraggio');
// Re-identifying data (the ente's local id, the year of birth) is declared in
// subgraphs/sinba/src/schema.ts with `regola: readsSinba`: of the SINBA readers, gestione only.

export const sinbaPermissions = {
  Query: {
    ...federationQueryRules,
    casoSinba: hasRuolo('gestione'),
    elencoCasiSinba: readsSinba,
    ...aggregati.Query,
  },
  TabellaConteggi: aggregati.TabellaConteggi,
  CellaConteggio: aggregati.CellaConteggio,
  ...serviceRules,
  PaginaCasiSinba: sameRule(readsSinba, ['elementi', 'haAltri', 'cursoreSuccessivo']),
  Ente: { codice: readsSinba },
  CasoSinba: {
    ...sameRule(readsSinba, [
      'id',
      'enteErogatore',
      'codiceComuneEnte',
      'codiceRegioneEnte',
      'minore',
      'famiglia',
      'composizioneFamiglia',
      'condizioneEconomica',
      'segnalazione',
      'valutazione',
      'provvedimentoGiudiziario',
      'affido',
      'inserimentoResidenziale',
      'collaborazioniInterventi',
      'chiuso',
      'chiusura',
      'prestazioni',
      'annullata',
    ]),
  },
  MinoreSinba: {
    ...sameRule(readsSinba, [
      'fasciaEta',
      'minoreStranieroNonAccompagnato',
      'condizione',
      'luogoVita',
      'scuolaFrequentata',
      'condizioneLavoro',
      'disabilita',
      'tipoDisabilita',
      'certificazioneInvalidita',
      'codiceRegioneResidenza',
      'codiceNazioneResidenza',
    ]),
  },
  FamigliaSinba: sameRule(readsSinba, ['padre', 'madre']),
  GenitoreSinba: sameRule(readsSinba, ['codiceCittadinanza', 'codiceRegioneResidenza', 'titoloStudio', 'occupazione']),
  CondizioneEconomicaSinba: sameRule(readsSinba, ['numeroComponentiIsee', 'fasciaIsee']),
  SegnalazioneSinba: sameRule(readsSinba, ['dataPrimaSegnalazione', 'fonte', 'segnalazioneAutoritaGiudiziaria', 'dataSegnalazioneAutoritaGiudiziaria']),
  ValutazioneSinba: sameRule(readsSinba, ['minore', 'famiglia']),
  ProvvedimentoGiudiziarioSinba: sameRule(readsSinba, ['presente', 'data', 'autorita', 'potestaTutela', 'tipo']),
  AffidoSinba: sameRule(readsSinba, ['forma', 'tipo', 'durata', 'carattere', 'esito']),
  InserimentoResidenzialeSinba: sameRule(readsSinba, ['carattere', 'forma', 'tipo', 'esito']),
  ChiusuraSinba: sameRule(readsSinba, ['motivazione', 'situazione']),
};
