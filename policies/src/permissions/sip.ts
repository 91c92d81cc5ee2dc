import { isAuthenticated, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * SIP: poverty cases of households. Persons appear only as opaque ids. What an
 * operator writes in free text (project objectives, commitment descriptions) may
 * name people, and the ente's case number re-identifies the household: those are
 * identifying (gestione and controllo only, logged), declared once in
 * subgraphs/sip/src/schema.ts and absent from this map. Everything else is readable by the
 * purposes that read person records, with row scope applied in SQL. Audit reads
 * none of it.
 */
export const sipPermissions = {
  Query: {
    ...federationQueryRules,
    elencoCasiSip: readsPersonRecords,
    catalogoSip: isAuthenticated,
  },
  ...serviceRules,
  Persona: sameRule(readsPersonRecords, ['id', 'valutazioniSip']),
  ValutazioneSip: sameRule(readsPersonRecords, ['ruoloNelNucleo', 'attivabileLavoro', 'caso']),
  CasoSip: {
    ...sameRule(readsPersonRecords, [
      'id',
      'enteErogatore',
      'codiceComune',
      'codiceRegione',
      'misura',
      'dataDomanda',
      'dataPattoDigitale',
      'dataChiusura',
      'stato',
      'componenti',
      'analisiPreliminare',
      'quadroAnalisi',
      'progetto',
      'scadenze',
    ]),
  },
  Ente: { codice: isAuthenticated },
  ComponenteNucleoSip: sameRule(readsPersonRecords, ['persona', 'ruolo', 'attivabileLavoro']),
  VoceCatalogoSip: sameRule(isAuthenticated, ['codice', 'descrizione']),
  CatalogoSip: sameRule(isAuthenticated, ['esitiAnalisiPreliminare', 'sostegni']),
  AnalisiPreliminareSip: sameRule(readsPersonRecords, ['data', 'esito']),
  QuadroAnalisiSip: sameRule(readsPersonRecords, ['data', 'dimensioni', 'equipe']),
  DimensioneQuadroAnalisiSip: sameRule(readsPersonRecords, ['dimensione', 'risorse', 'vulnerabilita', 'fattoriSostegno']),
  ProgettoSip: {
    ...sameRule(readsPersonRecords, ['tipo', 'dataSottoscrizione', 'sostegni', 'impegni', 'incontri']),
  },
  ImpegnoSip: {
    ...sameRule(readsPersonRecords, ['persona', 'scadenza', 'stato']),
  },
  IncontroSip: sameRule(readsPersonRecords, ['data', 'esito']),
  ScadenzaSip: sameRule(readsPersonRecords, ['tipo', 'descrizione', 'dataLimite', 'dataAdempimento', 'rispettata']),
  PaginaCasiSip: sameRule(readsPersonRecords, ['elementi', 'haAltri', 'cursoreSuccessivo']),
};
