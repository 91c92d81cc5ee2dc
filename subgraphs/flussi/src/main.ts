import { runSubgraphMain } from '@casellario/kit';
import { flussiSubgraph } from './index';

await runSubgraphMain(flussiSubgraph);
