/**
 * Roblox as it serves data now (docs/roblox-behaviour.md): names missing from friends payloads,
 * joins-off presence, trusted-connection requests, request origins, the public games lookup, and
 * the controls end-to-end tests drive them with.
 */
import { describe, expect, it } from "vitest";
import { SEED, startSim } from "../../sim/server.js";
import { call, firstError, useSim } from "../support/sim-kit.js";

const fx = useSim({ log: false });
const { get, post, ctl } = fx;
const kid = SEED.child;
const F = "/friends/v1";

type Page<T> = { previousPageCursor: string | null; nextPageCursor: string | null; data: T[] };
type RequestItem = Record<string, unknown> & {
  id: number;
  friendRequest: Record<string, unknown> & { senderId: number };
};
const requests = async (query = "") =>
  ((await get(`${F}/my/friends/requests${query}`)).json as Page<RequestItem>).data;
const presence = async (ids: number[], cookie: string = kid.cookie) =>
  (
    (await post("/presence/v1/presence/users", { userIds: ids }, cookie)).json as {
      userPresences: Record<string, unknown>[];
    }
  ).userPresences;

describe("names in friends payloads", () => {
  it("request items carry ids and no names by default; the users batch and users/{id} still name them", async () => {
    const items = await requests();
    expect(items.map((i) => i.id)).toEqual([3002, 3001]);
    for (const item of items) {
      expect(item).not.toHaveProperty("name");
      expect(item).not.toHaveProperty("displayName");
      expect(item).not.toHaveProperty("created");
    }
    const batch = await call(fx.sim, "POST", "/users/v1/users", { body: { userIds: [3002] } });
    expect(batch.json).toEqual({
      data: [{ hasVerifiedBadge: false, id: 3002, name: "Requester3002", displayName: "Req3002" }],
    });
    const one = (await call(fx.sim, "GET", "/users/v1/users/3002")).json;
    expect(one).toMatchObject({ id: 3002, name: "Requester3002", created: "2022-06-01T08:00:00.000Z" });
  });

  it("names: empty sends empty strings on requests and every friends list; find stays { id, hasVerifiedBadge }", async () => {
    fx.sim.control.setModes({ names: "empty" });
    for (const item of await requests()) expect(item).toMatchObject({ name: "", displayName: "" });
    const all = (await get(`${F}/users/${kid.id}/friends`)).json as { data: Record<string, unknown>[] };
    expect(all.data[0]).toEqual({ id: 2001, name: "", displayName: "" });
    const online = (await get(`${F}/users/${kid.id}/friends/online`)).json as {
      data: Record<string, unknown>[];
    };
    expect(online.data.every((d) => d.name === "" && d.displayName === "")).toBe(true);
    const inactive = (await get(`${F}/users/${kid.id}/friends/inactive`)).json as {
      data: Record<string, unknown>[];
    };
    expect(inactive.data[0]).toEqual({ id: 2121, name: "", displayName: "" });
    const find = (await get(`${F}/users/${kid.id}/friends/find?limit=1&userSort=0`)).json as {
      PageItems: unknown[];
    };
    expect(find.PageItems).toEqual([{ id: 2001, hasVerifiedBadge: true }]);
  });

  it("userDetails: present brings back created and the rest; names: present the old names", async () => {
    fx.sim.control.setModes({ names: "present", userDetails: "present" });
    const [newest] = await requests();
    expect(newest).toMatchObject({
      id: 3002,
      name: "Requester3002",
      displayName: "Req3002",
      created: "2022-06-01T08:00:00.000Z",
      hasVerifiedBadge: false,
      isBanned: false,
    });
  });

  it("modes are set over HTTP too, refused when unknown, and reset restores the defaults", async () => {
    const set = await ctl("POST", "modes", { names: "empty", friendRequestSort: { "1": "oldest" } });
    expect(set.json).toMatchObject({ names: "empty", friendRequestSort: { "0": "newest", "1": "oldest" } });
    expect((await ctl("POST", "modes", { names: "maybe" })).status).toBe(400);
    expect((await ctl("POST", "modes", { friendRequestSort: { "3": "newest" } })).status).toBe(400);
    expect((await ctl("GET", "modes")).json).toMatchObject({ names: "empty" });
    await ctl("POST", "reset");
    expect((await ctl("GET", "modes")).json).toEqual({
      names: "absent",
      userDetails: "absent",
      joinsOffUniverseId: "null",
      mutualFriendsList: "names",
      friendRequestSort: { "0": "newest", "1": "newest", "2": "oldest" },
      parentManagedSettings: "self",
    });
  });

  it("startSim({ modes }) starts in those modes and reset returns to them", async () => {
    const other = await startSim({ log: false, modes: { names: "empty" } });
    try {
      expect(other.control.getModes().names).toBe("empty");
      other.control.setModes({ names: "present" });
      other.control.reset();
      expect(other.control.getModes().names).toBe("empty");
    } finally {
      await other.close();
    }
  });
});

describe("my/friends/requests parameters", () => {
  it("ignores sortOrder; friendRequestSort 0 and 1 give newest first, 2 oldest first; others are code 6", async () => {
    const ids = async (q: string) => (await requests(q)).map((i) => i.id);
    expect(await ids("")).toEqual([3002, 3001]);
    expect(await ids("?sortOrder=Asc")).toEqual([3002, 3001]);
    expect(await ids("?sortOrder=Nonsense&sessionId=abc")).toEqual([3002, 3001]);
    expect(await ids("?friendRequestSort=0")).toEqual([3002, 3001]);
    expect(await ids("?friendRequestSort=1")).toEqual([3002, 3001]);
    expect(await ids("?friendRequestSort=2")).toEqual([3001, 3002]);
    const bad = await get(`${F}/my/friends/requests?friendRequestSort=3`);
    expect(firstError(bad.json)).toEqual({ code: 6, message: "Invalid parameters." });
    fx.sim.control.setModes({ friendRequestSort: { "1": "oldest" } });
    expect(await ids("")).toEqual([3001, 3002]);
  });

  it("pages newest first across cursors", async () => {
    for (let id = 4001; id <= 4010; id++) fx.sim.control.sendFriendRequest(id, kid.id);
    const first = (await get(`${F}/my/friends/requests?limit=10`)).json as Page<RequestItem>;
    expect(first.data.map((i) => i.id)).toEqual([4010, 4009, 4008, 4007, 4006, 4005, 4004, 4003, 4002, 4001]);
    const next = (await get(`${F}/my/friends/requests?limit=10&cursor=${first.nextPageCursor}`))
      .json as Page<RequestItem>;
    expect(next.data.map((i) => i.id)).toEqual([3002, 3001]);
  });
});

describe("origins", () => {
  it("sends originSourceType 11 and 12 by name, with sourceUniverseId; a name can be overridden", async () => {
    fx.sim.control.sendFriendRequest(4001, kid.id, { originSourceType: 11 });
    fx.sim.control.sendFriendRequest(4002, kid.id, {
      originSourceType: 12,
      sourceUniverseId: SEED.game.universeId,
    });
    await ctl("POST", "friend-requests", {
      from: 4003,
      to: kid.id,
      originSourceType: 12,
      originSourceName: 12,
    });
    const byId = new Map((await requests()).map((i) => [i.id, i.friendRequest]));
    expect(byId.get(4001)).toMatchObject({ originSourceType: "TrustedFriend", sourceUniverseId: null });
    expect(byId.get(4002)).toMatchObject({
      originSourceType: "SchoolMemberList",
      sourceUniverseId: SEED.game.universeId,
    });
    expect(byId.get(4003)).toMatchObject({ originSourceType: 12 });
    expect(byId.get(3001)).toMatchObject({ originSourceType: "PlayerSearch" });
    expect(
      (await ctl("POST", "friend-requests", { from: 4004, to: kid.id, originSourceType: 13 })).status,
    ).toBe(400);
  });
});

describe("trusted-connection requests", () => {
  it("are listed apart as { sentAt, senderId }, newest first; the seed's accept/decline do not reach them", async () => {
    expect((await get(`${F}/my/trusted-friends/requests`)).json).toEqual({
      previousPageCursor: null,
      nextPageCursor: null,
      data: [],
    });
    fx.sim.control.sendTrustedRequest(2001, kid.id, { sentAt: "2026-01-01T00:00:00.000Z" });
    await ctl("POST", "trusted-requests", { from: 4001, to: kid.id });
    const page = (await get(`${F}/my/trusted-friends/requests?sortOrder=2`)).json as Page<unknown>;
    expect(page.data).toHaveLength(2);
    expect(page.data[1]).toEqual({ sentAt: "2026-01-01T00:00:00.000Z", senderId: 2001 });
    expect(page.data[0]).toMatchObject({ senderId: 4001 });
    // not a friend request: the friend-request listing and counts do not show it
    expect((await requests()).map((i) => i.id)).toEqual([3002, 3001]);
    expect((await get(`${F}/user/friend-requests/count`)).json).toEqual({ count: 2 });
    const accept = await post(`${F}/users/4001/accept-friend-request`);
    expect(firstError(accept.json)).toEqual({ code: 10, message: "The friend request does not exist." });
    const decline = await post(`${F}/users/4001/decline-friend-request`);
    expect(firstError(decline.json)?.code).toBe(10);
    expect((await get(`${F}/my/trusted-friends/requests`)).json).toMatchObject({ data: [{}, {}] });
  });

  it("the child accepts or ignores one in the app", async () => {
    fx.sim.control.sendTrustedRequest(4001, kid.id);
    fx.sim.control.sendTrustedRequest(2001, kid.id);
    expect((await ctl("POST", "trusted-requests/accept", { from: 4001, to: kid.id })).status).toBe(200);
    fx.sim.control.ignoreTrustedRequest(2001, kid.id);
    expect((await get(`${F}/my/trusted-friends/requests`)).json).toMatchObject({ data: [] });
    expect((await get(`${F}/my/friends/count`)).json).toEqual({ count: 131 });
    expect(fx.sim.state.isTrusted(kid.id, 4001)).toBe(true);
    expect((await ctl("POST", "trusted-requests/ignore", { from: 2001, to: kid.id })).status).toBe(400);
  });
});

describe("presence with joins off", () => {
  it("others see type 2 with the place hidden; universeId is null or kept by the switch; the user sees all", async () => {
    const [hidden] = await presence([2012]);
    expect(hidden).toEqual({
      userPresenceType: 2,
      lastLocation: "",
      placeId: null,
      rootPlaceId: null,
      gameId: null,
      universeId: null,
      userId: 2012,
    });
    fx.sim.control.setModes({ joinsOffUniverseId: "present" });
    expect((await presence([2012]))[0]).toMatchObject({
      placeId: null,
      universeId: SEED.hiddenGame.universeId,
    });
    const online = (await get(`${F}/users/${kid.id}/friends/online`)).json as {
      data: { id: number; userPresence: Record<string, unknown> }[];
    };
    expect(online.data.find((d) => d.id === 2012)?.userPresence).toMatchObject({
      UserPresenceType: "InGame",
      lastLocation: "",
      placeId: null,
      gameInstanceId: null,
      universeId: SEED.hiddenGame.universeId,
    });
    const self = await presence([2012], fx.sim.control.issueCookie(2012));
    expect(self[0]).toMatchObject({ lastLocation: SEED.hiddenGame.name, placeId: SEED.hiddenGame.placeId });
  });

  it("setPresence({ joinsOff }) hides a place the control set", async () => {
    await ctl("POST", "presence", {
      userId: 2050,
      userPresenceType: 2,
      lastLocation: "Obby",
      placeId: 1,
      universeId: 2,
      gameId: "g",
      joinsOff: true,
    });
    expect((await presence([2050]))[0]).toMatchObject({
      userPresenceType: 2,
      lastLocation: "",
      placeId: null,
    });
    fx.sim.control.setPresence({ userId: 2050, userPresenceType: 2, lastLocation: "Obby", placeId: 1 });
    expect((await presence([2050]))[0]).toMatchObject({ lastLocation: "Obby", placeId: 1 });
  });
});

describe("experience names by universe", () => {
  it("GET /games/v1/games answers without a cookie, skips unknown universes, caps at 50", async () => {
    const r = await call(
      fx.sim,
      "GET",
      `/games/v1/games?universeIds=${SEED.game.universeId},${SEED.hiddenGame.universeId},999`,
    );
    const data = (r.json as { data: { id: number; name: string; rootPlaceId: number }[] }).data;
    expect(data.map((d) => [d.id, d.name, d.rootPlaceId])).toEqual([
      [SEED.game.universeId, "Adopt Me!", SEED.game.rootPlaceId],
      [SEED.hiddenGame.universeId, "Sim Obby Tower", SEED.hiddenGame.rootPlaceId],
    ]);
    const many = Array.from({ length: 51 }, (_, i) => i + 1).join(",");
    const over = await call(fx.sim, "GET", `/games/v1/games?universeIds=${many}`);
    expect(over.status).toBe(400);
    expect(firstError(over.json)).toEqual({ code: 9, message: "Too many universe IDs were requested." });
    const bad = await call(fx.sim, "GET", "/games/v1/games?universeIds=abc");
    expect(firstError(bad.json)?.code).toBe(8);
    await ctl("POST", "universes", { id: 77, name: "Control Made" });
    expect((await call(fx.sim, "GET", "/games/v1/games?universeIds=77")).json).toMatchObject({
      data: [{ id: 77, name: "Control Made" }],
    });
  });
});

describe("connections made in the app", () => {
  it("the child accepts a pending request: a friend, no request", async () => {
    expect((await ctl("POST", "friend-requests/accept", { from: 3001, to: kid.id })).status).toBe(200);
    expect((await get(`${F}/my/friends/count`)).json).toEqual({ count: 131 });
    expect((await requests()).map((i) => i.id)).toEqual([3002]);
    expect((await ctl("POST", "friend-requests/accept", { from: 3001, to: kid.id })).status).toBe(400);
  });

  it("the child sends a request the other accepts; declines and unfriends", async () => {
    fx.sim.control.sendFriendRequest(kid.id, 4001);
    fx.sim.control.acceptFriendRequest(kid.id, 4001);
    expect((await get(`${F}/users/${kid.id}/friends/statuses?userIds=4001`)).json).toEqual({
      data: [{ id: 4001, status: "Friends" }],
    });
    expect((await ctl("POST", "friend-requests/decline", { from: 3002, to: kid.id })).status).toBe(200);
    expect(await requests()).toEqual([expect.objectContaining({ id: 3001 })]);
    await ctl("DELETE", "friends", { a: kid.id, b: 4001 });
    expect((await get(`${F}/my/friends/count`)).json).toEqual({ count: 130 });
  });
});
