import { runMigrateMain } from '@casellario/kit';
import { sinbaSubgraph } from './index';

await runMigrateMain(sinbaSubgraph);
