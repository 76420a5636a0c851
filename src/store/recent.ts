/**
 * The last value this process read or wrote of each guild's settings, account index and account
 * rows, for display reads alone (`/roblox accounts`, `/alerts show`, account autocomplete): a
 * display then costs no store read, which was most of a cheap command's tail (BENCHMARKS.md,
 * benchmark 6). Never used for a read-modify-write, a secret or a permission.
 *
 * How fresh a value is:
 * - this process's own writes replace it at once (write-through, in the order they were made);
 * - a change made by another process drops the guild when the change log is read (the roster reads
 *   it every second, src/jobs/scheduling/roster.ts); a trimmed log (gap) drops everything;
 * - a value is served only while the log was read in the last `followWindowMs`, and only if it is
 *   younger than `maxAgeMs`; otherwise the caller reads the store.
 * A read that started before a write or a drop of its guild is not kept (it may hold the old value).
 */

interface GuildValues {
  /** `Recent.#counter` at the guild's last write or drop: reads started before it are not kept. */
  changed: number;
  values: Map<string, { value: unknown; at: number }>;
}

export interface RecentOptions {
  /** Guilds kept at most (the oldest filled is dropped first; default 20,000). */
  maxGuilds?: number;
  /** A value older than this is not served (default 10 min, the roster's full re-read). */
  maxAgeMs?: number;
  /** Values are served only while the change log was read this recently (default 5 s). */
  followWindowMs?: number;
  now?: () => number;
}

/** What `peek` found: `{ value }` (undefined: known to be absent), or undefined: not known. */
export type Peeked<T> = { value: T | undefined } | undefined;

/**
 * What is kept is a frozen copy: the caller's object may be changed afterwards (settings.update
 * edits the settings it read), and a display reader that tried to change a kept value would throw.
 */
function frozenCopy<T>(value: T): T {
  return value === undefined ? value : deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class Recent {
  readonly #guilds = new Map<string, GuildValues>();
  readonly #o: Required<RecentOptions>;
  #counter = 0;
  /** Reads started before this are not kept (a clear, an eviction). */
  #floor = 0;
  #followedAt = Number.NEGATIVE_INFINITY;

  constructor(opts: RecentOptions = {}) {
    this.#o = { maxGuilds: 20_000, maxAgeMs: 600_000, followWindowMs: 5_000, now: Date.now, ...opts };
  }

  /** Taken before a store read of the guild; pass it to `filled` with what the read returned. */
  token(): number {
    return ++this.#counter;
  }

  /** A store read of `key` that started at `token` returned `value` (undefined: absent). */
  filled(guildId: string, key: string, value: unknown, token: number): void {
    if (token <= this.#floor) return;
    const g = this.#guilds.get(guildId);
    if (g && g.changed >= token) return;
    this.#entry(guildId).values.set(key, { value: frozenCopy(value), at: this.#o.now() });
  }

  /** This process wrote `value` at `key` (undefined: deleted it). */
  wrote(guildId: string, key: string, value: unknown): void {
    const g = this.#entry(guildId);
    g.changed = ++this.#counter;
    g.values.set(key, { value: frozenCopy(value), at: this.#o.now() });
  }

  /** Forget what is known of the guild (another process changed it). */
  drop(guildId: string): void {
    // Kept as an empty entry even for a guild not held: a read of it may be running.
    const g = this.#entry(guildId);
    g.changed = ++this.#counter;
    g.values.clear();
  }

  /** Forget everything (a gap in the change log, a key rotation, following it from its head). */
  clear(): void {
    this.#guilds.clear();
    this.#floor = ++this.#counter;
  }

  /** The change log was read just now. */
  followed(): void {
    this.#followedAt = this.#o.now();
  }

  peek<T>(guildId: string, key: string): Peeked<T> {
    const now = this.#o.now();
    if (now - this.#followedAt > this.#o.followWindowMs) return undefined;
    const hit = this.#guilds.get(guildId)?.values.get(key);
    if (!hit || now - hit.at > this.#o.maxAgeMs) return undefined;
    return { value: hit.value as T | undefined };
  }

  /** Guilds held (tests, memory figures). */
  get size(): number {
    return this.#guilds.size;
  }

  #entry(guildId: string): GuildValues {
    let g = this.#guilds.get(guildId);
    if (g) return g;
    if (this.#guilds.size >= this.#o.maxGuilds) {
      const oldest = this.#guilds.keys().next().value;
      if (oldest !== undefined) this.#guilds.delete(oldest);
      // The evicted guild's last change is forgotten with it: reads already running are not kept.
      this.#floor = this.#counter;
    }
    g = { changed: 0, values: new Map() };
    this.#guilds.set(guildId, g);
    return g;
  }
}
