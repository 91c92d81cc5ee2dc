import type { AccessoRow } from '../db/queries';

/** `Accesso` from its row; the subject as a pair, since not every subject is a person. */
export const Accesso = {
  seq: (r: AccessoRow) => String(r.seq),
  istante: (r: AccessoRow) => r.istante.toISOString(),
  subgraph: (r: AccessoRow) => r.subgraph,
  operatore: (r: AccessoRow) => r.operatore,
  ruolo: (r: AccessoRow) => r.ruolo,
  ente: (r: AccessoRow) => r.ente,
  riferimento: (r: AccessoRow) => r.riferimento,
  soggetto: (r: AccessoRow) => ({ tipo: r.soggettoTipo, id: r.soggettoId }),
  campi: (r: AccessoRow) => r.campi,
  requestId: (r: AccessoRow) => r.requestId,
  requestIdCliente: (r: AccessoRow) => r.requestIdCliente,
  flusso: (r: AccessoRow) => r.flusso,
  record: (r: AccessoRow) => r.record,
  fuoriTerritorio: (r: AccessoRow) => r.fuoriTerritorio,
  hash: (r: AccessoRow) => r.hash,
};
