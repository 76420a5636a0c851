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

type Headers = Record<string, string | string[] | undefined>;

function first(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #blockedUntil = new Map<string, number>();
  readonly #learned = new Map<string, RateRule>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /**
   * Reserves one request for `key` and returns how long to wait before sending it, or `null`
   * (nothing reserved) when that wait would exceed `maxWaitMs`.
   */
  reserve(key: string, staticRule: RateRule | undefined, maxWaitMs: number): number | null {
    const now = this.#now();
    const blocked = Math.max(0, (this.#blockedUntil.get(key) ?? 0) - now);
    const rule = staticRule ?? this.#learned.get(key);
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
    const blocked = Math.max(0, (this.#blockedUntil.get(key) ?? 0) - now);
    const rule = staticRule ?? this.#learned.get(key);
    if (rule === undefined) return blocked;
    const b = this.#bucket(key, rule, now);
    return Math.max(blocked, b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / (rule.limit / rule.windowMs)));
  }

  /** Learns from `x-ratelimit-limit/-remaining/-reset`: remaining 0 blocks until the reset. */
  observe(key: string, headers: Headers): void {
    const now = this.#now();
    const limit = parseRateLimitLimit(first(headers, "x-ratelimit-limit"));
    if (limit?.windowMs !== undefined && limit.limit > 0 && !this.#learned.has(key)) {
      this.#learned.set(key, { limit: limit.limit, windowMs: limit.windowMs });
    }
    const remaining = first(headers, "x-ratelimit-remaining");
    const reset = parseRateLimitReset(first(headers, "x-ratelimit-reset"), now);
    if (remaining !== undefined && Number.parseInt(remaining, 10) <= 0 && reset !== undefined) {
      this.block(key, reset);
    }
  }

  /** Holds every request on `key` for `ms` (a 429's Retry-After, or remaining 0). */
  block(key: string, ms: number): void {
    const until = this.#now() + ms;
    if (until > (this.#blockedUntil.get(key) ?? 0)) this.#blockedUntil.set(key, until);
  }

  #bucket(key: string, rule: RateRule, now: number): Bucket {
    let b = this.#buckets.get(key);
    if (b === undefined || b.rule.limit !== rule.limit || b.rule.windowMs !== rule.windowMs) {
      b = { tokens: rule.limit, updated: now, rule };
      this.#buckets.set(key, b);
    }
    const rate = rule.limit / rule.windowMs;
    b.tokens = Math.min(rule.limit, b.tokens + (now - b.updated) * rate);
    b.updated = now;
    return b;
  }
}
