import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { chunk, inInputOrder, mapChunks, unique } from "./batch.js";
import { RateLimiter } from "./limiter.js";
import { collect, fromCamel, fromPascal, iteratePages, type Page } from "./paging.js";
import { RobloxSession, rotatedCookie } from "./session.js";

describe("token bucket", () => {
  it("allows the seed's 5 a minute, then asks to wait, refusing waits past the deadline", () => {
    let now = 0;
    const l = new RateLimiter(() => now);
    const rule = { limit: 5, windowMs: 60_000 };
    for (let i = 0; i < 5; i++) expect(l.reserve("k", rule, 0)).toBe(0);
    expect(l.reserve("k", rule, 1000)).toBeNull(); // a slot is 12 s away: refused, nothing reserved
    expect(l.peek("k", rule)).toBe(12_000);
    expect(l.reserve("k", rule, 20_000)).toBe(12_000); // reserved in the future
    expect(l.reserve("k", rule, 30_000)).toBe(24_000);
    now = 24_000;
    expect(l.peek("k", rule)).toBe(0 + 12_000); // two tokens refilled, both already promised
    expect(l.reserve("other", rule, 0)).toBe(0); // keys are independent (per account and host)
  });

  it("x-ratelimit-remaining 0 blocks the key until the reset; 429 blocks too", () => {
    let now = 1000;
    const l = new RateLimiter(() => now);
    l.observe("k", { "x-ratelimit-limit": "30", "x-ratelimit-remaining": "3", "x-ratelimit-reset": "40" });
    expect(l.reserve("k", undefined, 0)).toBe(0);
    l.observe("k", { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "40" });
    expect(l.reserve("k", undefined, 1000)).toBeNull();
    expect(l.reserve("k", undefined, 60_000)).toBe(40_000);
    now += 40_000;
    expect(l.reserve("k", undefined, 0)).toBe(0);
    l.block("k", 5000);
    expect(l.peek("k", undefined)).toBe(5000);
  });

  it("learns a window from x-ratelimit-limit 'n;w=s' when there is no static rule", () => {
    const now = 0;
    const l = new RateLimiter(() => now);
    l.observe("k", { "x-ratelimit-limit": "2, 2;w=10" });
    expect(l.reserve("k", undefined, 0)).toBe(0);
    expect(l.reserve("k", undefined, 0)).toBe(0);
    expect(l.reserve("k", undefined, 0)).toBeNull();
  });
});

describe("batching", () => {
  it("splits at the cap", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(
      chunk(
        Array.from({ length: 120 }, (_, i) => i),
        50,
      ).map((c) => c.length),
    ).toEqual([50, 50, 20]);
    expect(() => chunk([1], 0)).toThrow();
    expect(unique([3, 1, 3, 2, 1])).toEqual([3, 1, 2]);
  });

  it("merges in input order whatever order chunks finish and Roblox answers", async () => {
    const ids = Array.from({ length: 230 }, (_, i) => 1000 + ((i * 37) % 230));
    let inFlight = 0;
    let maxInFlight = 0;
    const out = await mapChunks(
      ids,
      100,
      async (c) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((r) => setTimeout(r, c.length === 30 ? 1 : 15)); // last chunk finishes first
        inFlight--;
        return [...c].reverse().map((id) => ({ id }));
      },
      2,
    );
    expect(maxInFlight).toBe(2);
    const ordered = inInputOrder(ids, out, (x) => x.id);
    expect(ordered.map((x) => x.id)).toEqual(ids);
  });

  it("drops ids Roblox did not return and duplicates", () => {
    expect(inInputOrder([3, 1, 2, 3], [{ id: 1 }, { id: 3 }], (x) => x.id)).toEqual([{ id: 3 }, { id: 1 }]);
  });
});

describe("paging", () => {
  it("normalises camelCase and PascalCase pages", () => {
    expect(fromCamel({ data: [1], nextPageCursor: "n", previousPageCursor: null })).toEqual({
      items: [1],
      nextCursor: "n",
      previousCursor: null,
    });
    expect(fromPascal({ PageItems: [1], NextCursor: "n", HasMore: null }).nextCursor).toBe("n");
    expect(fromPascal({ PageItems: [1], NextCursor: "n", HasMore: false }).nextCursor).toBeNull();
    expect(fromPascal({ PageItems: [], NextCursor: "" }).nextCursor).toBeNull();
  });

  it("iterates lazily to the end and stops on a repeated cursor", async () => {
    const pages: Record<string, Page<number>> = {
      start: { items: [1, 2], nextCursor: "a", previousCursor: null },
      a: { items: [3], nextCursor: "b", previousCursor: null },
      b: { items: [4], nextCursor: null, previousCursor: null },
    };
    const calls: (string | undefined)[] = [];
    const all = await collect(
      iteratePages(async (c) => {
        calls.push(c);
        return pages[c ?? "start"]!;
      }),
    );
    expect(all).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([undefined, "a", "b"]);
    let n = 0;
    const looped = await collect(
      iteratePages(async () => ({ items: [n++], nextCursor: "same", previousCursor: null })),
    );
    expect(looped).toEqual([0, 1]);
  });
});

describe("session", () => {
  const canary = "_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-session";
  it("never shows its cookie", () => {
    const s = new RobloxSession({ id: "g:1", cookie: canary, tracker: "browserid=9" });
    expect(s.cookieHeader()).toBe(`.ROBLOSECURITY=${canary}; RBXEventTrackerV2=browserid=9`);
    for (const text of [JSON.stringify(s), inspect(s), String(Object.keys(s)), JSON.stringify({ s })]) {
      expect(text).not.toContain("CANARY");
    }
  });
  it("refuses cookie values that would break the header, without echoing them", () => {
    try {
      new RobloxSession({ cookie: `${canary}\r\nx: y` });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).not.toContain("CANARY");
    }
    expect(() => new RobloxSession({ cookie: "a;b" })).toThrow();
  });
  it("reads .ROBLOSECURITY from Set-Cookie and ignores deletions", () => {
    expect(rotatedCookie([`.ROBLOSECURITY=NEW|x; domain=.roblox.com; path=/`])).toBe("NEW|x");
    expect(
      rotatedCookie(["other=1", ".ROBLOSECURITY=; expires=Thu, 01 Jan 1970 00:00:00 GMT"]),
    ).toBeUndefined();
    expect(rotatedCookie(undefined)).toBeUndefined();
  });
  it("adopting a rotated cookie calls back once and drops the CSRF token", async () => {
    const seen: string[] = [];
    const s = new RobloxSession({ cookie: "OLD", onCookieRotated: (c) => void seen.push(c) });
    s.csrfToken = "t";
    expect(await s.adoptCookie("OLD", () => {})).toBe(false);
    expect(await s.adoptCookie("NEW", () => {})).toBe(true);
    expect(seen).toEqual(["NEW"]);
    expect(s.csrfToken).toBeUndefined();
    expect(s.cookieHeader()).toBe(".ROBLOSECURITY=NEW");
  });
});

describe("token bucket memory", () => {
  const rule = { limit: 5, windowMs: 60_000 };
  const blockAll = { "x-ratelimit-limit": "30;w=60", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "5" };

  it("forgets idle keys: link attempts, each with a fresh session id, do not pile up", () => {
    let now = 0;
    const l = new RateLimiter(() => now);
    for (let i = 0; i < 1000; i++) {
      const key = `link-${i}|users|users.authenticated`;
      expect(l.reserve(key, rule, 0)).toBe(0);
      l.observe(key, blockAll);
    }
    expect(l.size).toBe(1000);
    now += 11 * 60_000;
    expect(l.reserve("1:1001|users|users.authenticated", rule, 0)).toBe(0);
    expect(l.size).toBe(1);
  });

  it("keeps an idle key whose bucket is still refilling or that is still blocked", () => {
    let now = 0;
    const l = new RateLimiter(() => now);
    const slow = { limit: 1, windowMs: 3_600_000 };
    expect(l.reserve("slow", slow, 0)).toBe(0);
    l.block("blocked", 30 * 60_000);
    now += 11 * 60_000;
    l.reserve("other", rule, 0);
    expect(l.reserve("slow", slow, 0)).toBeNull(); // its hour is not over: still limited
    expect(l.peek("blocked", undefined)).toBe(19 * 60_000);
  });

  it("holds at most maxKeys, dropping the least recently used", () => {
    const now = 0;
    const l = new RateLimiter(() => now, { maxKeys: 100 });
    for (let i = 0; i < 150; i++) for (let n = 0; n < 5; n++) l.reserve(`k${i}`, rule, 0);
    expect(l.size).toBe(100);
    expect(l.reserve("k149", rule, 0)).toBeNull(); // recent: kept, still drained
    expect(l.reserve("k0", rule, 0)).toBe(0); // oldest: dropped, starts full
  });
});
