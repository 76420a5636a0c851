/**
 * The client's HTTP layer (RobloxHttp) over real HTTP against a scriptable local server: bodies we cannot trust,
 * redirects, where cookies go, Set-Cookie rotation, the metrics hook.
 */
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { CANARY, json, startServer, TRACKER, transportHarness } from "./transport-kit.js";

const h = transportHarness();

describe("bodies we cannot trust", () => {
  it.each([
    [
      "malformed JSON",
      (res: ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"count":');
      },
      "malformed",
    ],
    [
      "HTML",
      (res: ServerResponse) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<html><body>maintenance</body></html>");
      },
      "malformed",
    ],
    [
      "oversized (declared)",
      (res: ServerResponse) => {
        const b = Buffer.alloc(2 * 1024 * 1024, 32);
        res.writeHead(200, { "content-length": String(b.length) });
        res.end(b);
      },
      "oversized",
    ],
    [
      "oversized (streamed)",
      (res: ServerResponse) => {
        res.writeHead(200, { "content-type": "application/json" });
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 32));
        res.end();
      },
      "oversized",
    ],
  ])("%s → unavailable, no crash", async (_name, write, reason) => {
    h.srv.handle = (_q, res) => write(res);
    const c = h.mk();
    const e = await h.fails(c.friends.myCount(h.session(c)));
    expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", reason]);
    expect(e.userMessage).toMatch(/Roblox is not answering/);
  });
});

describe("cookies stay with Roblox", () => {
  it("a redirect is not followed and the other host sees nothing", async () => {
    const other = await startServer();
    try {
      h.srv.handle = (_q, res) => {
        res.writeHead(302, { location: `${other.origin}/steal` });
        res.end();
      };
      const c = h.mk();
      const e = await h.fails(c.friends.myCount(h.session(c)));
      expect([e.kind, (e as { reason?: string }).reason]).toEqual(["unavailable", "redirect"]);
      h.srv.handle = (_q, res) => {
        res.writeHead(307, { location: `${other.origin}/steal` });
        res.end();
      };
      await h.fails(c.requests.declineAll(h.session(c)));
      expect(other.seen.length).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("public endpoints send no cookie; cookie endpoints send it with the tracker", async () => {
    h.srv.handle = (q, res) =>
      q.url.startsWith("/users/v1/users/")
        ? json(res, 200, { id: 7, name: "A", displayName: "A" })
        : json(res, 200, { data: [] });
    h.srv.seen.length = 0;
    const c = h.mk();
    await c.users.get(7);
    await c.thumbnails.headshots([7]);
    await c.users.byIds([7]);
    expect(h.srv.seen.map((q) => q.headers.cookie)).toEqual([undefined, undefined, undefined]);
    h.srv.handle = (_q, res) => json(res, 200, { count: 1 });
    await c.friends.myCount(h.session(c));
    expect(h.srv.seen.at(-1)!.headers.cookie).toBe(`.ROBLOSECURITY=${CANARY}; RBXEventTrackerV2=${TRACKER}`);
    expect(h.srv.seen.at(-1)!.url).toBe("/friends/v1/my/friends/count");
  });

  it("a Set-Cookie rotation reaches the callback and the next request uses the new cookie", async () => {
    const NEW = "CANARY-rotated-cookie-91";
    h.srv.handle = (_q, res, n) =>
      json(
        res,
        200,
        { count: n },
        n === 1
          ? { "set-cookie": `.ROBLOSECURITY=${NEW}; domain=.roblox.com; path=/; secure; HttpOnly` }
          : {},
      );
    h.srv.seen.length = 0;
    const c = h.mk();
    const rotated: string[] = [];
    const s = h.session(c, { onCookieRotated: async (v: string) => void rotated.push(v) });
    await c.friends.myCount(s);
    expect(rotated).toEqual([NEW]);
    await c.friends.myCount(s);
    expect(h.srv.seen[1]!.headers.cookie).toContain(`.ROBLOSECURITY=${NEW}`);
    expect(h.srv.seen[1]!.headers.cookie).not.toContain(CANARY);
  });
});

describe("metrics hook", () => {
  it("reports endpoint, method, status and ms for every exchange", async () => {
    h.srv.handle = (_q, res, n) => (n % 2 === 1 ? json(res, 503, {}) : json(res, 200, { count: 1 }));
    h.srv.seen.length = 0;
    h.metrics.length = 0;
    const c = h.mk();
    await c.friends.myCount(h.session(c));
    expect(h.metrics.map((m) => [m.endpoint, m.method, m.status])).toEqual([
      ["friends.myCount", "GET", 503],
      ["friends.myCount", "GET", 200],
    ]);
    expect(h.metrics.every((m) => Number.isInteger(m.ms) && m.ms >= 0)).toBe(true);
  });
});

describe("secrecy", () => {
  it("the canary cookie and tracker appear in no error and no log line", () => {
    h.expectNoCanary(6);
  });
});
