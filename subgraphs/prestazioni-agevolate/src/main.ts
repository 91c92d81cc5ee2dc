import { runSubgraphMain } from '@casellario/kit';
import { prestazioniAgevolateSubgraph } from './index';

await runSubgraphMain(prestazioniAgevolateSubgraph);
