import { anagrafeSubgraph } from '@casellario/anagrafe';
import { flussiSubgraph } from '@casellario/flussi';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { prestazioniAgevolateSubgraph } from '@casellario/prestazioni-agevolate';
import { prestazioniSocialiSubgraph } from '@casellario/prestazioni-sociali';
import { sinaSubgraph } from '@casellario/sina';
import { sinbaSubgraph } from '@casellario/sinba';
import { sipSubgraph } from '@casellario/sip';

/** Every subgraph of the platform, in the order their demo data load (anagrafe first). */
export const SUBGRAPH_MODULES: Array<SubgraphModule<DemoDataset>> = [
  anagrafeSubgraph,
  prestazioniAgevolateSubgraph,
  prestazioniSocialiSubgraph,
  sinaSubgraph,
  sinbaSubgraph,
  sipSubgraph,
  flussiSubgraph,
];
