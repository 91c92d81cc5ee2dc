import { runMigrateMain } from '@casellario/kit';
import { anagrafeSubgraph } from './index';

await runMigrateMain(anagrafeSubgraph);
