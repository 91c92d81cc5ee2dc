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
    // Who delivered what, and what other enti claim: identifying like the names they carry.
    provenienza: canSeeIdentifying,
    discrepanze: canSeeIdentifying,
  },
  ProvenienzaValore: sameRule(canSeeIdentifying, ['campo', 'fonte', 'ente', 'flusso', 'record', 'ricevutoIl']),
  Discrepanza: sameRule(canSeeIdentifying, ['campo', 'valore', 'ente', 'flusso', 'record', 'ricevutoIl', 'contraddiceCodiceFiscale']),
  Anagrafica: {
    ...sameRule(canSeeIdentifying, ['cognome', 'nome', 'annoNascita', 'luogoNascita']),
    ...sameRule(readsPersonRecords, ['fasciaEta', 'genere', 'cittadinanza', 'secondaCittadinanza']),
  },
  Indirizzo: sameRule(readsPersonRecords, ['codiceComune', 'codiceRegione', 'codiceNazione', 'comune']),
  Ente: sameRule(isAuthenticated, ['codice', 'denominazione', 'tipo', 'belfiore', 'codiceComune', 'codiceRegione']),
  Comune: sameRule(isAuthenticated, ['codiceIstat', 'belfiore', 'nome', 'siglaProvincia', 'codiceRegione']),
};
