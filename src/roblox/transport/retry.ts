/**
 * Pure retry policy: Retry-After / x-ratelimit-reset parsing, full-jitter exponential backoff,
 * which errors may be retried for which method, and whether the next wait fits the deadline.
 * The loop itself is p-retry's (see http.ts); the numbers come from here.
 */
import type { RobloxError } from "./errors.js";

type Headers = Record<string, string | string[] | undefined>;

function first(h: Headers, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/** `Retry-After`: delta seconds or an HTTP date → milliseconds from `now` (never negative). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * `x-ratelimit-reset`: Roblox sends seconds until the window resets. Values that look like
 * epoch seconds (≥ 1e9) are read as an absolute time.
 */
export function parseRateLimitReset(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)/.exec(value);
  if (m === null) return undefined;
  const n = Number(m[1]);
  if (n >= 1e9) return Math.max(0, Math.round(n * 1000 - now));
  return Math.round(n * 1000);
}

/** `x-ratelimit-limit`: "30" or "30, 30;w=60" → { limit, windowMs } when a window is given. */
export function parseRateLimitLimit(
  value: string | undefined,
): { limit: number; windowMs?: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+)/.exec(value);
  if (m === null) return undefined;
  const w = /;\s*w=(\d+)/.exec(value);
  const out: { limit: number; windowMs?: number } = { limit: Number(m[1]) };
  if (w !== null) out.windowMs = Number(w[1]) * 1000;
  return out;
}

/** The wait a 429 (or 503) asks for: Retry-After first, then x-ratelimit-reset. */
export function retryAfterMs(h: Headers, now: number): number | undefined {
  return (
    parseRetryAfter(first(h, "retry-after"), now) ?? parseRateLimitReset(first(h, "x-ratelimit-reset"), now)
  );
}

export interface BackoffConfig {
  /** First backoff ceiling (the seed says "start at 1s"). */
  baseMs: number;
  /** Largest backoff ceiling. */
  capMs: number;
}

/** Full jitter: uniform in [0, min(cap, base·2^retry)). `retry` counts from 0. */
export function fullJitter(retry: number, cfg: BackoffConfig, random: () => number = Math.random): number {
  const ceiling = Math.min(cfg.capMs, cfg.baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

export type Method = "GET" | "POST" | "DELETE";

/**
 * GETs retry on 429, 5xx and network trouble; POST/DELETE only on 429 (Roblox did not process
 * it) — never on 5xx or a timeout, where the action may have happened.
 */
export function isRetryable(method: Method, e: RobloxError): boolean {
  if (e.kind === "rate-limited") return !(e as { local?: boolean }).local;
  if (method !== "GET") return false;
  if (e.kind !== "unavailable") return false;
  const reason = (e as { reason?: string }).reason;
  return reason === "server-error" || reason === "timeout" || reason === "network" || reason === "malformed";
}

/** The wait before retry number `retry` (0-based): what Roblox asked for, else full jitter. */
export function retryDelay(e: RobloxError, retry: number, cfg: BackoffConfig, random?: () => number): number {
  const asked = (e as { retryAfterMs?: number }).retryAfterMs;
  if (asked !== undefined) return asked;
  return fullJitter(retry, cfg, random);
}

/** True when waiting `waitMs` from `now` still leaves time before `deadline`. */
export function fitsDeadline(now: number, waitMs: number, deadline: number): boolean {
  return now + waitMs < deadline;
}
