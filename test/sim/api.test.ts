import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { call, callCsrf, firstError, useSim } from "../support/sim-kit.js";

const fx = useSim();
const kid = SEED.child;

describe("auth and CSRF", () => {
  it("hands out a token on a POST without one, then accepts the retry", async () => {
    const path = "/friends/v1/users/3002/decline-friend-request";
    const first = await call(fx.sim, "POST", path, { cookie: kid.cookie });
    expect(first.status).toBe(403);
    expect(firstError(first.json)).toEqual({ code: 0, message: "Token Validation Failed" });
    const token = first.headers.get("x-csrf-token");
    expect(token).toBeTruthy();
    const wrong = await call(fx.sim, "POST", path, { cookie: kid.cookie, csrf: "nope" });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get("x-csrf-token")).toBe(token);
    const second = await call(fx.sim, "POST", path, { cookie: kid.cookie, csrf: token! });
    expect(second.status).toBe(200);
    expect(fx.sim.log.map((e) => e.csrfRejected)).toEqual([true, true, false]);
    expect(fx.sim.log[2]).toMatchObject({ api: "friends", userId: kid.id, status: 200, method: "POST" });

    fx.sim.control.rotateCsrf();
    const stale = await call(fx.sim, "POST", "/friends/v1/user/friend-requests/decline-all", {
      cookie: kid.cookie,
      csrf: token!,
    });
    expect(stale.status).toBe(403);
    expect(stale.headers.get("x-csrf-token")).not.toBe(token);
  });

  it("answers 401 to an unknown or expired cookie, and GETs need no token", async () => {
    const unknown = await call(fx.sim, "GET", "/users/v1/users/authenticated", {
      cookie: `${SEED.cookiePrefix}_NOPE`,
    });
    expect(unknown.status).toBe(401);
    expect(firstError(unknown.json)).toEqual({
      code: 0,
      message: "Authorization has been denied for this request.",
    });
    const none = await call(fx.sim, "GET", "/friends/v1/my/friends/count");
    expect(none.status).toBe(401);
    const ok = await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: kid.cookie });
    expect(ok.json).toEqual({ id: kid.id, name: kid.name, displayName: kid.displayName });
    fx.sim.control.expireCookie(kid.id);
    expect((await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: kid.cookie })).status).toBe(
      401,
    );
    expect(fx.sim.log.at(-1)).toMatchObject({ userId: null, status: 401, cookieHeader: true });
  });

  it("rotates the cookie through Set-Cookie, after which the old one is dead", async () => {
    fx.sim.control.rotateCookie(kid.id);
    const r = await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: kid.cookie });
    expect(r.status).toBe(200);
    const setCookie = r.headers.get("set-cookie") ?? "";
    const m = /^\.ROBLOSECURITY=([^;]+);.*domain=\.roblox\.com/i.exec(setCookie);
    expect(m).not.toBeNull();
    const fresh = m![1]!;
    expect(fresh.startsWith("_|WARNING:")).toBe(true);
    expect(fresh).not.toBe(kid.cookie);
    expect((await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: kid.cookie })).status).toBe(
      401,
    );
    const again = await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: fresh });
    expect(again.json).toEqual({ count: 130 });
    expect(again.headers.get("set-cookie")).toBeNull();
  });
});

describe("moderation", () => {
  it("blocks cookie endpoints while restricted but keeps the exempt ones", async () => {
    await call(fx.sim, "POST", "/__sim/screentime", { body: { userId: kid.id, todayMinutes: 120 } });
    const started = await call(fx.sim, "POST", "/__sim/restrictions", {
      body: { userId: kid.id, source: 2, endTime: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(started.status).toBe(200);
    const blocked = await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: kid.cookie });
    expect(blocked.status).toBe(403);
    expect(firstError(blocked.json)).toEqual({ code: 0, message: "User is moderated" });
    expect(blocked.headers.get("x-csrf-token")).toBeNull();
    const presence = await callCsrf(fx.sim, "POST", "/presence/v1/presence/users", {
      cookie: kid.cookie,
      body: { userIds: [2001] },
    });
    expect(firstError(presence.json)?.message).toBe("User is moderated");

    const v2 = await call(fx.sim, "GET", "/usermoderation/v2/not-approved", { cookie: kid.cookie });
    const restriction = (v2.json as { restriction: Record<string, unknown> }).restriction;
    expect(restriction).toMatchObject({ source: 2, moderationStatus: 2 });
    expect(restriction.durationSeconds).toBeGreaterThan(0);
    expect(
      (await call(fx.sim, "GET", "/usermoderation/v1/not-approved", { cookie: kid.cookie })).json,
    ).toEqual({});
    expect((await call(fx.sim, "GET", `/users/v1/users/${kid.id}`, { cookie: kid.cookie })).status).toBe(200);

    // adding time while locked: 120 used < 120 limit + 15 → the lock lifts
    const add = await callCsrf(
      fx.sim,
      "POST",
      "/apis/parental-controls-api/v1/parental-controls/add-temporary-screentime",
      {
        cookie: kid.cookie,
        body: { minutes: 15 },
      },
    );
    expect(add.status).toBe(204);
    expect(
      (await call(fx.sim, "GET", "/usermoderation/v2/not-approved", { cookie: kid.cookie })).json,
    ).toEqual({
      restriction: null,
    });
    expect((await call(fx.sim, "GET", "/users/v1/users/authenticated", { cookie: kid.cookie })).status).toBe(
      200,
    );
  });

  it("reports ban details on v1 and ends the restriction on request", async () => {
    fx.sim.control.startRestriction({ userId: kid.id, source: 1, endTime: null, messageToUser: "be nice" });
    const v1 = await call(fx.sim, "GET", "/usermoderation/v1/not-approved", { cookie: kid.cookie });
    expect(v1.json).toMatchObject({ punishedUserId: kid.id, messageToUser: "be nice", endDate: null });
    const v2 = await call(fx.sim, "GET", "/usermoderation/v2/not-approved", { cookie: kid.cookie });
    expect(v2.json).toMatchObject({ restriction: { source: 1, endTime: null, durationSeconds: null } });
    expect((await call(fx.sim, "DELETE", `/__sim/restrictions/${kid.id}`)).status).toBe(200);
    expect((await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: kid.cookie })).status).toBe(
      200,
    );
  });
});

describe("friends", () => {
  it("pages through 130 friends with friends/find", async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const r = await call(
        fx.sim,
        "GET",
        `/friends/v1/users/${kid.id}/friends/find?userSort=0&limit=50${q}`,
        {
          cookie: kid.cookie,
        },
      );
      expect(r.status).toBe(200);
      const body = r.json as { PageItems: { id: number }[]; NextCursor: string | null; HasMore: unknown };
      expect(body.HasMore).toBeNull();
      seen.push(...body.PageItems.map((i) => i.id));
      cursor = body.NextCursor;
      if (cursor) expect(cursor.length).toBeGreaterThan(60);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...SEED.friendIds]);
    // without userSort, find sorts by status first (2, StatusFrequents): in game, Studio, online
    const byStatus = await call(fx.sim, "GET", `/friends/v1/users/${kid.id}/friends/find?limit=12`, {
      cookie: kid.cookie,
    });
    expect((byStatus.json as { PageItems: { id: number }[] }).PageItems.map((i) => i.id)).toEqual([
      ...SEED.inGameFriendIds,
      ...SEED.hiddenGameFriendIds,
      ...SEED.inStudioFriendIds,
      ...SEED.onlineFriendIds,
    ]);

    const bad = await call(fx.sim, "GET", `/friends/v1/users/${kid.id}/friends/find?cursor=forged`, {
      cookie: kid.cookie,
    });
    expect(bad.status).toBe(400);
    expect(firstError(bad.json)).toEqual({ code: 6, message: "Invalid parameters." });
    const tooMany = await call(fx.sim, "GET", `/friends/v1/users/${kid.id}/friends/find?limit=51`, {
      cookie: kid.cookie,
    });
    expect(firstError(tooMany.json)?.code).toBe(6);
    const nobody = await call(fx.sim, "GET", "/friends/v1/users/999999/friends/find", { cookie: kid.cookie });
    expect(firstError(nobody.json)).toEqual({
      code: 1,
      message: "The target user is invalid or does not exist.",
    });
  });

  it("accepting a request makes friends; a second accept is code 10", async () => {
    const path = "/friends/v1/users/3001/accept-friend-request";
    const first = await callCsrf(fx.sim, "POST", path, { cookie: kid.cookie });
    expect(first.status).toBe(200);
    const count = await call(fx.sim, "GET", "/friends/v1/my/friends/count", { cookie: kid.cookie });
    expect(count.json).toEqual({ count: 131 });
    const statuses = await call(
      fx.sim,
      "GET",
      `/friends/v1/users/${kid.id}/friends/statuses?userIds=3001&userIds=3002&userIds=4001`,
      {
        cookie: kid.cookie,
      },
    );
    expect(statuses.json).toEqual({
      data: [
        { id: 3001, status: "Friends" },
        { id: 3002, status: "RequestReceived" },
        { id: 4001, status: "NotFriends" },
      ],
    });
    const second = await callCsrf(fx.sim, "POST", path, { cookie: kid.cookie });
    expect(second.status).toBe(400);
    expect(firstError(second.json)).toEqual({ code: 10, message: "The friend request does not exist." });
    const pending = await call(fx.sim, "GET", "/friends/v1/user/friend-requests/count", {
      cookie: kid.cookie,
    });
    expect(pending.json).toEqual({ count: 1 });
  });

  it("lists requests newest first and counts new ones until marked seen", async () => {
    const list = await call(fx.sim, "GET", "/friends/v1/my/friends/requests?limit=10", {
      cookie: kid.cookie,
    });
    const data = (list.json as { data: { id: number; friendRequest: { senderId: number } }[] }).data;
    expect(data.map((d) => d.friendRequest.senderId)).toEqual([3002, 3001]);
    expect(
      (await call(fx.sim, "GET", "/friends/v1/my/friends/requests?limit=7", { cookie: kid.cookie })).status,
    ).toBe(400);
    expect(
      (await call(fx.sim, "GET", "/friends/v1/my/new-friend-requests/count", { cookie: kid.cookie })).json,
    ).toEqual({
      count: 2,
    });
    const seen = await callCsrf(fx.sim, "DELETE", "/friends/v1/my/new-friend-requests", {
      cookie: kid.cookie,
    });
    expect(seen.json).toEqual({ status: true });
    fx.sim.control.sendFriendRequest(4001, kid.id);
    expect(
      (await call(fx.sim, "GET", "/friends/v1/my/new-friend-requests/count", { cookie: kid.cookie })).json,
    ).toEqual({
      count: 1,
    });
  });

  it("sends, refuses and captcha-gates friend requests with the seed's codes", async () => {
    const req = (id: number | string, body: unknown = {}) =>
      callCsrf(fx.sim, "POST", `/friends/v1/users/${id}/request-friendship`, { cookie: kid.cookie, body });
    expect((await req(4001)).json).toEqual({ success: true, isCaptchaRequired: false });
    expect(firstError((await req(2001)).json)?.code).toBe(5);
    expect(firstError((await req(kid.id)).json)?.code).toBe(7);
    expect(firstError((await req(999999)).json)?.code).toBe(1);
    expect(firstError((await req(4002, { senderNickname: "<script>" })).json)?.code).toBe(35);
    fx.sim.control.setCaptcha(kid.id, true);
    const captcha = await req(4003);
    expect(captcha.status).toBe(403);
    expect(firstError(captcha.json)).toEqual({ code: 14, message: "The user has not passed the captcha." });
    expect(captcha.headers.get("rblx-challenge-id")).toBeTruthy();
  });
});

describe("other APIs", () => {
  it("presence caps at 50 ids and every item carries userId", async () => {
    const ok = await callCsrf(fx.sim, "POST", "/presence/v1/presence/users", {
      cookie: kid.cookie,
      body: { userIds: [2001, 2006, 2012] },
    });
    const items = (ok.json as { userPresences: Record<string, unknown>[] }).userPresences;
    expect(items.map((p) => [p.userId, p.userPresenceType])).toEqual([
      [2001, 1],
      [2006, 2],
      [2012, 2],
    ]);
    expect(items[2]).toMatchObject({ placeId: null, universeId: null, gameId: null });
    const big = await callCsrf(fx.sim, "POST", "/presence/v1/presence/users", {
      cookie: kid.cookie,
      body: { userIds: SEED.friendIds.slice(0, 51) },
    });
    expect(big.status).toBe(400);
  });

  it("users batch, usernames and headshots answer without a cookie or CSRF", async () => {
    const batch = await call(fx.sim, "POST", "/users/v1/users", {
      body: { userIds: [1001, 2001, 999999], excludeBannedUsers: false },
    });
    expect(batch.json).toEqual({
      data: [
        { hasVerifiedBadge: false, id: 1001, name: "KidAccount", displayName: "Kid" },
        { hasVerifiedBadge: true, id: 2001, name: "Friend2001", displayName: "Pal2001" },
      ],
    });
    const over = await call(fx.sim, "POST", "/users/v1/users", {
      body: { userIds: Array.from({ length: 101 }, (_, i) => i + 1) },
    });
    expect(over.status).toBe(400);
    const names = await call(fx.sim, "POST", "/users/v1/usernames/users", {
      body: { usernames: ["kidaccount"] },
    });
    expect(names.json).toEqual({
      data: [
        {
          requestedUsername: "kidaccount",
          hasVerifiedBadge: false,
          id: 1001,
          name: "KidAccount",
          displayName: "Kid",
        },
      ],
    });
    const thumbs = await call(
      fx.sim,
      "GET",
      "/thumbnails/v1/users/avatar-headshot?userIds=1001,2001&size=150x150&format=Png",
    );
    const data = (thumbs.json as { data: { targetId: number; state: string; imageUrl: string }[] }).data;
    expect(data.map((d) => [d.targetId, d.state])).toEqual([
      [1001, "Completed"],
      [2001, "Completed"],
    ]);
    expect(data[0]!.imageUrl).toMatch(/^https:\/\/tr\.rbxcdn\.com\//);
  });
});
