import { guardedByParent, hasRuolo, isAuthenticated, readsAggregates, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * The rules the two benefit subgraphs (PSA and PS) share: both serve the same
 * `PrestazioniSociali` record, so a field is judged the same way in either.
 * Every purpose that reads person records sees a benefit within its row scope.
 * The identifying fields (the ente's application protocol, the DSU protocol, the
 * sender's own text) are not here: they are declared once, with their access-log
 * subject, in platform/prestazioni-core/src/accessi.ts. Audit reads none of it.
 */
export const prestazioneFieldRules = {
  ...sameRule(readsPersonRecords, [
    'id',
    'persona',
    'enteErogatore',
    'presenzaProvaMezzi',
    'caratterePrestazione',
    'codicePrestazione',
    'denominazionePrestazione',
    'denominazioneDifforme',
    'dataEvento',
    'dataInizio',
    'dataFine',
    'dataErogazione',
    'importoPrestazione',
    'periodoErogazione',
    'importoMensile',
    'importoQuotaEnte',
    'importoQuotaUtente',
    'importoQuotaSsn',
    'importoQuotaRichiesta',
    'importoSogliaIsee',
    'oreServizioMensile',
    'presaInCarico',
    'areaUtenza',
    'annoProtocolloDsu',
    'dataDsu',
    'codiceComuneResidenza',
    'codiceRegioneResidenza',
    'annullata',
  ]),
};

/**
 * The permissions of a benefit subgraph from its own names: the listing field, the
 * list on `Persona`, the entity and page types. Each subgraph adds what is its own.
 */
export function prestazioniPermissions(names: { elenco: string; cartella: string; entity: string; pagina: string }) {
  return {
    Query: {
      ...federationQueryRules,
      [names.elenco]: readsPersonRecords,
    },
    ...serviceRules,
    Persona: sameRule(readsPersonRecords, ['id', names.cartella]),
    // Ente codes are public (the list of enti erogatori), like anagrafe's Ente.
    Ente: { codice: isAuthenticated },
    [names.entity]: prestazioneFieldRules,
    [names.pagina]: sameRule(readsPersonRecords, ['elementi', 'haAltri', 'cursoreSuccessivo']),
  };
}

/**
 * Controls and accertamenti (docs/controlli.md) are for control bodies only: every
 * anomaly points at a person and is acted on as such, so gestione, programmazione,
 * monitoraggio and audit get FORBIDDEN, root fields and every field of the types
 * alike (the types are not entities: no other path reaches them).
 */
export const isControllo = hasRuolo('controllo');

/** The rules of the controls a benefit subgraph shares, from its own names (its SDL). */
export function controlliPermissions(names: { anomalie: string; accertamento: string; suffix: string; entity: string; plural: string }) {
  return {
    Query: { [names.anomalie]: isControllo },
    Mutation: { [names.accertamento]: isControllo },
    [`Anomalia${names.entity}`]: sameRule(isControllo, ['tipo', 'prestazione', 'evidenza']),
    [`EvidenzaAnomalia${names.suffix}`]: sameRule(isControllo, ['sovrapposte', 'importoDichiarato', 'importoMensile', 'mesi', 'importoAtteso', 'differenza', 'tolleranza']),
    [`Sovrapposizione${names.suffix}`]: sameRule(isControllo, ['prestazione', 'dal', 'al']),
    [`PaginaAnomalie${names.plural}`]: sameRule(isControllo, ['elementi', 'haAltri', 'cursoreSuccessivo']),
    [`Accertamento${names.suffix}`]: sameRule(isControllo, [
      'id',
      'prestazione',
      'tipoAnomalia',
      'esito',
      'importoDaRecuperare',
      'sanzione',
      'operatore',
      'ente',
      'riferimento',
      'istante',
    ]),
  };
}


/** The rules of a benefit subgraph's aggregates, from its root field's name. */
export function aggregatiPermissions(campo: string) {
  return {
    Query: { [campo]: readsAggregates },
    TabellaAggregata: sameRule(readsAggregates, ['per', 'soglia', 'aggiornataAl', 'celle', 'margini', 'totale']),
    // Only TabellaAggregata returns cells, under readsAggregates: a rule per cell adds nothing.
    CellaAggregata: sameRule(guardedByParent, ['chiave', 'etichetta', 'persone', 'prestazioni', 'importo', 'soppressa', 'soppressione']),
  };
}
