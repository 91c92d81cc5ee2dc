import { hasRuolo, isAuthenticated } from '../shield/rules';
import { sameRule } from '../shield/field-rules';
import { federationQueryRules, serviceRules } from './federation';

/**
 * Flussi: enti send flows and read their esiti. Only gestione sends (its own
 * ente's flows, checked in the resolver against `Ente@Codice`) and reads flows
 * (its own ente's, in SQL). The esito's pointer to the beneficiary (masked, but
 * still identifying to the ente) and the ente's protocol are declared identifying
 * in subgraphs/flussi/src/schema.ts, not here.
 */
const sender = hasRuolo('gestione');

export const flussiPermissions = {
  Query: {
    ...federationQueryRules,
    flusso: sender,
    flussi: sender,
    codiciEsito: isAuthenticated,
  },
  Mutation: { inviaFlusso: sender },
  ...serviceRules,
  Flusso: sameRule(sender, [
    'id',
    'nome',
    'tipo',
    'enteCodice',
    'ricevutoIl',
    'parti',
    'partiRicevute',
    'stato',
    'riepilogo',
    'avvisiFlusso',
    'esiti',
    'consegna',
    'giaRicevuto',
    'contenutoDiverso',
  ]),
  RiepilogoEsiti: sameRule(sender, ['record', 'accettati', 'accettatiConAvvisi', 'rifiutati', 'codici']),
  ConteggioCodice: sameRule(sender, ['codice', 'gravita', 'record']),
  Esito: {
    ...sameRule(sender, ['numero', 'parte', 'riga', 'stato', 'codicePrestazione', 'segnalazioni']),
  },
  Segnalazione: sameRule(isAuthenticated, ['codice', 'gravita', 'campo', 'messaggio']),
  CodiceEsito: sameRule(isAuthenticated, ['codice', 'gravita', 'descrizione']),
  StatoConsegna: sameRule(sender, ['completata', 'consegnati', 'daConsegnare', 'ultimoErrore', 'scartati', 'scarti']),
  ScartoConsegna: sameRule(sender, ['numero', 'destinazione', 'motivo']),
  PaginaFlussi: sameRule(sender, ['elementi', 'haAltri', 'cursoreSuccessivo']),
  PaginaEsiti: sameRule(sender, ['elementi', 'haAltri', 'cursoreSuccessivo']),
};
