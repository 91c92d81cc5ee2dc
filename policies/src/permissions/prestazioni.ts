import { canSeeIdentifying, isAuthenticated, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * The rules the two benefit subgraphs (PSA and PS) share: both serve the same
 * `PrestazioniSociali` record, so a field is judged the same way in either.
 * Every purpose that reads person records sees a benefit within its row scope;
 * the ente's application protocol (`protocolloDomanda`) and the DSU protocol
 * (`numeroProtocolloDsu`) re-identify the person at the ente or at INPS, so only
 * gestione and controllo get them. Audit reads none of it.
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
  protocolloDomanda: canSeeIdentifying,
  numeroProtocolloDsu: canSeeIdentifying,
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
