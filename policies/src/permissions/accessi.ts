import { sameRule } from '../shield/field-rules';
import { federationService, hasRuolo } from '../shield/rules';
import { serviceRules } from './federation';

/**
 * Accessi: the access log is for the data-protection officer (`audit`) alone,
 * every field of it. The purposes whose reads it records never read it: an
 * operator must not learn who else looked at a person, nor check whether their own
 * reads were recorded. Writing goes through the internal endpoint (service
 * tokens), never through GraphQL.
 */
const audit = hasRuolo('audit');

export const accessiPermissions = {
  // No entity lives here, so the schema has `_service` but no `_entities` (and
  // shield refuses a rule for a field that does not exist).
  Query: {
    _service: federationService,
    registroAccessi: audit,
    verificaRegistroAccessi: audit,
    acquisizioniFuoriTerritorio: audit,
  },
  ...serviceRules,
  PaginaAccessi: sameRule(audit, ['elementi', 'haAltri', 'cursoreSuccessivo']),
  Accesso: sameRule(audit, [
    'seq',
    'istante',
    'subgraph',
    'operatore',
    'ruolo',
    'ente',
    'riferimento',
    'soggetto',
    'campi',
    'requestId',
    'requestIdCliente',
    'flusso',
    'record',
    'fuoriTerritorio',
    'hash',
  ]),
  SoggettoAccesso: sameRule(audit, ['tipo', 'id']),
  VerificaRegistroAccessi: sameRule(audit, ['verificati', 'integro', 'hashTesta', 'seqTesta', 'primaRottura', 'verificatoIl']),
  RotturaCatena: sameRule(audit, ['seq', 'istante', 'motivo']),
};
