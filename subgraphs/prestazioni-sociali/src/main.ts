import { runSubgraphMain } from '@casellario/kit';
import { prestazioniSocialiSubgraph } from './index';

await runSubgraphMain(prestazioniSocialiSubgraph);
