import { runSubgraphMain } from '@casellario/kit';
import { sinbaSubgraph } from './index';

await runSubgraphMain(sinbaSubgraph);
