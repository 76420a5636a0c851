import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { call, firstError, useSim } from "../support/sim-kit.js";

const fx = useSim({ log: false });
const kid = SEED.child;
const F = "/friends/v1";
const { get, post } = fx;
type Data<T> = { data: T[] };

describe("friends listings", () => {
  it("online lists online, in-game and in-studio friends with their presence", async () => {
    const r = await get(`${F}/users/${kid.id}/friends/online`);
    const data = (
      r.json as Data<{ id: number; userPresence: { UserPresenceType: string; placeId: number | null } }>
    ).data;
    expect(data.map((d) => d.id).sort()).toEqual(
      [
        ...SEED.onlineFriendIds,
        ...SEED.inGameFriendIds,
        ...SEED.inStudioFriendIds,
        ...SEED.hiddenGameFriendIds,
      ].sort(),
    );
    const game = data.find((d) => d.id === 2006)!;
    expect(game.userPresence).toMatchObject({ UserPresenceType: "InGame", placeId: SEED.game.placeId });
  });

  it("inactive lists friends offline for a long time", async () => {
    const r = await get(`${F}/users/${kid.id}/friends/inactive`);
    expect((r.json as Data<{ id: number }>).data.map((d) => d.id)).toEqual([...SEED.inactiveFriendIds]);
  });

  it("search pages by name and display name", async () => {
    const r = await get(`${F}/users/${kid.id}/friends/search?query=pal212&limit=5`);
    const body = r.json as { PageItems: { id: number }[]; NextCursor: string | null };
    expect(body.PageItems.map((p) => p.id)).toEqual([2120, 2121, 2122, 2123, 2124]);
    const next = await get(
      `${F}/users/${kid.id}/friends/search?query=pal212&limit=5&cursor=${body.NextCursor}`,
    );
    expect((next.json as { PageItems: { id: number }[] }).PageItems.map((p) => p.id)).toEqual([
      2125, 2126, 2127, 2128, 2129,
    ]);
  });

  it("users/{id}/friends, counts, metadata, groups and the QR session", async () => {
    const all = await get(`${F}/users/${kid.id}/friends`);
    const first = (all.json as Data<Record<string, unknown>>).data[0];
    expect(first).toEqual({ id: 2001 });
    fx.sim.control.setModes({ names: "present", userDetails: "present" });
    const old = (await get(`${F}/users/${kid.id}/friends`)).json as Data<Record<string, unknown>>;
    expect(old.data[0]).toMatchObject({ id: 2001, name: "Friend2001", isOnline: true, isDeleted: false });
    expect((await get(`${F}/users/3001/friends/count`)).json).toEqual({ count: 2 });
    expect(firstError((await get(`${F}/users/999999/friends/count`)).json)?.code).toBe(1);
    expect((await get(`${F}/metadata?targetUserId=2001`)).json).toMatchObject({ userName: "Friend2001" });
    expect((await get(`${F}/my/friends/${kid.id}/check-qr-session`)).json).toBe(false);
    expect((await post(`${F}/my/friends/refresh-qr-session`)).json).toEqual({ Success: true });
    const groups = await get(`/groups/v1/users/${kid.id}/friends/groups/roles`);
    const gdata = (groups.json as Data<{ user: { userId: number }; groups: { group: { id: number } }[] }>)
      .data;
    expect(gdata).toHaveLength(30);
    expect(gdata[0]).toMatchObject({
      user: { userId: 2001 },
      groups: [{ group: { id: 7001 }, role: { rank: 255 } }],
    });
    const bad = await get("/groups/v1/users/999999/friends/groups/roles");
    expect(firstError(bad.json)).toEqual({ code: 3, message: "The user is invalid or does not exist." });
  });

  it("statuses insists on repeated numeric userIds", async () => {
    expect(firstError((await get(`${F}/users/${kid.id}/friends/statuses?userIds=1,2`)).json)?.code).toBe(16);
    const many = Array.from({ length: 101 }, (_, i) => `userIds=${i + 1}`).join("&");
    expect(firstError((await get(`${F}/users/${kid.id}/friends/statuses?${many}`)).json)?.code).toBe(15);
  });
});

describe("friends actions", () => {
  it("multiget, unfriend, decline and decline-all change state", async () => {
    const multi = await post(`${F}/user/${kid.id}/multiget-are-friends`, {
      targetUserIds: [2001, 4001, 2130],
    });
    expect(multi.json).toEqual({ friendsId: [2001, 2130] });
    expect((await post(`${F}/users/2001/unfriend`)).json).toEqual({});
    expect((await get(`${F}/my/friends/count`)).json).toEqual({ count: 129 });
    expect((await post(`${F}/users/3002/decline-friend-request`)).status).toBe(200);
    expect(firstError((await post(`${F}/users/3002/decline-friend-request`)).json)?.code).toBe(10);
    expect((await post(`${F}/user/friend-requests/decline-all`)).json).toEqual({ backgrounded: false });
    expect((await get(`${F}/user/friend-requests/count`)).json).toEqual({ count: 0 });
  });

  it("accept-with-token and contact requests", async () => {
    expect(firstError((await post(`${F}/users/4001/accept-friend-request-with-token`, {})).json)?.code).toBe(
      6,
    );
    const ok = await post(`${F}/users/4001/accept-friend-request-with-token`, {
      friendingToken: "tok-12345678",
    });
    expect(ok.status).toBe(200);
    expect((await get(`${F}/users/${kid.id}/friends/statuses?userIds=4001`)).json).toEqual({
      data: [{ id: 4001, status: "Friends" }],
    });
    const contact = await post(`${F}/contacts/${SEED.contactIds[1]}/request-friendship`, {});
    expect(contact.json).toEqual({ success: true, isCaptchaRequired: false });
    expect((await get(`${F}/users/${kid.id}/friends/statuses?userIds=4002`)).json).toEqual({
      data: [{ id: 4002, status: "RequestSent" }],
    });
    expect(firstError((await post(`${F}/contacts/contact-nobody/request-friendship`, {})).json)?.code).toBe(
      1,
    );
  });

  it("a request back to a requester accepts theirs; blocks answer code 3", async () => {
    expect((await post(`${F}/users/3001/request-friendship`, {})).status).toBe(200);
    expect((await get(`${F}/users/${kid.id}/friends/statuses?userIds=3001`)).json).toEqual({
      data: [{ id: 3001, status: "Friends" }],
    });
    fx.sim.control.setBlocked(kid.id, 4005, true);
    const blocked = await post(`${F}/users/4005/request-friendship`, {});
    expect(blocked.status).toBe(403);
    expect(firstError(blocked.json)).toEqual({
      code: 3,
      message: "The user is blocked from performing this action.",
    });
  });

  it("headshots can be forced to Pending", async () => {
    await call(fx.sim, "POST", "/__sim/thumbnails", { body: { userId: 2001, state: "Pending" } });
    const r = await call(
      fx.sim,
      "GET",
      "/thumbnails/v1/users/avatar-headshot?userIds=2001&size=150x150&format=Png",
    );
    expect(r.json).toMatchObject({ data: [{ targetId: 2001, state: "Pending", imageUrl: null }] });
    const big = Array.from({ length: 101 }, (_, i) => i + 1).join(",");
    expect((await call(fx.sim, "GET", `/thumbnails/v1/users/avatar-headshot?userIds=${big}`)).status).toBe(
      400,
    );
  });
});
