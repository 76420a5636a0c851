// One change signal for the whole fake: every waiter re-checks its condition when anything changes
// in the fake, and on a short timer too — conditions may read state the fake does not see (the
// simulator's request log, the bot's store), which changes without a signal here.
const RECHECK_MS = 25;
export class Bus {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first non-undefined value of `check`, re-evaluated after every change and every 25 ms. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    const first = check();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        this.waiters.delete(onChange);
        clearTimeout(timer);
        clearInterval(recheck);
      };
      const onChange = () => {
        let value: T | undefined;
        try {
          value = check();
        } catch (err) {
          done();
          reject(err);
          return;
        }
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what()}`));
      }, timeoutMs);
      const recheck = setInterval(onChange, RECHECK_MS);
      this.waiters.add(onChange);
    });
  }
}
