/**
 * The watchers against Roblox as it serves data now (issue 10): listings with ids only (names
 * absent or empty), new connections, trusted-connection requests, origins, joins-off presence and
 * screen-time thresholds across a limit change — polled by hand against the simulator.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { freshStart, GUILD, type JobsWorld, jobsWorld, SEED } from "./kit.js";

let w: JobsWorld;
const kid = SEED.child.id;

beforeAll(async () => {
  w = await jobsWorld();
});
afterAll(async () => {
  await w.close();
});
beforeEach(() => freshStart(w));

const description = (i: number) => w.sent[i]?.embeds[0]?.description ?? "";
const fields = (i: number) =>
  Object.fromEntries((w.sent[i]?.embeds[0]?.fields ?? []).map((f) => [f.name, f.value]));
const labels = (i: number) => w.sent[i]?.components.flatMap((r) => r.components).map((c) => c.label) ?? [];

describe.each(["absent", "empty"] as const)("names %s in listings", (names) => {
  it("a request alert names the sender by display name and @name, with the account's age", async () => {
    w.sim.control.setModes({ names });
    await w.poll(0);
    w.sim.control.sendFriendRequest(3003, kid);
    await w.poll(1);
    expect(w.titles()).toEqual(["New friend request for KidAccount"]);
    expect(description(0)).toMatch(
      /^\*\*Req3003\*\* \(@Requester3003\) wants to be friends — sent <t:\d+:R>\.$/,
    );
    expect(fields(0).Name).toBe("@Requester3003");
    expect(fields(0)["Account age"]).toMatch(/\(since <t:\d+:D>\)/);
    expect(labels(0)).toEqual(["Accept", "Decline", "Profile"]);
  });
});

describe("mutual friends", () => {
  it("come from multiget-are-friends over the known friends when the listing leaves them empty", async () => {
    w.sim.control.setModes({ mutualFriendsList: "empty" });
    await w.poll(0); // baseline, friends list read
    w.sim.control.addFriends(3003, 2004);
    w.sim.control.addFriends(3003, 2005);
    w.sim.control.sendFriendRequest(3003, kid);
    w.sim.control.clearLog();
    await w.poll(1);
    expect(fields(0)["Mutual friends"]).toBe("Pal2004 (@Friend2004), Pal2005 (@Friend2005)");
    expect(w.sim.log.some((e) => e.path.includes("/user/3003/multiget-are-friends"))).toBe(true);
  });
});

describe("origins", () => {
  it("names the school member list and the experience a request came from", async () => {
    await w.poll(0);
    w.sim.control.sendFriendRequest(3003, kid, { originSourceType: 12, sourceUniverseId: 383310974 });
    w.sim.control.sendFriendRequest(3004, kid, { originSourceType: 11 });
    await w.poll(1);
    const from = w.sent.map((_, i) => fields(i)["Sent from"]);
    expect(from).toEqual(["the school member list, in **Adopt Me!**", "a trusted connection"]);
  });
});

describe("new connections", () => {
  it("a request accepted in the app between polls: one alert with age, mutual friends, Profile and Remove", async () => {
    await w.poll(0); // baseline, silent
    w.sim.control.acceptFriendRequest(3001, kid); // 3001 is friends with 2001 and 2002
    await w.poll(1);
    expect(w.titles()).toEqual(["New connection for KidAccount"]);
    expect(description(0)).toMatch(/^KidAccount is now connected with \*\*Req3001\*\* \(@Requester3001\)/);
    expect(fields(0)["Mutual friends"]).toBe("2: Pal2001 (@Friend2001), Pal2002 (@Friend2002)");
    expect(fields(0)["Account age"]).not.toBe("unknown");
    expect(labels(0)).toEqual(["Profile", "Remove"]);
    expect(w.sent[0]?.components[0]?.components[1]?.custom_id).toBe(`conn-remove:v1:${kid}:3001`);
    await w.poll(6);
    expect(w.sent).toHaveLength(1); // told once
  });

  it("a request the child sent that was accepted is told; an unfriend is not; the count is read every fifth poll", async () => {
    await w.poll(0);
    w.sim.control.sendFriendRequest(kid, 3005);
    w.sim.control.acceptFriendRequest(kid, 3005);
    w.sim.control.clearLog();
    await w.poll(2);
    await w.poll(3);
    expect(w.sent).toHaveLength(0); // not the friends-count phase
    expect(w.sim.log.filter((e) => e.path.startsWith("/friends/v1/my/friends/count"))).toEqual([]);
    await w.poll(6);
    expect(w.titles()).toEqual(["New connection for KidAccount"]);
    w.sim.control.removeFriends(kid, 2003);
    w.sim.control.clearLog();
    await w.poll(11);
    expect(w.sent).toHaveLength(1);
    expect(w.sim.log.filter((e) => e.path.includes("/friends/find")).length).toBeGreaterThan(0); // count moved
    w.sim.control.clearLog();
    await w.poll(16);
    expect(w.sim.log.filter((e) => e.path.includes("/friends/find"))).toEqual([]); // count unchanged: no list
  });

  it("a connection the bot made itself (Accept from Discord) is not told again", async () => {
    await w.poll(0);
    const account = (await w.store.accounts.get(GUILD, String(kid)))!;
    await w.ctx.roblox.requests.accept(await w.ctx.sessions.get(account), 3002);
    await w.store.alertState.update(GUILD, String(kid), (raw) => ({
      ...(raw as object),
      handledRequests: { "3002": { action: "accepted", by: "100000000000000001", at: Date.now() } },
    }));
    await w.poll(1);
    expect(w.sent).toHaveLength(0);
    expect((await w.state())?.connections?.ids).toContain("3002");
  });
});

describe("trusted-connection requests", () => {
  it("are alerted once, marked as such, with Profile only", async () => {
    await w.poll(0);
    w.sim.control.sendTrustedRequest(3006, kid);
    await w.poll(1);
    expect(w.sent).toHaveLength(0); // read every fifth poll
    await w.poll(2);
    expect(w.titles()).toEqual(["New trusted connection request for KidAccount"]);
    expect(description(0)).toMatch(/^\*\*Req3006\*\* \(@Requester3006\) wants to be a trusted connection/);
    expect(labels(0)).toEqual(["Profile"]);
    await w.poll(7);
    expect(w.sent).toHaveLength(1);
  });
});

describe("joins-off presence", () => {
  it("names the experience through the games lookup when Roblox still tells the universe", async () => {
    w.sim.control.setModes({ joinsOffUniverseId: "present" });
    w.sim.control.setPresence({ userId: 2012, userPresenceType: 1 });
    await w.watch([2012]);
    await w.poll(0);
    w.sim.control.setPresence({
      userId: 2012,
      userPresenceType: 2,
      lastLocation: "Sim Obby Tower",
      universeId: 5550001,
      joinsOff: true,
    });
    await w.poll(1);
    await w.poll(2);
    expect(w.titles()).toEqual(["Pal2012 is now in an experience (joins off)"]);
    expect(description(0)).toContain("is now in **Sim Obby Tower** (joins off) (was online)");
  });
});

describe("screen-time thresholds across a limit change", () => {
  it("45 → 85 min while the parent lowers the limit 180 → 100: 80 % once, then 100 % once at 101", async () => {
    w.sim.control.setScreenTime({ userId: kid, dailyLimit: 180, todayMinutes: 45 });
    await w.poll(0);
    w.sim.control.setScreenTime({ userId: kid, dailyLimit: 100, todayMinutes: 85 });
    await w.poll(5);
    expect(w.titles()).toEqual(["KidAccount used 80 % of today's screen time"]);
    await w.poll(10);
    w.sim.control.setScreenTime({ userId: kid, todayMinutes: 101 });
    await w.poll(15);
    await w.poll(20);
    expect(w.titles()).toEqual([
      "KidAccount used 80 % of today's screen time",
      "KidAccount used 100 % of today's screen time",
    ]);
  });
});
