/**
 * Bounded concurrency for remote calls: `mapLimit` runs `work` over `items` with at most `limit` calls
 * in flight and gives the results in the items' order. The first failure stops new calls from
 * starting (those in flight finish) and is what the returned promise rejects with.
 *
 * Complexity: items.length calls of `work`, at most `limit` at once.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next;
      next += 1;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
