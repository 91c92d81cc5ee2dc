import { prestazioniSocialiPermissions } from '@casellario/policies/permissions/prestazioni-sociali';
import { describePrestazioniSubgraph, PS, PSA } from '@casellario/prestazioni-core/testing';
import { prestazione } from '../src/db/schema';
import { prestazioniSocialiSubgraph } from '../src/index';
import { definition } from '../src/schema';

// The shared suite of the benefit subgraphs (platform/prestazioni-core/src/testing/suite.ts),
// on PS's names and records. PS has nothing of its own beyond it.
describePrestazioniSubgraph({
  module: prestazioniSocialiSubgraph,
  definition,
  permissions: prestazioniSocialiPermissions,
  table: prestazione,
  names: { entity: 'PrestazioneSociale', cartella: 'prestazioniSociali', elenco: 'elencoPrestazioniSociali' },
  fixture: PS,
  other: PSA,
  // One `persona_id = ANY(...)` query for the fifty cartelle.
  batch: { fields: '', statements: 1 },
});
