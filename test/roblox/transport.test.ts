/**
 * The client's HTTP layer (RobloxHttp) over real HTTP against a scriptable local server: lazy CSRF, classification,
 * retries, deadlines and timeouts.
 */
import { describe, expect, it } from "vitest";
import { errBody, json, transportHarness } from "./transport-kit.js";

const h = transportHarness();

describe("lazy CSRF", () => {
  it("costs exactly one extra request per token lifetime across 20 POSTs", async () => {
    let token = "tok-1";
    h.srv.handle = (q, res) => {
      if (q.headers["x-csrf-token"] !== token)
        return json(res, 403, errBody(0, "Token Validation Failed"), { "x-csrf-token": token });
      json(res, 200, {});
    };
    h.srv.seen.length = 0;
    const c = h.mk();
    const s = h.session(c);
    for (let i = 0; i < 20; i++) await c.friends.unfriend(s, 4000 + i);
    expect(h.srv.seen.length).toBe(21);
    expect(h.srv.seen[0]!.headers["x-csrf-token"]).toBeUndefined();
    expect(h.srv.seen.slice(1).every((q) => q.headers["x-csrf-token"] === "tok-1")).toBe(true);
    expect(h.srv.seen.filter((q) => q.url === "/friends/v1/users/4000/unfriend").length).toBe(2);

    token = "tok-2"; // Roblox rotates the token: one more extra request, then quiet again
    h.srv.seen.length = 0;
    for (let i = 0; i < 20; i++) await c.friends.unfriend(s, 4000 + i);
    expect(h.srv.seen.length).toBe(21);
  });

  it("parallel POSTs wait for the first token instead of each paying a 403", async () => {
    h.srv.handle = (q, res) => {
      if (q.headers["x-csrf-token"] !== "tok-p")
        return json(res, 403, errBody(0, "Token Validation Failed"), { "x-csrf-token": "tok-p" });
      json(res, 200, {});
    };
    h.srv.seen.length = 0;
    const c = h.mk();
    const s = h.session(c);
    await Promise.all(Array.from({ length: 10 }, (_, i) => c.requests.accept(s, 3000 + i)));
    expect(h.srv.seen.length).toBe(11);
  });

  it("a second 403 with a token is an API error, not a loop", async () => {
    let n = 0;
    h.srv.handle = (_q, res) =>
      json(res, 403, errBody(0, "Token Validation Failed"), { "x-csrf-token": `t${++n}` });
    h.srv.seen.length = 0;
    const c = h.mk();
    const e = await h.fails(c.requests.declineAll(h.session(c)));
    expect([e.kind, e.status, e.code]).toEqual(["api", 403, 0]);
    expect(h.srv.seen.length).toBe(2);
  });
});

describe("classification end to end", () => {
  it("401 → unauthenticated, and the session's callback runs", async () => {
    h.srv.handle = (_q, res) => json(res, 401, errBody(0, "Authorization has been denied for this request."));
    const c = h.mk();
    let called = 0;
    const e = await h.fails(c.friends.myCount(h.session(c, { onUnauthenticated: () => void called++ })));
    expect(e.kind).toBe("unauthenticated");
    expect(called).toBe(1);
  });

  it("403 User is moderated → moderated; captcha three ways", async () => {
    const c = h.mk();
    h.srv.handle = (_q, res) => json(res, 403, errBody(0, "User is moderated"));
    expect((await h.fails(c.users.authenticated(h.session(c)))).kind).toBe("moderated");
    h.srv.handle = (_q, res) =>
      json(res, 403, errBody(14, "The user has not passed the captcha."), { "x-csrf-token": "x" });
    expect((await h.fails(c.requests.send(h.session(c), 4001))).kind).toBe("captcha");
    h.srv.handle = (_q, res) =>
      json(res, 403, errBody(0, "Challenge is required"), { "rblx-challenge-id": "abc" });
    expect((await h.fails(c.requests.send(h.session(c), 4001))).kind).toBe("captcha");
    h.srv.handle = (_q, res) => json(res, 200, { success: false, isCaptchaRequired: true });
    expect((await h.fails(c.requests.send(h.session(c), 4001))).kind).toBe("captcha");
  });

  it("an unknown body shape is 'unavailable' naming the endpoint", async () => {
    h.srv.handle = (_q, res) => json(res, 200, { count: "many" });
    const c = h.mk();
    const e = await h.fails(c.friends.myCount(h.session(c)));
    expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", "schema"]);
    expect(e.message).toContain("friends.myCount");
    expect(e.message).toContain("count");
  });
});

describe("retries and deadlines", () => {
  it("429 with Retry-After seconds waits that long, then succeeds", async () => {
    h.srv.handle = (_q, res, n) =>
      n % 2 === 1
        ? json(res, 429, errBody(9, "The flood limit has been exceeded."), { "retry-after": "1" })
        : json(res, 200, { count: 3 });
    h.srv.seen.length = 0;
    const c = h.mk();
    const t0 = Date.now();
    expect(await c.friends.myCount(h.session(c))).toBe(3);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(h.srv.seen.length).toBe(2);
  });

  it("429 with Retry-After as an HTTP date waits until then", async () => {
    let until = 0;
    h.srv.handle = (_q, res, n) => {
      if (n % 2 === 0) return json(res, 200, { count: 4 });
      until = Math.ceil((Date.now() + 1200) / 1000) * 1000; // whole second, 1.2–2.2 s away
      json(res, 429, errBody(0, "Too many requests"), { "retry-after": new Date(until).toUTCString() });
    };
    h.srv.seen.length = 0;
    const c = h.mk();
    expect(await c.friends.myCount(h.session(c))).toBe(4);
    expect(Date.now()).toBeGreaterThanOrEqual(until - 50);
    expect(h.srv.seen.length).toBe(2);
  });

  it("429 without Retry-After backs off with jitter, bounded attempts, then rate-limited", async () => {
    h.srv.handle = (_q, res) => json(res, 429, errBody(0, "Too many requests"));
    h.srv.seen.length = 0;
    const c = h.mk({ random: () => 0.5 });
    const t0 = Date.now();
    const e = await h.fails(c.friends.myCount(h.session(c)));
    expect(e.kind).toBe("rate-limited");
    expect(h.srv.seen.length).toBe(4); // attempts in all
    expect(Date.now() - t0).toBeGreaterThanOrEqual(10 + 20 + 40 - 10); // 0.5·(20, 40, 80)
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("fails at once with rate-limited when Retry-After would pass the deadline", async () => {
    h.srv.handle = (_q, res) =>
      json(res, 429, errBody(9, "The flood limit has been exceeded."), { "retry-after": "60" });
    h.srv.seen.length = 0;
    const c = h.mk();
    const t0 = Date.now();
    const e = await h.fails(c.friends.myCount(h.session(c), { deadline: Date.now() + 20_000 }));
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(e.kind).toBe("rate-limited");
    expect((e as { retryAfterMs?: number }).retryAfterMs).toBe(60_000);
    expect(e.userMessage).toContain("flood limit");
    expect(h.srv.seen.length).toBe(1);
    // The account+endpoint is now held: the next call fails locally without a request.
    const again = await h.fails(c.friends.myCount(h.session(c), { deadline: Date.now() + 5000 }));
    expect([again.kind, (again as { local?: boolean }).local]).toEqual(["rate-limited", true]);
    expect(h.srv.seen.length).toBe(1);
  });

  it("GET: 5xx then success", async () => {
    h.srv.handle = (_q, res, n) =>
      n <= 2 ? json(res, 503, errBody(0, "Service Unavailable")) : json(res, 200, { count: 130 });
    h.srv.seen.length = 0;
    const c = h.mk();
    expect(await c.friends.count(h.session(c), 1001)).toBe(130);
    expect(h.srv.seen.length).toBe(3);
  });

  it("POST is sent exactly once under 5xx", async () => {
    h.srv.handle = (q, res) =>
      q.headers["x-csrf-token"]
        ? json(res, 500, errBody(0, "InternalServerError"))
        : json(res, 403, errBody(0, "Token Validation Failed"), { "x-csrf-token": "t" });
    h.srv.seen.length = 0;
    const c = h.mk();
    const e = await h.fails(c.requests.accept(h.session(c), 3001));
    expect([e.kind, e.status]).toEqual(["unavailable", 500]);
    expect(h.srv.seen.filter((q) => q.headers["x-csrf-token"] === "t").length).toBe(1);
  });

  it("POST is sent exactly once under a timeout; a hang ends at the headers timeout", async () => {
    h.srv.handle = () => {}; // never answers
    h.srv.seen.length = 0;
    const c = h.mk({ timeouts: { headersMs: 250 } });
    const s = h.session(c);
    s.csrfToken = "t";
    const t0 = Date.now();
    const e = await h.fails(c.parental.addTemporary(s, 15));
    expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", "timeout"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    expect(Date.now() - t0).toBeLessThan(800);
    expect(h.srv.seen.length).toBe(1);
  });

  it("a hanging GET ends at the caller's deadline", async () => {
    h.srv.handle = () => {};
    h.srv.seen.length = 0;
    const c = h.mk();
    const t0 = Date.now();
    const e = await h.fails(c.moderation.restriction(h.session(c), { deadline: Date.now() + 400 }));
    const took = Date.now() - t0;
    expect(e.kind).toBe("unavailable");
    expect(took).toBeGreaterThanOrEqual(350);
    expect(took).toBeLessThan(1200);
  });

  it("POST retries a 429 (Roblox did not process it)", async () => {
    h.srv.handle = (_q, res, n) =>
      n === 1 ? json(res, 429, errBody(0, "Too many"), { "retry-after": "0" }) : json(res, 204, undefined);
    h.srv.seen.length = 0;
    const c = h.mk();
    const s = h.session(c);
    s.csrfToken = "t";
    await c.parental.addTemporary(s, 15);
    expect(h.srv.seen.length).toBe(2);
  });

  it("the caller's signal aborts a wait", async () => {
    h.srv.handle = (_q, res) => json(res, 503, {}, { "retry-after": "5" });
    const c = h.mk();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const t0 = Date.now();
    const e = await h.fails(c.friends.myCount(h.session(c), { signal: ac.signal }));
    expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", "aborted"]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe("secrecy", () => {
  it("the canary cookie and tracker appear in no error and no log line", () => {
    h.expectNoCanary(12);
    expect(h.log.text()).toContain("roblox retry");
  });
});

describe("deadline already passed", () => {
  it("fails as unavailable without a request", async () => {
    h.srv.seen.length = 0;
    const c = h.mk();
    const e = await h.fails(c.friends.myCount(h.session(c), { deadline: Date.now() - 1 }));
    expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", "timeout"]);
    expect(h.srv.seen.length).toBe(0);
  });
});
