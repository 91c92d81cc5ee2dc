import { runSubgraphMain } from '@casellario/kit';
import { accessiSubgraph } from './index';

await runSubgraphMain(accessiSubgraph);
