import { runSubgraphMain } from '@casellario/kit';
import { sipSubgraph } from './index';

await runSubgraphMain(sipSubgraph);
