/**
 * Group calls to an expensive batch operation (a commit, an HTTP call): calls made
 * while one batch is in flight wait and go together into the next one, at most
 * `maxItems` items per batch (a single larger call goes alone). Each caller gets
 * the results for its own items, in order, once the batch that carried them is
 * done — or that batch's error, so nothing is acknowledged that was not done.
 * `inner` must return one result per item, in order.
 */
export function groupCalls<T, R>(inner: (items: T[]) => Promise<R[]>, maxItems = 2_000): (items: readonly T[]) => Promise<R[]> {
  let queue: Array<{ items: readonly T[]; resolve: (results: R[]) => void; reject: (error: unknown) => void }> = [];
  let running = false;

  const drain = async (): Promise<void> => {
    running = true;
    try {
      while (queue.length > 0) {
        let count = 0;
        let take = 0;
        while (take < queue.length && (take === 0 || count + queue[take]!.items.length <= maxItems)) count += queue[take++]!.items.length;
        const batch = queue.slice(0, take);
        queue = queue.slice(take);
        try {
          const results = await inner(batch.flatMap((call) => [...call.items]));
          let offset = 0;
          for (const call of batch) {
            call.resolve(results.slice(offset, offset + call.items.length));
            offset += call.items.length;
          }
        } catch (error) {
          for (const call of batch) call.reject(error);
        }
      }
    } finally {
      running = false;
    }
  };

  return (items) =>
    new Promise<R[]>((resolve, reject) => {
      if (items.length === 0) return resolve([]);
      queue.push({ items, resolve, reject });
      if (!running) void drain();
    });
}
