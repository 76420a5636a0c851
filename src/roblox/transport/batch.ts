/**
 * Batching: split id lists at the endpoint's cap, run the chunks with a small concurrency,
 * and merge the answers back in input order.
 */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Unique values, first occurrence wins, order kept. */
export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Calls `fn` on each chunk, at most `concurrency` at a time, and concatenates the results in
 * chunk order (not completion order). The first failure rejects the whole call.
 */
export async function mapChunks<T, R>(
  items: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<R[]>,
  concurrency = 2,
): Promise<R[]> {
  const chunks = chunk(items, size);
  const results: R[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const i = next++;
      results[i] = await fn(chunks[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return results.flat();
}

/**
 * Results re-ordered to follow `keys` (each key once, missing ones left out): Roblox answers
 * batches in its own order and drops unknown ids.
 */
export function inInputOrder<K, R>(keys: readonly K[], results: readonly R[], keyOf: (r: R) => K): R[] {
  const byKey = new Map<K, R>();
  for (const r of results) if (!byKey.has(keyOf(r))) byKey.set(keyOf(r), r);
  const out: R[] = [];
  for (const k of unique(keys)) {
    const r = byKey.get(k);
    if (r !== undefined) out.push(r);
  }
  return out;
}
