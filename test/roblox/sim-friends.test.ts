/** Friends, friend requests and groups endpoints over real HTTP against the simulator. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED, type Sim, startSim } from "../../sim/server.js";
import { collect, REQUEST_SORT, type RobloxClient } from "../../src/roblox/index.js";
import { expectNoCookie, failsInto, kidSession, rawLogger, simClient } from "./sim-helpers.js";

let sim: Sim;
let c: RobloxClient;
const log = rawLogger();
const errors: unknown[] = [];
const fails = failsInto(errors);
const kid = SEED.child;
const NOBODY = 999_999;

beforeAll(async () => {
  sim = await startSim();
  c = simClient(sim, log.logger);
});
afterAll(async () => {
  await c.close();
  await sim.close();
});
beforeEach(() => sim.control.reset());

const reqs = (part: string) => sim.log.filter((e) => e.path.includes(part));

describe("friends lists", () => {
  it("pages all 130 friends through friends/find (PascalCase, HasMore null)", async () => {
    const s = kidSession(c);
    const all = await collect(c.friends.findAll(s, kid.id, { userSort: 0 })); // 0: by name
    expect(all.map((f) => f.id)).toEqual(SEED.friendIds);
    expect(reqs("/friends/find").length).toBe(3); // 50 + 50 + 30
    const first = await c.friends.find(s, kid.id, { limit: 50, userSort: 0 });
    expect(first.nextCursor!.length).toBeGreaterThan(60);
    const second = await c.friends.find(s, kid.id, { limit: 50, userSort: 0, cursor: first.nextCursor! });
    expect(second.items[0]!.id).toBe(2051);
    expect(second.previousCursor).not.toBeNull();
    const bad = await fails(c.friends.find(s, kid.id, { cursor: "not-a-cursor" }));
    expect([bad.kind, bad.status, bad.code]).toEqual(["api", 400, 6]);
    expect((await fails(c.friends.find(s, NOBODY))).code).toBe(1);
  });

  it("search pages too; counts, list, online, inactive, metadata, QR", async () => {
    const s = kidSession(c);
    const found = await collect(c.friends.searchAll(s, kid.id, "Friend20"));
    expect(found.length).toBe(99); // Friend2001..Friend2099
    expect(reqs("/friends/search").length).toBe(2);
    const one = await c.friends.search(s, kid.id, { query: "Friend2130", limit: 10 });
    expect([one.items.map((f) => f.id), one.nextCursor]).toEqual([[2130], null]);

    expect(await c.friends.myCount(s)).toBe(130);
    expect(await c.friends.count(s, 3001)).toBe(2);
    expect((await fails(c.friends.count(s, NOBODY))).code).toBe(1);

    const list = await c.friends.list(s, kid.id, { userSort: 0 });
    expect(list.length).toBeGreaterThan(100);
    // Ids only since Roblox's 2024 friends rework: names come from the users batch.
    expect(list[0]).toMatchObject({ id: 2001 });
    expect(list[0]?.name).toBeUndefined();
    expect((await fails(c.friends.list(s, NOBODY))).userMessage).toMatch(/does not exist/);

    const online = await c.friends.online(s, kid.id);
    const ids = online.map((f) => f.id).sort();
    expect(ids).toEqual([
      ...SEED.onlineFriendIds,
      ...SEED.inGameFriendIds,
      ...SEED.inStudioFriendIds,
      ...SEED.hiddenGameFriendIds,
    ]);
    const inGame = online.find((f) => f.id === 2006)!;
    expect(inGame.userPresence?.lastLocation).toBe(SEED.game.name);

    const inactive = await c.friends.inactive(s, kid.id);
    expect(inactive.map((f) => f.id)).toEqual(SEED.inactiveFriendIds);
    expect((await fails(c.friends.inactive(s, NOBODY))).code).toBe(1);

    expect(await c.friends.metadata(s)).toMatchObject({ userName: kid.name, displayName: kid.displayName });
    expect((await c.friends.metadata(s, 2001)).userName).toBe("Friend2001");
    expect(await c.friends.checkQrSession(s, kid.id)).toBe(false);
    expect((await c.friends.refreshQrSession(s)).Success).toBe(true);
  });

  it("statuses (repeated userIds) and multiget-are-friends keep input order", async () => {
    const s = kidSession(c);
    sim.control.sendFriendRequest(kid.id, 4002);
    const st = await c.friends.statuses(s, kid.id, [4002, 2001, 3001, 4001]);
    expect(st).toEqual([
      { id: 4002, status: "RequestSent" },
      { id: 2001, status: "Friends" },
      { id: 3001, status: "RequestReceived" },
      { id: 4001, status: "NotFriends" },
    ]);
    expect(reqs("/friends/statuses")[0]!.path).toContain(
      "userIds=4002&userIds=2001&userIds=3001&userIds=4001",
    );
    const many = Array.from({ length: 120 }, (_, i) => 2011 + i); // 2011..2130 friends, then strangers
    expect((await c.friends.statuses(s, kid.id, many)).length).toBe(120);
    expect(reqs("/friends/statuses").length).toBe(1 + 3);
    expect(await c.friends.multigetAreFriends(s, kid.id, [4001, 2005, 2001])).toEqual([2005, 2001]);
    expect((await fails(c.friends.statuses(s, NOBODY, [1]))).code).toBe(1);
  });

  it("unfriend, and GET /v1/users/{id}/friends typed end to end", async () => {
    const s = kidSession(c);
    await c.friends.unfriend(s, 2001);
    expect(await c.friends.myCount(s)).toBe(129);
    expect((await fails(c.friends.unfriend(s, NOBODY))).code).toBe(1);
  });

  it("groups of friends, and groups' own code 3", async () => {
    const s = kidSession(c);
    const g = await c.groups.friendsGroupsRoles(s, kid.id);
    expect(g.length).toBe(30);
    expect(g[0]!.groups[0]!.group.name).toBeTypeOf("string");
    const e = await fails(c.groups.friendsGroupsRoles(s, NOBODY));
    expect([e.kind, e.status, e.code, e.userMessage]).toEqual([
      "api",
      400,
      3,
      "That Roblox user does not exist.",
    ]);
  });
});

describe("friend requests", () => {
  it("lists (camelCase, newest first), counts, marks seen", async () => {
    const s = kidSession(c);
    const page = await c.requests.list(s, { limit: 10, friendRequestSort: REQUEST_SORT.newestFirst });
    expect(page.items.map((r) => r.senderId)).toEqual([3002, 3001]);
    expect(page.items[0]!.friendRequest?.senderNickname).toBe("school");
    expect(page.nextCursor).toBeNull();
    for (let id = 4001; id <= 4010; id++) sim.control.sendFriendRequest(id, kid.id);
    const all = await collect(
      c.requests.listAll(s, { limit: 10, friendRequestSort: REQUEST_SORT.oldestFirst }),
    );
    expect(all.map((r) => r.senderId)).toEqual([3001, 3002, ...SEED.strangerIds]);
    expect(reqs("/my/friends/requests?").length).toBe(1 + 2);
    expect((await c.requests.list(s, { limit: 7 })).items.length).toBe(10); // 7 → 10
    expect(await c.requests.pendingCount(s)).toBe(12);
    expect(await c.requests.newCount(s)).toBeGreaterThan(0);
    expect((await c.requests.markSeen(s)).status).toBe(true);
    expect(await c.requests.newCount(s)).toBe(0);
  });

  it("accept, decline, with token, decline-all — with their codes", async () => {
    const s = kidSession(c);
    await c.requests.accept(s, 3001);
    expect((await c.friends.statuses(s, kid.id, [3001]))[0]!.status).toBe("Friends");
    const gone = await fails(c.requests.accept(s, 3003));
    expect([gone.status, gone.code]).toEqual([400, 10]);
    expect(gone.userMessage).toContain("already");
    expect((await fails(c.requests.accept(s, NOBODY))).code).toBe(1);

    await c.requests.decline(s, 3002);
    expect((await fails(c.requests.decline(s, 3002))).code).toBe(10);

    await c.requests.acceptWithToken(s, 4003, "TOKEN-abcdefgh");
    expect((await fails(c.requests.acceptWithToken(s, 4004, "x"))).code).toBe(6);
    expect((await fails(c.requests.acceptWithToken(s, 2001, "TOKEN-abcdefgh"))).code).toBe(5);
    expect((await fails(c.requests.acceptWithToken(s, kid.id, "TOKEN-abcdefgh"))).code).toBe(7);

    for (let id = 4005; id <= 4008; id++) sim.control.sendFriendRequest(id, kid.id);
    expect((await c.requests.declineAll(s)).backgrounded).toBe(false);
    expect(await c.requests.pendingCount(s)).toBe(0);
  });

  it("send and send-to-contact — with 400 5/7/1/35, 403 3/2/14", async () => {
    const s = kidSession(c);
    expect(await c.requests.send(s, 4001, { senderNickname: "cousin" })).toMatchObject({ success: true });
    expect(await c.requests.sendToContact(s, "contact-4002")).toMatchObject({ success: true });
    const st = await c.friends.statuses(s, kid.id, [4001, 4002]);
    expect(st.map((x) => x.status)).toEqual(["RequestSent", "RequestSent"]);

    const friend = await fails(c.requests.send(s, 2001));
    expect([friend.status, friend.code, friend.userMessage]).toEqual([
      400,
      5,
      "That user is already a friend.",
    ]);
    expect((await fails(c.requests.send(s, kid.id))).code).toBe(7);
    expect((await fails(c.requests.send(s, NOBODY))).code).toBe(1);
    expect((await fails(c.requests.send(s, 4003, { senderNickname: "no!way" }))).code).toBe(35);
    expect((await fails(c.requests.sendToContact(s, "contact-unknown"))).code).toBe(1);

    sim.control.setBlocked(kid.id, 4004, true);
    const blocked = await fails(c.requests.send(s, 4004));
    expect([blocked.status, blocked.code, blocked.kind]).toEqual([403, 3, "api"]);

    sim.control.setCaptcha(kid.id, true);
    const captcha = await fails(c.requests.send(s, 4005));
    expect(captcha.kind).toBe("captcha");
    expect(captcha.userMessage).toBe("Roblox wants a captcha: finish this one in the Roblox app.");
    sim.control.setCaptcha(kid.id, false);

    const banned = sim.control.createUser({ name: "BannedKid", isBanned: true });
    const bs = c.session({ cookie: banned.cookie });
    const e = await fails(c.requests.send(bs, 4006));
    expect([e.status, e.code]).toEqual([403, 2]);
    expect(e.userMessage).toMatch(/bans this account/);
  });

  it("bad ids never leave the process", async () => {
    const s = kidSession(c);
    const before = sim.log.length;
    const e = await fails(c.requests.accept(s, "1/../../users/v1/users"));
    expect(e.kind).toBe("bad-input");
    await expect(c.friends.statuses(s, kid.id, ["12x"])).rejects.toMatchObject({ kind: "bad-input" });
    await expect(c.requests.sendToContact(s, "../x")).rejects.toMatchObject({ kind: "bad-input" });
    expect(sim.log.length).toBe(before);
  });
});

describe("beyond the seeds", () => {
  it("trusted-connection requests and experience names", async () => {
    const s = kidSession(c);
    sim.control.sendTrustedRequest(3001, kid.id, { sentAt: "2026-01-02T03:04:05Z" });
    const page = await c.requests.trustedList(s, { limit: 10 });
    expect(page.items).toEqual([
      { senderId: 3001, friendRequest: { senderId: 3001, sentAt: expect.any(String) } },
    ]);
    expect(Date.parse(page.items[0]!.friendRequest.sentAt as string)).toBe(
      Date.parse("2026-01-02T03:04:05Z"),
    );

    for (let i = 0; i < 60; i++) sim.control.addUniverse({ id: 7_000_000 + i, name: `Place ${i}` });
    const ids = [383310974, ...Array.from({ length: 60 }, (_, i) => 7_000_000 + i), 1];
    sim.control.clearLog();
    const games = await c.games.byUniverseIds(ids);
    expect(games.map((g) => g.id)).toEqual(ids.slice(0, 61)); // input order, unknown 1 left out
    expect(games[0]?.name).toBe("Adopt Me!");
    const calls = reqs("/games/v1/games");
    expect(calls.length).toBe(2); // 50 + 11
    expect(calls.every((e) => !e.cookieHeader)).toBe(true);
  });
});

describe("secrecy", () => {
  it("no seeded cookie in any error or log line of this file", () => {
    expect(errors.length).toBeGreaterThan(15);
    expectNoCookie(errors, log.text());
  });
});
