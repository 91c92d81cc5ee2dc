import { runMigrateMain } from '@casellario/kit';
import { sipSubgraph } from './index';

await runMigrateMain(sipSubgraph);
