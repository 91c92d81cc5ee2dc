import { runSubgraphMain } from '@casellario/kit';
import { sinaSubgraph } from './index';

await runSubgraphMain(sinaSubgraph);
