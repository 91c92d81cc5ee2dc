import type { AccessRecord, DatabaseHandle } from '@casellario/kit';
import { sql } from 'drizzle-orm';

/** Internal person ids the accessi tests write records about. */
export const ROSSI = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e01';
export const BIANCHI = '6f1c1f0e-2b7a-4c1e-9d3a-0a0b0c0d0e02';

/** A record as a subgraph sends it, with overrides. */
export function voce(overrides: Partial<AccessRecord> = {}): AccessRecord {
  return {
    subgraph: 'anagrafe',
    operatore: 'op-gestione-H501',
    ruolo: 'gestione',
    ente: 'H501',
    riferimento: null,
    requestId: 'req-1',
    soggettoTipo: 'persona',
    soggettoId: ROSSI,
    campi: ['Persona.codiceFiscale', 'cartella'],
    ...overrides,
  };
}

/** Records in the chain. */
export const count = async (handle: DatabaseHandle) => (await handle.rows<{ n: number }>(sql`select count(*)::int as n from accessi.accesso`))[0]!.n;
