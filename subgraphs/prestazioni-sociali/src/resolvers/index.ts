import { controlliResolvers, prestazioniResolvers, TIPI_ANOMALIA_PRESTAZIONE } from '@casellario/prestazioni-core';
import type { PrestazioniSocialiContext } from '../context';
import { accertamento, prestazione } from '../db/schema';

const shared = prestazioniResolvers<PrestazioniSocialiContext>(prestazione);
const controlli = controlliResolvers<PrestazioniSocialiContext>(prestazione, accertamento, {
  entity: 'PrestazioneSociale',
  campo: 'Query.anomaliePrestazioniSociali',
  // Not ISEE-tested: no ISEE anomaly, and no sanction range of art. 38 (other regimes apply; amounts are only checked as amounts).
  regole: { tipi: TIPI_ANOMALIA_PRESTAZIONE, sanzione: null },
});

/** The shared benefit resolvers under PS's names (schema.graphql), with the shared controls. */
export const resolvers = {
  ...shared.types,
  Query: { aggregatiPrestazioniSociali: shared.aggregati, elencoPrestazioniSociali: shared.elenco, anomaliePrestazioniSociali: controlli.anomalie },
  Mutation: { registraAccertamentoSociale: controlli.registraAccertamento },
  Persona: { ...shared.persona, prestazioniSociali: shared.cartella },
  PrestazioneSociale: { ...shared.prestazione, accertamenti: controlli.prestazioneAccertamenti },
  AnomaliaPrestazioneSociale: controlli.anomalia,
  EvidenzaAnomaliaSociale: controlli.evidenza,
  SovrapposizioneSociale: controlli.sovrapposizione,
  AccertamentoSociale: controlli.accertamento,
};
