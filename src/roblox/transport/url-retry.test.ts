import { describe, expect, it } from "vitest";
import { RateLimitedError, UnavailableError } from "./errors.js";
import {
  fitsDeadline,
  fullJitter,
  isRetryable,
  parseRateLimitLimit,
  parseRateLimitReset,
  parseRetryAfter,
  retryAfterMs,
  retryDelay,
} from "./retry.js";
import { buildQuery, checkContactId, checkId, fillPath, robloxUrl } from "./url.js";

describe("origin mapping: ROBLOX_API_ORIGIN sends {sub}.roblox.com to {origin}/{sub}", () => {
  it("uses the real https hosts without an origin", () => {
    expect(robloxUrl("friends", "/v1/my/friends/count")).toBe(
      "https://friends.roblox.com/v1/my/friends/count",
    );
    expect(robloxUrl("apis", "/user-settings-api/v1/user-settings", "")).toBe(
      "https://apis.roblox.com/user-settings-api/v1/user-settings",
    );
  });
  it("maps https://{sub}.roblox.com{path} to {origin}/{sub}{path}", () => {
    expect(robloxUrl("friends", "/v1/my/friends/count", "http://127.0.0.1:4100")).toBe(
      "http://127.0.0.1:4100/friends/v1/my/friends/count",
    );
    expect(robloxUrl("usermoderation", "/v2/not-approved?x=1", "http://h:1/")).toBe(
      "http://h:1/usermoderation/v2/not-approved?x=1",
    );
  });
  it("refuses host labels and paths that could change the host", () => {
    expect(() => robloxUrl("evil.com/", "/x")).toThrow();
    expect(() => robloxUrl("friends", "@evil.com/x")).toThrow();
  });
});

describe("ids before they enter a path", () => {
  it("accepts ^\\d{1,20}$ strings and safe non-negative integers", () => {
    expect(checkId("1001")).toBe("1001");
    expect(checkId(42)).toBe("42");
    expect(checkId("12345678901234567890")).toBe("12345678901234567890");
  });
  it.each([
    "",
    "123456789012345678901",
    "12a",
    "../1",
    "1/../../admin",
    " 1",
    "-1",
    "1e3",
    -1,
    1.5,
    Number.NaN,
    2 ** 60,
    null,
    undefined,
    {},
  ])("rejects %j without echoing it", (bad) => {
    try {
      checkId(bad, "userId");
      expect.unreachable();
    } catch (e) {
      expect((e as Error & { kind: string }).kind).toBe("bad-input");
      expect((e as Error).message).toContain("userId");
      if (typeof bad === "string" && bad !== "") expect((e as Error).message).not.toContain(bad);
    }
  });
  it("contact ids are tokens, never paths", () => {
    expect(checkContactId("contact-4001")).toBe("contact-4001");
    expect(() => checkContactId("a/b")).toThrow();
    expect(() => checkContactId("a?b")).toThrow();
  });
  it("fills templates and builds repeated query keys", () => {
    expect(fillPath("/v1/users/{userId}/friends", { userId: "7" })).toBe("/v1/users/7/friends");
    expect(() => fillPath("/v1/users/{userId}", {})).toThrow(/userId/);
    expect(buildQuery({ userIds: [1, 2], limit: 50, cursor: undefined, q: null })).toBe(
      "?userIds=1&userIds=2&limit=50",
    );
    expect(buildQuery({ query: "a b&c" })).toBe("?query=a+b%26c");
    expect(buildQuery({})).toBe("");
  });
});

describe("Retry-After and x-ratelimit-*", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads seconds, HTTP dates and junk", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0); // in the past
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
  it("reads x-ratelimit-reset as seconds, or epoch seconds when huge", () => {
    expect(parseRateLimitReset("45", now)).toBe(45_000);
    expect(parseRateLimitReset(String(now / 1000 + 10), now)).toBe(10_000);
    expect(parseRateLimitReset("x", now)).toBeUndefined();
    expect(parseRateLimitLimit("30, 30;w=60")).toEqual({ limit: 30, windowMs: 60_000 });
    expect(parseRateLimitLimit("5")).toEqual({ limit: 5 });
  });
  it("prefers Retry-After, then x-ratelimit-reset", () => {
    expect(retryAfterMs({ "retry-after": "2", "x-ratelimit-reset": "9" }, now)).toBe(2000);
    expect(retryAfterMs({ "x-ratelimit-reset": "9" }, now)).toBe(9000);
    expect(retryAfterMs({}, now)).toBeUndefined();
  });
});

describe("backoff and retry policy", () => {
  const cfg = { baseMs: 1000, capMs: 8000 };
  it("full jitter stays in [0, min(cap, base·2^n))", () => {
    expect(fullJitter(0, cfg, () => 0.999)).toBe(999);
    expect(fullJitter(2, cfg, () => 0.5)).toBe(2000);
    expect(fullJitter(10, cfg, () => 0.999)).toBe(7992);
    expect(fullJitter(3, cfg, () => 0)).toBe(0);
    for (let i = 0; i < 200; i++) {
      const v = fullJitter(i % 6, cfg);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(Math.min(8000, 1000 * 2 ** (i % 6)));
    }
  });
  it("honours what Roblox asked for over jitter", () => {
    expect(retryDelay(new RateLimitedError({ retryAfterMs: 4200 }), 0, cfg, () => 0.5)).toBe(4200);
    expect(retryDelay(new RateLimitedError({}), 1, cfg, () => 0.5)).toBe(1000);
  });
  it("GET retries 429/5xx/network; POST only 429; never local limits, schema or oversized", () => {
    const e5 = new UnavailableError("server-error");
    const net = new UnavailableError("network");
    const to = new UnavailableError("timeout");
    const r429 = new RateLimitedError({ status: 429 });
    expect([e5, net, to, r429].map((e) => isRetryable("GET", e))).toEqual([true, true, true, true]);
    expect([e5, net, to, r429].map((e) => isRetryable("POST", e))).toEqual([false, false, false, true]);
    expect(isRetryable("DELETE", e5)).toBe(false);
    expect(isRetryable("GET", new RateLimitedError({ local: true }))).toBe(false);
    expect(isRetryable("GET", new UnavailableError("schema"))).toBe(false);
    expect(isRetryable("GET", new UnavailableError("oversized"))).toBe(false);
    expect(isRetryable("GET", new UnavailableError("redirect"))).toBe(false);
  });
  it("a wait that passes the deadline does not fit", () => {
    expect(fitsDeadline(1000, 500, 2000)).toBe(true);
    expect(fitsDeadline(1000, 1000, 2000)).toBe(false);
  });
});
