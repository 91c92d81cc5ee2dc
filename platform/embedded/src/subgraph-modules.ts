import { accessiSubgraph } from '@casellario/accessi';
import { anagrafeSubgraph } from '@casellario/anagrafe';
import { flussiSubgraph } from '@casellario/flussi';
import type { DemoDataset } from '@casellario/demo-data';
import type { SubgraphModule } from '@casellario/kit';
import { prestazioniAgevolateSubgraph } from '@casellario/prestazioni-agevolate';
import { prestazioniSocialiSubgraph } from '@casellario/prestazioni-sociali';
import { sinaSubgraph } from '@casellario/sina';
import { sinbaSubgraph } from '@casellario/sinba';
import { sipSubgraph } from '@casellario/sip';

/**
 * Every subgraph of the platform, in the order their demo data load (anagrafe
 * first). Server mode gives the i-th the port SUBGRAPH_PORT_BASE + i, so the order
 * matches the gateway's default ports (accessi last: 4108). Peers find each other
 * through URLs looked up when first needed, so start order does not matter.
 */
export const SUBGRAPH_MODULES: Array<SubgraphModule<DemoDataset>> = [
  anagrafeSubgraph,
  prestazioniAgevolateSubgraph,
  prestazioniSocialiSubgraph,
  sinaSubgraph,
  sinbaSubgraph,
  sipSubgraph,
  flussiSubgraph,
  accessiSubgraph,
];
