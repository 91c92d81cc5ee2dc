import { runMigrateMain } from '@casellario/kit';
import { prestazioniSocialiSubgraph } from './index';

await runMigrateMain(prestazioniSocialiSubgraph);
