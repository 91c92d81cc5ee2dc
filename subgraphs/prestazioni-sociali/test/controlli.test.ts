import { describeControlliSubgraph } from '@casellario/prestazioni-core/testing';
import { accertamento, PROVA_MEZZI } from '../src/db/schema';
import { prestazioniSocialiSubgraph } from '../src/index';

// The shared control suite (platform/prestazioni-core/src/testing/controlli-suite.ts) on PS's names.
describeControlliSubgraph({
  module: prestazioniSocialiSubgraph,
  accertamento,
  provaMezzi: PROVA_MEZZI,
  names: { anomalie: 'anomaliePrestazioniSociali', registra: 'registraAccertamentoSociale', filtro: 'FiltroAnomaliePrestazioni', evidenza: 'EvidenzaAnomaliaSociale' },
  // No art. 38 range on benefits not tested through ISEE.
  sanzione: null,
});
