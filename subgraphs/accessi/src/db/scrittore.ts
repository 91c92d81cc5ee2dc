import { groupCalls, type AccessRecord, type DatabaseHandle } from '@casellario/kit';
import { registraAccessi } from './registra';

/**
 * Group commit for the chain. Every cartella opened makes each person-linked
 * subgraph write its records before answering, and appending serialises on the
 * chain head (a table lock, so that no two writers link to the same hash): one
 * transaction per call would make concurrent cartelle queue behind each other,
 * one commit at a time. Instead, calls that arrive while a transaction is in
 * flight wait together and go into the next one: one lock, one insert, one
 * commit for all of them. Each caller is answered only once its records are
 * committed, with their sequence numbers, or gets the error if that transaction
 * failed — so "no record, no data" still holds call by call.
 */
export function createChainWriter(handle: DatabaseHandle, options: { maxRecordsPerCommit?: number } = {}) {
  const write = groupCalls<AccessRecord, number>((records) => registraAccessi(handle, records), options.maxRecordsPerCommit ?? 5_000);
  return {
    /** Appends `records` to the chain; resolves with their sequence numbers once committed. */
    write: (records: readonly AccessRecord[]): Promise<number[]> => write(records),
  };
}
