/**
 * Client-side rate limits, per account, host and endpoint.
 *
 * Why a small token bucket and not p-queue: a command has a deadline (20 s). Before sending we
 * must know how long the wait for a slot would be, and fail at once with "rate-limited" when it
 * would pass the deadline. A bucket answers that in O(1) and synchronously (reserve-or-refuse);
 * p-queue's interval cap only tells us after the fact, when the task finally starts.
 *
 * Two sources feed it: the seed's figures (user-settings POST 30/60 s, add-temporary-screentime
 * 5/60 s) as static rules, and Roblox's `x-ratelimit-*` headers / 429s, which block a key until
 * the window resets.
 */
import { parseRateLimitLimit, parseRateLimitReset } from "./retry.js";

export interface RateRule {
  limit: number;
  windowMs: number;
}

interface Bucket {
  tokens: number;
  updated: number;
  rule: RateRule;
}

/** Everything the limiter knows about one key. */
export interface KeyState {
  bucket?: Bucket;
  blockedUntil: number;
  learned?: RateRule;
  /** Last use (reserve, peek, observe, block): the map is kept in this order, oldest first. */
  touched: number;
}

export interface LimiterBounds {
  /** Hard cap on keys held; past it the least recently used go first. Default 50,000. */
  maxKeys?: number;
  /** A key unused this long, not blocked and with a full bucket, is forgotten. Default 10 min. */
  idleMs?: number;
}

type Headers = Record<string, string | string[] | undefined>;

function first(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Pure: can this key's state go without changing any answer? Only when unused for `idleMs`, not
 * blocked, and its bucket has refilled (a full bucket is what a new key starts with). A learned
 * rule goes with it and is learned again from the next answer's headers.
 */
export function forgettable(e: KeyState, now: number, idleMs: number): boolean {
  if (now - e.touched < idleMs || e.blockedUntil > now) return false;
  const b = e.bucket;
  if (b === undefined) return true;
  return b.tokens + (now - b.updated) * (b.rule.limit / b.rule.windowMs) >= b.rule.limit;
}

/** How often idle keys are looked for (the map is also trimmed whenever it is over its cap). */
const SWEEP_EVERY_MS = 1000;

export class RateLimiter {
  // Keys are per session, host and endpoint; a link attempt is a fresh session, so without
  // forgetting, this map would grow with every attempt for the life of the process.
  readonly #keys = new Map<string, KeyState>();
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #idleMs: number;
  #lastSweep = 0;

  constructor(now: () => number = Date.now, bounds: LimiterBounds = {}) {
    this.#now = now;
    this.#maxKeys = Math.max(1, bounds.maxKeys ?? 50_000);
    this.#idleMs = bounds.idleMs ?? 10 * 60_000;
  }

  /** How many keys the limiter holds state for. */
  get size(): number {
    return this.#keys.size;
  }

  /**
   * Reserves one request for `key` and returns how long to wait before sending it, or `null`
   * (nothing reserved) when that wait would exceed `maxWaitMs`.
   */
  reserve(key: string, staticRule: RateRule | undefined, maxWaitMs: number): number | null {
    const now = this.#now();
    const e = this.#state(key, now);
    const blocked = Math.max(0, (e?.blockedUntil ?? 0) - now);
    const rule = staticRule ?? e?.learned;
    if (rule === undefined) return blocked > maxWaitMs ? null : blocked;
    const b = this.#bucket(key, rule, now);
    const rate = rule.limit / rule.windowMs; // tokens per ms
    const bucketWait = b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / rate);
    const wait = Math.max(blocked, bucketWait);
    if (wait > maxWaitMs) return null;
    b.tokens -= 1; // may go negative: the reservation is a future slot
    return wait;
  }

  /** The wait `reserve` would give now, without reserving (for error messages). */
  peek(key: string, staticRule: RateRule | undefined): number {
    const now = this.#now();
    const e = this.#state(key, now);
    const blocked = Math.max(0, (e?.blockedUntil ?? 0) - now);
    const rule = staticRule ?? e?.learned;
    if (rule === undefined) return blocked;
    const b = this.#bucket(key, rule, now);
    return Math.max(blocked, b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / (rule.limit / rule.windowMs)));
  }

  /** Learns from `x-ratelimit-limit/-remaining/-reset`: remaining 0 blocks until the reset. */
  observe(key: string, headers: Headers): void {
    const now = this.#now();
    const limit = parseRateLimitLimit(first(headers, "x-ratelimit-limit"));
    if (limit?.windowMs !== undefined && limit.limit > 0) {
      const e = this.#state(key, now, true);
      e.learned ??= { limit: limit.limit, windowMs: limit.windowMs };
    }
    const remaining = first(headers, "x-ratelimit-remaining");
    const reset = parseRateLimitReset(first(headers, "x-ratelimit-reset"), now);
    if (remaining !== undefined && Number.parseInt(remaining, 10) <= 0 && reset !== undefined) {
      this.block(key, reset);
    }
  }

  /** Holds every request on `key` for `ms` (a 429's Retry-After, or remaining 0). */
  block(key: string, ms: number): void {
    const now = this.#now();
    const e = this.#state(key, now, true);
    e.blockedUntil = Math.max(e.blockedUntil, now + ms);
  }

  #bucket(key: string, rule: RateRule, now: number): Bucket {
    const e = this.#state(key, now, true);
    let b = e.bucket;
    if (b === undefined || b.rule.limit !== rule.limit || b.rule.windowMs !== rule.windowMs) {
      b = { tokens: rule.limit, updated: now, rule };
      e.bucket = b;
    }
    const rate = rule.limit / rule.windowMs;
    b.tokens = Math.min(rule.limit, b.tokens + (now - b.updated) * rate);
    b.updated = now;
    return b;
  }

  /** The key's state, moved to the recent end (created when `create`); trims the map. */
  #state(key: string, now: number, create: true): KeyState;
  #state(key: string, now: number, create?: boolean): KeyState | undefined;
  #state(key: string, now: number, create = false): KeyState | undefined {
    let e = this.#keys.get(key);
    if (e !== undefined) this.#keys.delete(key);
    else if (create) e = { blockedUntil: 0, touched: now };
    if (e !== undefined) {
      e.touched = now;
      this.#keys.set(key, e);
    }
    this.#trim(now, key);
    return e;
  }

  /** Drops the least recently used keys over the cap, and (once a second) the forgettable ones. */
  #trim(now: number, keep: string): void {
    const sweep = now - this.#lastSweep >= SWEEP_EVERY_MS;
    if (!sweep && this.#keys.size <= this.#maxKeys) return;
    if (sweep) this.#lastSweep = now;
    for (const [key, e] of this.#keys) {
      if (key === keep) break; // the key in use is the most recent: everything older is done
      if (this.#keys.size > this.#maxKeys) this.#keys.delete(key);
      else if (!sweep || now - e.touched < this.#idleMs)
        break; // the rest are more recent
      else if (forgettable(e, now, this.#idleMs)) this.#keys.delete(key);
    }
  }
}
