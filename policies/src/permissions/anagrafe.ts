import { canSeeIdentifying, hasRuolo, isAuthenticated, readsPersonRecords } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/** Anagrafe: the only subgraph with a codice fiscale, names and birthplace. */
export const anagrafePermissions = {
  Query: {
    ...federationQueryRules,
    persona: hasRuolo('gestione', 'controllo'),
    ente: isAuthenticated,
    comune: isAuthenticated,
  },
  ...serviceRules,
  Persona: {
    id: readsPersonRecords,
    codiceFiscale: canSeeIdentifying,
    tipoCodiceFiscale: canSeeIdentifying,
    anagrafica: readsPersonRecords,
    residenza: readsPersonRecords,
    indirizzi: readsPersonRecords,
  },
  Anagrafica: {
    ...sameRule(canSeeIdentifying, ['cognome', 'nome', 'annoNascita', 'luogoNascita']),
    ...sameRule(readsPersonRecords, ['fasciaEta', 'genere', 'cittadinanza', 'secondaCittadinanza']),
  },
  Indirizzo: sameRule(readsPersonRecords, ['codiceComune', 'codiceRegione', 'codiceNazione', 'comune']),
  Ente: sameRule(isAuthenticated, ['codice', 'denominazione', 'tipo', 'belfiore', 'codiceComune', 'codiceRegione']),
  Comune: sameRule(isAuthenticated, ['codiceIstat', 'belfiore', 'nome', 'siglaProvincia', 'codiceRegione']),
};
