import type { AccessRecord, DatabaseHandle } from '@casellario/kit';
import { registraAccessi } from './registra';

interface Pending {
  records: readonly AccessRecord[];
  resolve: (seqs: number[]) => void;
  reject: (error: unknown) => void;
}

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
  const max = options.maxRecordsPerCommit ?? 5_000;
  let queue: Pending[] = [];
  let writing = false;

  const drain = async (): Promise<void> => {
    writing = true;
    try {
      while (queue.length > 0) {
        // Whole calls only, up to `max` records (at least one call, whatever its size).
        let count = 0;
        let take = 0;
        while (take < queue.length && (take === 0 || count + queue[take]!.records.length <= max)) count += queue[take++]!.records.length;
        const batch = queue.slice(0, take);
        queue = queue.slice(take);
        try {
          const seqs = await registraAccessi(
            handle,
            batch.flatMap((p) => p.records),
          );
          let offset = 0;
          for (const p of batch) {
            p.resolve(seqs.slice(offset, offset + p.records.length));
            offset += p.records.length;
          }
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  };

  return {
    /** Appends `records` to the chain; resolves with their sequence numbers once committed. */
    write(records: readonly AccessRecord[]): Promise<number[]> {
      if (records.length === 0) return Promise.resolve([]);
      return new Promise<number[]>((resolve, reject) => {
        queue.push({ records, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
