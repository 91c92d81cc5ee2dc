import { controlliResolvers, prestazioniResolvers, TIPI_ANOMALIA } from '@casellario/prestazioni-core';
import type { PrestazioniAgevolateContext } from '../context';
import { accertamento, prestazione } from '../db/schema';
import { AnomaliaIsee, anomalieIsee, EvidenzaIsee } from './controlli-isee';
import { Dsu, prestazioneDsu } from './dsu';

const shared = prestazioniResolvers<PrestazioniAgevolateContext>(prestazione);
const controlli = controlliResolvers<PrestazioniAgevolateContext>(prestazione, accertamento, {
  entity: 'PrestazioneAgevolata',
  campo: 'Query.anomaliePrestazioniAgevolate',
  // Every PSA benefit is ISEE-tested: every kind applies, and the sanction of art. 38 c. 3 DL 78/2010.
  regole: { tipi: TIPI_ANOMALIA, sanzione: { min: 500, max: 5000 } },
});

/** The shared benefit resolvers under PSA's names (schema.graphql), plus the DSU and the ISEE controls. */
export const resolvers = {
  ...shared.types,
  Query: { aggregatiPrestazioniAgevolate: shared.aggregati, elencoPrestazioniAgevolate: shared.elenco, anomalieIsee, anomaliePrestazioniAgevolate: controlli.anomalie },
  Mutation: { registraAccertamentoAgevolata: controlli.registraAccertamento },
  Persona: { ...shared.persona, prestazioniAgevolate: shared.cartella },
  PrestazioneAgevolata: { ...shared.prestazione, dsu: prestazioneDsu, accertamenti: controlli.prestazioneAccertamenti },
  Dsu,
  AnomaliaIsee,
  EvidenzaIsee,
  AnomaliaPrestazioneAgevolata: controlli.anomalia,
  EvidenzaAnomaliaAgevolata: controlli.evidenza,
  SovrapposizioneAgevolata: controlli.sovrapposizione,
  AccertamentoAgevolata: controlli.accertamento,
};
