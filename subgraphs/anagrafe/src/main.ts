import { runSubgraphMain } from '@casellario/kit';
import { anagrafeSubgraph } from './index';

await runSubgraphMain(anagrafeSubgraph);
