import { runMigrateMain } from '@casellario/kit';
import { accessiSubgraph } from './index';

await runMigrateMain(accessiSubgraph);
