/** Friends, friend requests and groups endpoints over real HTTP against the simulator. */
import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { collect, REQUEST_SORT } from "../../src/roblox/index.js";
import { kidSession, useSimClient } from "../support/sim-kit.js";

const k = useSimClient();
const { fails } = k;
const kid = SEED.child;
const NOBODY = 999_999;

const reqs = (part: string) => k.sim.log.filter((e) => e.path.includes(part));

describe("friends lists", () => {
  it("pages all 130 friends through friends/find (PascalCase, HasMore null)", async () => {
    const s = kidSession(k.client);
    const all = await collect(k.client.friends.findAll(s, kid.id, { userSort: 0 })); // 0: by name
    expect(all.map((f) => f.id)).toEqual(SEED.friendIds);
    expect(reqs("/friends/find").length).toBe(3); // 50 + 50 + 30
    const first = await k.client.friends.find(s, kid.id, { limit: 50, userSort: 0 });
    expect(first.nextCursor!.length).toBeGreaterThan(60);
    const second = await k.client.friends.find(s, kid.id, {
      limit: 50,
      userSort: 0,
      cursor: first.nextCursor!,
    });
    expect(second.items[0]!.id).toBe(2051);
    expect(second.previousCursor).not.toBeNull();
    const bad = await fails(k.client.friends.find(s, kid.id, { cursor: "not-a-cursor" }));
    expect([bad.kind, bad.status, bad.code]).toEqual(["api", 400, 6]);
    expect((await fails(k.client.friends.find(s, NOBODY))).code).toBe(1);
  });

  it("search pages too; counts, list, online, inactive, metadata, QR", async () => {
    const s = kidSession(k.client);
    const found = await collect(k.client.friends.searchAll(s, kid.id, "Friend20"));
    expect(found.length).toBe(99); // Friend2001..Friend2099
    expect(reqs("/friends/search").length).toBe(2);
    const one = await k.client.friends.search(s, kid.id, { query: "Friend2130", limit: 10 });
    expect([one.items.map((f) => f.id), one.nextCursor]).toEqual([[2130], null]);

    expect(await k.client.friends.myCount(s)).toBe(130);
    expect(await k.client.friends.count(s, 3001)).toBe(2);
    expect((await fails(k.client.friends.count(s, NOBODY))).code).toBe(1);

    const list = await k.client.friends.list(s, kid.id, { userSort: 0 });
    expect(list.length).toBeGreaterThan(100);
    // Ids only since Roblox's 2024 friends rework: names come from the users batch.
    expect(list[0]).toMatchObject({ id: 2001 });
    expect(list[0]?.name).toBeUndefined();
    expect((await fails(k.client.friends.list(s, NOBODY))).userMessage).toMatch(/does not exist/);

    const online = await k.client.friends.online(s, kid.id);
    const ids = online.map((f) => f.id).sort();
    expect(ids).toEqual([
      ...SEED.onlineFriendIds,
      ...SEED.inGameFriendIds,
      ...SEED.inStudioFriendIds,
      ...SEED.hiddenGameFriendIds,
    ]);
    const inGame = online.find((f) => f.id === 2006)!;
    expect(inGame.userPresence?.lastLocation).toBe(SEED.game.name);

    const inactive = await k.client.friends.inactive(s, kid.id);
    expect(inactive.map((f) => f.id)).toEqual(SEED.inactiveFriendIds);
    expect((await fails(k.client.friends.inactive(s, NOBODY))).code).toBe(1);

    expect(await k.client.friends.metadata(s)).toMatchObject({
      userName: kid.name,
      displayName: kid.displayName,
    });
    expect((await k.client.friends.metadata(s, 2001)).userName).toBe("Friend2001");
    expect(await k.client.friends.checkQrSession(s, kid.id)).toBe(false);
    expect((await k.client.friends.refreshQrSession(s)).Success).toBe(true);
  });

  it("statuses (repeated userIds) and multiget-are-friends keep input order", async () => {
    const s = kidSession(k.client);
    k.sim.control.sendFriendRequest(kid.id, 4002);
    const st = await k.client.friends.statuses(s, kid.id, [4002, 2001, 3001, 4001]);
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
    expect((await k.client.friends.statuses(s, kid.id, many)).length).toBe(120);
    expect(reqs("/friends/statuses").length).toBe(1 + 3);
    expect(await k.client.friends.multigetAreFriends(s, kid.id, [4001, 2005, 2001])).toEqual([2005, 2001]);
    expect((await fails(k.client.friends.statuses(s, NOBODY, [1]))).code).toBe(1);
  });

  it("unfriend, and GET /v1/users/{id}/friends typed end to end", async () => {
    const s = kidSession(k.client);
    await k.client.friends.unfriend(s, 2001);
    expect(await k.client.friends.myCount(s)).toBe(129);
    expect((await fails(k.client.friends.unfriend(s, NOBODY))).code).toBe(1);
  });

  it("groups of friends, and groups' own code 3", async () => {
    const s = kidSession(k.client);
    const g = await k.client.groups.friendsGroupsRoles(s, kid.id);
    expect(g.length).toBe(30);
    expect(g[0]!.groups[0]!.group.name).toBeTypeOf("string");
    const e = await fails(k.client.groups.friendsGroupsRoles(s, NOBODY));
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
    const s = kidSession(k.client);
    const page = await k.client.requests.list(s, { limit: 10, friendRequestSort: REQUEST_SORT.newestFirst });
    expect(page.items.map((r) => r.senderId)).toEqual([3002, 3001]);
    expect(page.items[0]!.friendRequest?.senderNickname).toBe("school");
    expect(page.nextCursor).toBeNull();
    for (let id = 4001; id <= 4010; id++) k.sim.control.sendFriendRequest(id, kid.id);
    const all = await collect(
      k.client.requests.listAll(s, { limit: 10, friendRequestSort: REQUEST_SORT.oldestFirst }),
    );
    expect(all.map((r) => r.senderId)).toEqual([3001, 3002, ...SEED.strangerIds]);
    expect(reqs("/my/friends/requests?").length).toBe(1 + 2);
    expect((await k.client.requests.list(s, { limit: 7 })).items.length).toBe(10); // 7 → 10
    expect(await k.client.requests.pendingCount(s)).toBe(12);
    expect(await k.client.requests.newCount(s)).toBeGreaterThan(0);
    expect((await k.client.requests.markSeen(s)).status).toBe(true);
    expect(await k.client.requests.newCount(s)).toBe(0);
  });

  it("accept, decline, with token, decline-all — with their codes", async () => {
    const s = kidSession(k.client);
    await k.client.requests.accept(s, 3001);
    expect((await k.client.friends.statuses(s, kid.id, [3001]))[0]!.status).toBe("Friends");
    const gone = await fails(k.client.requests.accept(s, 3003));
    expect([gone.status, gone.code]).toEqual([400, 10]);
    expect(gone.userMessage).toContain("already");
    expect((await fails(k.client.requests.accept(s, NOBODY))).code).toBe(1);

    await k.client.requests.decline(s, 3002);
    expect((await fails(k.client.requests.decline(s, 3002))).code).toBe(10);

    await k.client.requests.acceptWithToken(s, 4003, "TOKEN-abcdefgh");
    expect((await fails(k.client.requests.acceptWithToken(s, 4004, "x"))).code).toBe(6);
    expect((await fails(k.client.requests.acceptWithToken(s, 2001, "TOKEN-abcdefgh"))).code).toBe(5);
    expect((await fails(k.client.requests.acceptWithToken(s, kid.id, "TOKEN-abcdefgh"))).code).toBe(7);

    for (let id = 4005; id <= 4008; id++) k.sim.control.sendFriendRequest(id, kid.id);
    expect((await k.client.requests.declineAll(s)).backgrounded).toBe(false);
    expect(await k.client.requests.pendingCount(s)).toBe(0);
  });

  it("send and send-to-contact — with 400 5/7/1/35, 403 3/2/14", async () => {
    const s = kidSession(k.client);
    expect(await k.client.requests.send(s, 4001, { senderNickname: "cousin" })).toMatchObject({
      success: true,
    });
    expect(await k.client.requests.sendToContact(s, "contact-4002")).toMatchObject({ success: true });
    const st = await k.client.friends.statuses(s, kid.id, [4001, 4002]);
    expect(st.map((x) => x.status)).toEqual(["RequestSent", "RequestSent"]);

    const friend = await fails(k.client.requests.send(s, 2001));
    expect([friend.status, friend.code, friend.userMessage]).toEqual([
      400,
      5,
      "That user is already a friend.",
    ]);
    expect((await fails(k.client.requests.send(s, kid.id))).code).toBe(7);
    expect((await fails(k.client.requests.send(s, NOBODY))).code).toBe(1);
    expect((await fails(k.client.requests.send(s, 4003, { senderNickname: "no!way" }))).code).toBe(35);
    expect((await fails(k.client.requests.sendToContact(s, "contact-unknown"))).code).toBe(1);

    k.sim.control.setBlocked(kid.id, 4004, true);
    const blocked = await fails(k.client.requests.send(s, 4004));
    expect([blocked.status, blocked.code, blocked.kind]).toEqual([403, 3, "api"]);

    k.sim.control.setCaptcha(kid.id, true);
    const captcha = await fails(k.client.requests.send(s, 4005));
    expect(captcha.kind).toBe("captcha");
    expect(captcha.userMessage).toBe("Roblox wants a captcha: finish this one in the Roblox app.");
    k.sim.control.setCaptcha(kid.id, false);

    const banned = k.sim.control.createUser({ name: "BannedKid", isBanned: true });
    const bs = k.client.session({ cookie: banned.cookie });
    const e = await fails(k.client.requests.send(bs, 4006));
    expect([e.status, e.code]).toEqual([403, 2]);
    expect(e.userMessage).toMatch(/bans this account/);
  });

  it("bad ids never leave the process", async () => {
    const s = kidSession(k.client);
    const before = k.sim.log.length;
    const e = await fails(k.client.requests.accept(s, "1/../../users/v1/users"));
    expect(e.kind).toBe("bad-input");
    await expect(k.client.friends.statuses(s, kid.id, ["12x"])).rejects.toMatchObject({ kind: "bad-input" });
    await expect(k.client.requests.sendToContact(s, "../x")).rejects.toMatchObject({ kind: "bad-input" });
    expect(k.sim.log.length).toBe(before);
  });
});

describe("beyond the seeds", () => {
  it("trusted-connection requests and experience names", async () => {
    const s = kidSession(k.client);
    k.sim.control.sendTrustedRequest(3001, kid.id, { sentAt: "2026-01-02T03:04:05Z" });
    const page = await k.client.requests.trustedList(s, { limit: 10 });
    expect(page.items).toEqual([
      { senderId: 3001, friendRequest: { senderId: 3001, sentAt: expect.any(String) } },
    ]);
    expect(Date.parse(page.items[0]!.friendRequest.sentAt as string)).toBe(
      Date.parse("2026-01-02T03:04:05Z"),
    );

    for (let i = 0; i < 60; i++) k.sim.control.addUniverse({ id: 7_000_000 + i, name: `Place ${i}` });
    const ids = [383310974, ...Array.from({ length: 60 }, (_, i) => 7_000_000 + i), 1];
    k.sim.control.clearLog();
    const games = await k.client.games.byUniverseIds(ids);
    expect(games.map((g) => g.id)).toEqual(ids.slice(0, 61)); // input order, unknown 1 left out
    expect(games[0]?.name).toBe("Adopt Me!");
    const calls = reqs("/games/v1/games");
    expect(calls.length).toBe(2); // 50 + 11
    expect(calls.every((e) => !e.cookieHeader)).toBe(true);
  });
});

describe("secrecy", () => {
  it("no seeded cookie in any error or log line of this file", () => {
    expect(k.errors.length).toBeGreaterThan(15);
    k.expectNoCookie();
  });
});
