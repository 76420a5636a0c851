/**
 * In-process keyed mutex: read-modify-write sequences on one key (a guild's account index,
 * its settings, its audit log) run one after another. Keyv has no transactions; across
 * processes, guild data is owned by one shard, and rotate-keys writes with a compare-and-set
 * (atomic.ts).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await next;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /**
   * Read-modify-write of one row under `key`: `fn` maps the row read to the row written, `done`
   * turns the written row into the result, still under the lock. Nothing is written, and the
   * result is undefined, when the row is absent.
   */
  patch<Row, R>(
    key: string,
    io: { read: () => Promise<Row | undefined>; write: (row: Row) => Promise<unknown> },
    fn: (row: Row) => Row,
    done: (row: Row) => R | Promise<R>,
  ): Promise<R | undefined> {
    return this.run(key, async () => {
      const row = await io.read();
      if (row === undefined) return undefined;
      const next = fn(row);
      await io.write(next);
      return done(next);
    });
  }
}
