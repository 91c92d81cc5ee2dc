import { createHash } from 'node:crypto';

/** The `hash_precedente` of the first record: there is no previous one. */
export const HASH_INIZIALE = '0'.repeat(64);

/** What a record's hash covers: every column but the two hashes. */
export interface ContenutoAccesso {
  seq: number;
  istante: Date;
  subgraph: string;
  operatore: string;
  ruolo: string;
  ente: string;
  riferimento: string | null;
  soggettoTipo: string;
  soggettoId: string;
  campi: readonly string[];
  requestId: string;
  /** Added later: in the hash only when present, so records written before it keep verifying. */
  requestIdCliente?: string | null;
  /** Caseload acquisitions only (null or absent on every other record). */
  flusso?: string | null;
  record?: number | null;
  fuoriTerritorio?: boolean | null;
}

/**
 * The canonical text of a record: a JSON array in a fixed column order (JSON
 * quotes every string unambiguously, so no two records share a text), the time
 * as ISO 8601 in UTC with milliseconds (what both drivers return unchanged).
 * Columns added after the chain began are appended as a tagged pair only when
 * non-null (`["requestIdCliente", …]`): a record without them hashes exactly as
 * it did when written, and the tag keeps two optional columns from being confused.
 */
export function serializzaAccesso(r: ContenutoAccesso): string {
  // Columns added later enter the text only when they hold a value, so rows written
  // before they existed keep their hash: the client's request id as a tagged pair, a
  // caseload acquisition's columns as one trailing object with their names.
  const aggiunte: unknown[] = [];
  if (r.requestIdCliente !== null && r.requestIdCliente !== undefined) aggiunte.push(['requestIdCliente', r.requestIdCliente]);
  const acquisizione = Object.fromEntries(
    (
      [
        ['flusso', r.flusso],
        ['record', r.record],
        ['fuoriTerritorio', r.fuoriTerritorio],
      ] as const
    ).filter(([, v]) => v !== null && v !== undefined),
  );
  if (Object.keys(acquisizione).length > 0) aggiunte.push(acquisizione);
  return JSON.stringify([
    r.seq,
    r.istante.toISOString(),
    r.subgraph,
    r.operatore,
    r.ruolo,
    r.ente,
    r.riferimento,
    r.soggettoTipo,
    r.soggettoId,
    r.campi,
    r.requestId,
    ...aggiunte,
  ]);
}

/**
 * A link of the chain: SHA-256 (hex) of the previous record's hash and this
 * record's canonical text. Changing any column, or removing or reordering a record,
 * changes every hash after it; the verifier finds the first that no longer matches.
 */
export function hashAccesso(hashPrecedente: string, r: ContenutoAccesso): string {
  return createHash('sha256').update(hashPrecedente).update('\n').update(serializzaAccesso(r)).digest('hex');
}
