/**
 * Presence, users, thumbnails, screen time, moderation, and the transport's behaviour (CSRF,
 * rate limits, rotation, faults) over real HTTP against the simulator.
 */
import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { PresenceType } from "../../src/roblox/index.js";
import { kidSession, useSimClient } from "../support/sim-kit.js";
import { startServer } from "./transport-kit.js";

const k = useSimClient();
const { fails } = k;
const kid = SEED.child;

const hits = (part: string) => k.sim.log.filter((e) => e.path.includes(part));

describe("presence", () => {
  it("120 ids → 3 requests of ≤ 50, merged in input order", async () => {
    const ids = [...SEED.friendIds.slice(0, 118), kid.id, 2006].reverse();
    const p = await k.client.presence.users(kidSession(k.client), ids);
    expect(p.map((x) => x.userId)).toEqual([...new Set(ids)]);
    expect(hits("/presence/v1/presence/users").filter((e) => !e.csrfRejected).length).toBe(3);
    const game = p.find((x) => x.userId === 2006)!;
    expect(game).toMatchObject({ userPresenceType: PresenceType.InGame, placeId: SEED.game.placeId });
    const hidden = (await k.client.presence.users(kidSession(k.client), [2012]))[0]!;
    expect([hidden.userPresenceType, hidden.placeId]).toEqual([2, null]);
  });
});

describe("users and thumbnails", () => {
  it("authenticated, public profile, batches of 100 in input order, resolve", async () => {
    const s = kidSession(k.client);
    expect(await k.client.users.authenticated(s)).toMatchObject({ id: kid.id, name: kid.name });
    expect(await k.client.users.get(2001)).toMatchObject({
      id: 2001,
      name: "Friend2001",
      hasVerifiedBadge: true,
    });
    expect(await k.client.users.get(999_999)).toBeNull();
    const ids = [999_999, ...SEED.friendIds.slice().reverse(), 3001];
    const users = await k.client.users.byIds(ids);
    expect(users.map((u) => u.id)).toEqual([...SEED.friendIds.slice().reverse(), 3001]);
    expect(hits("/users/v1/users").filter((e) => e.method === "POST").length).toBe(2);
    const named = await k.client.users.byUsernames(["stranger4002", "Nobody_xyz", "Friend2001"]);
    expect(named.map((u) => u.id)).toEqual([4002, 2001]);
    expect(await k.client.resolveUser("Friend2003")).toMatchObject({ id: 2003 });
    expect(await k.client.users.resolve("2002")).toEqual({
      id: 2002,
      name: "Friend2002",
      displayName: "Pal2002",
    });
    expect((await k.client.users.resolve("@requester3001"))?.id).toBe(3001);
    expect(await k.client.users.resolve("no_such_user")).toBeNull();
    expect(await k.client.users.resolve("424242")).toBeNull();
    const bad = await fails(k.client.users.resolve("two words"));
    expect(bad.kind).toBe("bad-input");
  });

  it("headshots: 100 per call, input order, Completed with URLs", async () => {
    const ids = SEED.friendIds.slice(0, 120);
    const h = await k.client.thumbnails.headshots(ids, { size: "150x150" });
    expect(h.map((x) => x.targetId)).toEqual(ids);
    expect(hits("/thumbnails/v1/users/avatar-headshot").length).toBe(2);
    expect(h.every((x) => x.state === "Completed" && x.imageUrl?.startsWith("https://"))).toBe(true);
    expect((await k.client.thumbnails.headshotUrls([2001, 999_999])).size).toBe(1);
    expect(hits("avatar-headshot").every((e) => !e.cookieHeader)).toBe(true);
  });
});

describe("screen time, parental controls, moderation", () => {
  it("reads and sets the daily limit; the tracker rides along", async () => {
    const s = kidSession(k.client);
    expect(await k.client.settings.dailyLimit(s)).toBe(kid.dailyLimit);
    await k.client.settings.setDailyLimit(s, 90);
    expect((await k.client.settings.get(s)).dailyScreenTimeLimit?.currentValue).toBe(90);
    expect(hits("/user-settings-api/v1/user-settings").at(-2)).toMatchObject({
      method: "POST",
      trackerSent: true,
      status: 200,
    });
    await expect(k.client.settings.setDailyLimit(s, 1441)).rejects.toMatchObject({ kind: "bad-input" });
  });

  it("without RBXEventTrackerV2 the refusal says how to add it", async () => {
    const s = k.client.session({ cookie: kid.cookie });
    const e = await fails(k.client.settings.setDailyLimit(s, 60));
    expect(e.kind).toBe("api");
    expect(e.userMessage).toMatch(/RBXEventTrackerV2.*\/roblox link/);
    expect(e.message).toContain("RBXEventTrackerV2"); // Roblox's own words, not "Token Validation Failed"
    expect(e.message).not.toContain("Token Validation");
  });

  it("weekly screen time has 7 days; temporary minutes answer 204", async () => {
    const s = kidSession(k.client);
    const w = await k.client.parental.weekly(s, kid.id);
    expect(w.days).toEqual(kid.weekly);
    expect(w.localDayOfWeek).toBeGreaterThanOrEqual(0);
    await k.client.parental.addTemporary(s, 15);
    await expect(k.client.parental.addTemporary(s, 0)).rejects.toMatchObject({ kind: "bad-input" });
  });

  it("while moderated: most answer 'moderated'; moderation and add-time still work", async () => {
    const s = kidSession(k.client);
    expect(await k.client.moderation.restriction(s)).toBeNull();
    expect(await k.client.moderation.banDetails(s)).toBeNull();
    k.sim.control.startRestriction({ userId: kid.id, source: 2 });
    const blocked = [
      () => k.client.users.authenticated(s),
      () => k.client.friends.myCount(s),
      () => k.client.presence.users(s, [2001]),
      () => k.client.settings.get(s),
    ];
    for (const call of blocked) {
      const e = await fails(call());
      expect(e.kind).toBe("moderated");
      expect(e.userMessage).toContain("the account is restricted right now; see /restrictions");
    }
    expect(await k.client.moderation.restriction(s)).toMatchObject({ source: 2, moderationStatus: 2 });
    expect(await k.client.moderation.banDetails(s)).toBeNull();
    await k.client.parental.addTemporary(s, 30);
    k.sim.control.startRestriction({ userId: kid.id, source: 1, messageToUser: "Rule 3" });
    expect(await k.client.moderation.banDetails(s)).toMatchObject({
      punishedUserId: kid.id,
      messageToUser: "Rule 3",
    });
    expect(await k.client.users.get(kid.id)).toMatchObject({ id: kid.id }); // public, no cookie
  });
});

describe("sessions against the simulator", () => {
  it("CSRF: 20 POSTs cost one rejected request per token lifetime", async () => {
    const x = k.fresh();
    const s = kidSession(x);
    for (let i = 0; i < 20; i++) await x.friends.multigetAreFriends(s, kid.id, [2001 + i]);
    expect(k.sim.log.filter((e) => e.csrfRejected).length).toBe(1);
    expect(k.sim.log.length).toBe(21);
    k.sim.control.rotateCsrf(kid.id);
    for (let i = 0; i < 20; i++) await x.friends.multigetAreFriends(s, kid.id, [2001 + i]);
    expect(k.sim.log.filter((e) => e.csrfRejected).length).toBe(2);
  });

  it("an expired cookie → unauthenticated and the callback; a rotated one is adopted", async () => {
    const rotated: string[] = [];
    const s = kidSession(k.client, (v) => rotated.push(v));
    k.sim.control.rotateCookie(kid.id);
    await k.client.friends.myCount(s);
    expect(rotated).toHaveLength(1);
    expect(rotated[0]).not.toBe(kid.cookie);
    expect(await k.client.friends.myCount(s)).toBe(130); // the old cookie is dead: this used the new one
    expect(k.sim.log.at(-1)).toMatchObject({ status: 200, userId: kid.id });

    let dead = 0;
    const p = k.client.session({ cookie: SEED.parent.cookie, onUnauthenticated: () => void dead++ });
    k.sim.control.expireCookie(SEED.parent.id);
    const e = await fails(k.client.users.authenticated(p));
    expect([e.kind, dead]).toEqual(["unauthenticated", 1]);
  });

  it("knows the seed's limits: 5 add-time calls a minute, 30 settings writes", async () => {
    const x = k.fresh();
    const s = kidSession(x);
    for (let i = 0; i < 5; i++) await x.parental.addTemporary(s, 1);
    const local = await fails(x.parental.addTemporary(s, 1, { deadline: Date.now() + 5000 }));
    expect([local.kind, (local as { local?: boolean }).local]).toEqual(["rate-limited", true]);
    expect(hits("add-temporary-screentime").filter((e) => e.status === 204).length).toBe(5);
    expect(hits("add-temporary-screentime").length).toBe(6); // + the first CSRF answer; the 6th never left

    for (let i = 0; i < 30; i++) await x.settings.setDailyLimit(s, 60 + i);
    const before = hits("/v1/user-settings").length;
    const e = await fails(x.settings.setDailyLimit(s, 1, { deadline: Date.now() + 1000 }));
    expect(e.kind).toBe("rate-limited");
    expect(hits("/v1/user-settings").length).toBe(before);
    // Another process (fresh limiter) meets Roblox's own 429 code 9 and is told to wait.
    const y = k.fresh();
    const flood = await fails(y.settings.setDailyLimit(kidSession(y), 2));
    expect([flood.kind, flood.code]).toEqual(["rate-limited", 9]);
    expect(flood.userMessage).toBe("Roblox's flood limit — try again in a minute.");
    expect((flood as { retryAfterMs?: number }).retryAfterMs).toBeGreaterThan(1000);
  });
});

describe("faults injected by the simulator", () => {
  it("GET: 503 twice then success; 429 Retry-After then success", async () => {
    k.sim.control.addFault({ method: "GET", pathIncludes: "/my/friends/count", status: 503, times: 2 });
    expect(await k.client.friends.myCount(kidSession(k.client))).toBe(130);
    expect(hits("/my/friends/count").map((e) => e.status)).toEqual([503, 503, 200]);
    k.sim.control.addFault({
      method: "GET",
      pathIncludes: "/v2/not-approved",
      status: 429,
      headers: { "retry-after": "1" },
    });
    const t0 = Date.now();
    expect(await k.client.moderation.restriction(kidSession(k.client))).toBeNull();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it("POST sent once under 5xx and under a hang (configurable timeout)", async () => {
    k.sim.control.addFault({ method: "POST", pathIncludes: "/accept-friend-request", status: 500, times: 0 });
    const e = await fails(k.client.requests.accept(kidSession(k.client), 3001));
    expect([e.kind, e.status]).toEqual(["unavailable", 500]);
    expect(hits("/accept-friend-request").length).toBe(1);

    const x = k.fresh({ timeouts: { headersMs: 300 } });
    k.sim.control.addFault({ method: "POST", pathIncludes: "/presence/users", kind: "hang", times: 0 });
    const t0 = Date.now();
    const h = await fails(x.presence.users(kidSession(x), [2001]));
    expect([h.kind, (h as { reason?: string }).reason]).toEqual(["unavailable", "timeout"]);
    expect(Date.now() - t0).toBeLessThan(800);
    expect(hits("/presence/users").length).toBe(1);
  });

  it.each(["malformed", "html", "oversized"] as const)("%s body → unavailable, no crash", async (kind) => {
    k.sim.control.addFault({ method: "GET", pathIncludes: "/user/friend-requests/count", kind, times: 0 });
    const e = await fails(k.client.requests.pendingCount(kidSession(k.client)));
    expect(e.kind).toBe("unavailable");
    expect(e.message).toContain("requests.pendingCount");
    expect(await k.client.requests.newCount(kidSession(k.client))).toBeGreaterThanOrEqual(0); // the client still works
  });

  it("a redirect is not followed: the other host never sees the cookie", async () => {
    const other = await startServer();
    try {
      k.sim.control.addFault({
        pathIncludes: "/friends/inactive",
        kind: "redirect",
        location: `${other.origin}/steal{path}`,
        times: 0,
      });
      const e = await fails(k.client.friends.inactive(kidSession(k.client), kid.id));
      expect((e as { reason?: string }).reason).toBe("redirect");
      expect(other.seen).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});

describe("secrecy", () => {
  it("no seeded cookie or tracker in any error or log line of this file", () => {
    expect(k.errors.length).toBeGreaterThan(10);
    k.expectNoCookie();
  });
});
