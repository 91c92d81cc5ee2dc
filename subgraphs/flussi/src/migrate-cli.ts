import { runMigrateMain } from '@casellario/kit';
import { flussiSubgraph } from './index';

await runMigrateMain(flussiSubgraph);
