import { guardedByParent, isAuthenticated, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * Anagrafe: the only subgraph with a codice fiscale, names and birthplace. The
 * identifying fields (`Query.persona`, the CF, names, year and place of birth) are
 * not here: they are declared once in subgraphs/anagrafe/src/schema.ts
 * (`accessiIdentificanti`), which gives them `canSeeIdentifying` and their access
 * records.
 */
export const anagrafePermissions = {
  Query: {
    ...federationQueryRules,
    ente: isAuthenticated,
    comune: isAuthenticated,
  },
  ...serviceRules,
  Persona: {
    id: readsPersonRecords,
    anagrafica: readsPersonRecords,
    residenza: readsPersonRecords,
    indirizzi: readsPersonRecords,
  },
  // Only Persona.provenienza and Persona.discrepanze return these, and both are declared
  // identifying (who delivered what, what other enti claim): their rule and record decide.
  ProvenienzaValore: sameRule(guardedByParent, ['campo', 'fonte', 'ente', 'flusso', 'record', 'ricevutoIl']),
  Discrepanza: sameRule(guardedByParent, ['campo', 'valore', 'ente', 'flusso', 'record', 'ricevutoIl', 'contraddiceCodiceFiscale']),
  Anagrafica: {
    ...sameRule(readsPersonRecords, ['fasciaEta', 'genere', 'cittadinanza', 'secondaCittadinanza']),
  },
  Indirizzo: sameRule(readsPersonRecords, ['codiceComune', 'codiceRegione', 'codiceNazione', 'comune']),
  Ente: sameRule(isAuthenticated, ['codice', 'denominazione', 'tipo', 'belfiore', 'codiceComune', 'codiceRegione']),
  Comune: sameRule(isAuthenticated, ['codiceIstat', 'belfiore', 'nome', 'siglaProvincia', 'codiceRegione']),
};
