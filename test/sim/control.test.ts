import { describe, expect, it } from "vitest";
import { type RequestLogEntry, SEED, startSim } from "../../sim/server.js";
import { call, callCsrf, useSim } from "../support/sim-kit.js";

const fx = useSim({ resetOverHttp: true });
const kid = SEED.child;
const { ctl } = fx;
const presenceOf = async (id: number) => {
  const r = await callCsrf(fx.sim, "POST", "/presence/v1/presence/users", {
    cookie: kid.cookie,
    body: { userIds: [id] },
  });
  return (r.json as { userPresences: Record<string, unknown>[] }).userPresences[0];
};

describe("control API", () => {
  it("sets presence, and reset restores the seed", async () => {
    expect(
      (
        await ctl("POST", "presence", {
          userId: 2050,
          userPresenceType: 2,
          lastLocation: "Obby",
          placeId: 1,
          universeId: 2,
        })
      ).status,
    ).toBe(200);
    expect(await presenceOf(2050)).toMatchObject({
      userId: 2050,
      userPresenceType: 2,
      lastLocation: "Obby",
      placeId: 1,
    });
    await ctl("POST", "reset");
    expect(await presenceOf(2050)).toMatchObject({ userPresenceType: 0, placeId: null });
  });

  it("creates users, requests, friendships and screen time", async () => {
    const created = await ctl("POST", "users", { name: "NewKid", displayName: "Newbie" });
    const { id, cookie } = created.json as { id: number; cookie: string };
    expect(cookie.startsWith(SEED.cookiePrefix)).toBe(true);
    expect((await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie })).json).toEqual({
      id,
      name: "NewKid",
      displayName: "Newbie",
    });
    expect((await ctl("POST", "friend-requests", { from: id, to: kid.id })).status).toBe(200);
    const reqs = await call(fx.sim, "GET", "/friends/v1/my/friends/requests", { cookie: kid.cookie });
    expect((reqs.json as { data: { id: number }[] }).data[0]?.id).toBe(id);

    await ctl("POST", "friends", { a: id, b: 4001 });
    expect((await call(fx.sim, "GET", `/friends/v1/users/${id}/friends/count`, { cookie })).json).toEqual({
      count: 1,
    });
    await ctl("DELETE", "friends", { a: id, b: 4001 });
    expect((await call(fx.sim, "GET", `/friends/v1/users/${id}/friends/count`, { cookie })).json).toEqual({
      count: 0,
    });

    await ctl("POST", "screentime", {
      userId: kid.id,
      days: [1, 2, 3, 4, 5, 6, 7],
      localDayOfWeek: 3,
      dailyLimit: 45,
    });
    const weekly = await call(
      fx.sim,
      "GET",
      "/apis/parental-controls-api/v1/parental-controls/get-weekly-screentime",
      {
        cookie: kid.cookie,
      },
    );
    expect(weekly.json).toMatchObject({
      localDayOfWeek: 3,
      dailyScreentimes: [{ daysAgo: 0, minutesPlayed: 1 }, {}, {}, {}, {}, {}, {}],
    });

    expect((await ctl("POST", "users", { name: "KidAccount" })).status).toBe(400);
    expect((await ctl("POST", "friend-requests", { from: 1, to: kid.id })).status).toBe(400);
    expect((await ctl("POST", "nope")).status).toBe(404);
  });

  it("expires, issues and looks up cookies; rotates CSRF per user", async () => {
    await ctl("POST", "cookies/expire", { userId: kid.id });
    expect((await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: kid.cookie })).status).toBe(
      401,
    );
    expect((await ctl("GET", `cookies/${kid.id}`)).json).toEqual({ cookie: null });
    const issued = (await ctl("POST", "cookies/issue", { userId: kid.id })).json as { cookie: string };
    expect(
      (await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: issued.cookie })).status,
    ).toBe(200);
    expect((await ctl("GET", `cookies/${kid.id}`)).json).toEqual(issued);

    const first = await call(fx.sim, "POST", "/friends/v1/my/friends/refresh-qr-session", {
      cookie: issued.cookie,
    });
    const token = first.headers.get("x-csrf-token")!;
    await ctl("POST", "csrf/rotate", { userId: kid.id });
    const stale = await call(fx.sim, "POST", "/friends/v1/my/friends/refresh-qr-session", {
      cookie: issued.cookie,
      csrf: token,
    });
    expect(stale.status).toBe(403);
  });

  it("serves the log and the state, and never records a cookie in the log", async () => {
    await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: kid.cookie, tracker: kid.tracker });
    await call(fx.sim, "GET", "/apis/user-settings-api/v1/user-settings/settings-and-options", {
      cookie: kid.cookie,
    });
    const log = (await ctl("GET", "log")).json as RequestLogEntry[];
    expect(log.map((e) => [e.api, e.status, e.userId, e.trackerSent])).toEqual([
      ["friends", 200, kid.id, true],
      ["apis/user-settings-api", 200, kid.id, false],
    ]);
    expect(JSON.stringify(log)).not.toContain("_|WARNING:");
    await ctl("DELETE", "log");
    expect(fx.sim.log).toHaveLength(0);
    const state = (await ctl("GET", "state")).json as { users: unknown[]; friendRequests: unknown[] };
    expect(state.users).toHaveLength(152);
    expect(state.friendRequests).toHaveLength(2);
    expect(JSON.stringify(state)).not.toContain("_|WARNING:");
  });

  it("adds latency to every answer", async () => {
    await ctl("POST", "latency", { ms: 120 });
    const t0 = performance.now();
    await call(fx.sim, "GET", "/users/v1/users/1001");
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
  });

  it("creates 10,000 accounts whose cookies work, fast", async () => {
    const t0 = performance.now();
    const r = await ctl("POST", "bulk-accounts", { count: 10_000, watchedFriends: 5 });
    const createMs = performance.now() - t0;
    const { ids, cookies, friendIds } = r.json as { ids: number[]; cookies: string[]; friendIds: number[] };
    expect(ids).toHaveLength(10_000);
    expect(cookies[0]).toBe(`${SEED.cookiePrefix}_SIMCOOKIE${ids[0]}`);
    expect(friendIds).toHaveLength(5);
    expect(createMs).toBeLessThan(5000);
    const t1 = performance.now();
    const picks = Array.from({ length: 400 }, (_, i) => (i * 7919) % ids.length);
    const results = await Promise.all(
      picks.map((i) =>
        call(fx.sim, "GET", `/friends/v1/users/${ids[i]}/friends/find`, { cookie: cookies[i]! }),
      ),
    );
    expect(performance.now() - t1).toBeLessThan(5000);
    for (const res of results) {
      expect((res.json as { PageItems: { id: number }[] }).PageItems.map((p) => p.id)).toEqual(friendIds);
    }
    expect((await ctl("POST", "bulk-accounts", { count: 1, startId: ids[0] })).status).toBe(400);
  });

  it("keeps the log bounded", async () => {
    const small = await startSim({ logLimit: 10 });
    try {
      for (let i = 0; i < 30; i++) await call(small, "GET", `/users/v1/users/${1001 + (i % 2)}?i=${i}`);
      expect(small.log.length).toBeLessThanOrEqual(11);
      expect(small.log.at(-1)?.path).toBe("/users/v1/users/1002?i=29");
    } finally {
      await small.close();
    }
  });
});
