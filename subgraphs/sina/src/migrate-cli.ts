import { runMigrateMain } from '@casellario/kit';
import { sinaSubgraph } from './index';

await runMigrateMain(sinaSubgraph);
