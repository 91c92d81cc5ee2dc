import { runMigrateMain } from '@casellario/kit';
import { prestazioniAgevolateSubgraph } from './index';

await runMigrateMain(prestazioniAgevolateSubgraph);
