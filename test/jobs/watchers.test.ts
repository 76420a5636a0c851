/**
 * The watchers against the simulator, polled by hand: each alert once, with what a person needs
 * (names, timestamps, buttons), baselines silent, state kept across a restart, posts retried.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Sessions } from "../../src/sessions.js";
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

const buttons = (i: number) => w.sent[i]?.components.flatMap((r) => r.components) ?? [];

describe("friend requests", () => {
  it("pending at the baseline: silent; a new one: one alert with Accept / Decline / Profile", async () => {
    await w.poll(0);
    await w.poll(1);
    expect(w.sent).toHaveLength(0);
    w.sim.control.sendFriendRequest(3003, kid);
    await w.poll(2);
    await w.poll(3);
    expect(w.titles()).toEqual(["New friend request for KidAccount"]);
    const m = w.sent[0]!;
    expect(m.embeds[0]?.description).toMatch(/Req3003.*Requester3003.*sent <t:\d+:R>/);
    expect(m.embeds[0]?.fields?.map((f) => f.name)).toEqual(
      expect.arrayContaining(["Account age", "Verified badge", "Name", "Display name"]),
    );
    expect(buttons(0).map((b) => b.label)).toEqual(["Accept", "Decline", "Profile"]);
    expect(buttons(0)[0]?.custom_id).toBe(`req-accept:v1:${kid}:3003`);
    expect(buttons(0)[1]?.custom_id).toBe(`req-decline:v1:${kid}:3003`);
    expect(buttons(0)[2]?.url).toBe("https://www.roblox.com/users/3003/profile");
    expect(m.allowedMentions).toEqual({ parse: [] });
  });

  it("one handled and another arriving in the same interval: the new one is alerted", async () => {
    await w.poll(0);
    const account = (await w.store.accounts.get(GUILD, String(kid)))!;
    // Accepted outside roguard's buttons: also a new connection, alerted at the friends-count check.
    await w.ctx.roblox.requests.accept(await w.ctx.sessions.get(account), 3002);
    w.sim.control.sendFriendRequest(3004, kid);
    await w.poll(1);
    expect(w.titles()).toEqual(["New friend request for KidAccount", "New connection for KidAccount"]);
    expect(buttons(0)[0]?.custom_id).toBe(`req-accept:v1:${kid}:3004`);
  });
});

describe("presence", () => {
  it("alerts a change after it held for one more poll, with the experience and a Profile button", async () => {
    await w.watch([2001, 2012]);
    await w.poll(0);
    w.sim.control.setPresence({
      userId: 2001,
      userPresenceType: 2,
      lastLocation: "Adopt Me!",
      placeId: 920587237,
      universeId: 383310974,
    });
    await w.poll(1);
    expect(w.sent).toHaveLength(0);
    await w.poll(2);
    await w.poll(3);
    expect(w.titles()).toEqual(["Pal2001 is now in game"]);
    expect(w.sent[0]?.embeds[0]?.description).toMatch(
      /in game: \*\*Adopt Me!\*\* \(was online\) — <t:\d+:R>/,
    );
    expect(buttons(0).map((b) => b.url)).toEqual(["https://www.roblox.com/users/2001/profile"]);
    // Joins off: in game with the place hidden.
    w.sim.control.setPresence({ userId: 2012, userPresenceType: 1 });
    await w.poll(4);
    await w.poll(5);
    w.sim.control.setPresence({ userId: 2012, userPresenceType: 2, lastLocation: "" });
    await w.poll(6);
    await w.poll(7);
    expect(w.titles().at(-1)).toBe("Pal2012 is now in an experience (joins off)");
    expect(w.sent.at(-1)?.embeds[0]?.description).toContain(
      "is now in an experience (joins off) (was online)",
    );
  });

  it("a flap between polls says nothing", async () => {
    await w.watch([2001]);
    await w.poll(0);
    w.sim.control.setPresence({ userId: 2001, userPresenceType: 0 });
    await w.poll(1);
    w.sim.control.setPresence({ userId: 2001, userPresenceType: 1 });
    await w.poll(2);
    await w.poll(3);
    expect(w.sent).toHaveLength(0);
  });

  it("quiet hours hold presence alerts and deliver one digest when they end", async () => {
    await w.watch([2001, 2002]);
    const hour = new Date().getUTCHours();
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, "0")}:00`;
    await w.settings({ quietHours: { start: hh(hour - 1), end: hh(hour + 2) }, timeZone: "UTC" });
    await w.poll(0);
    w.sim.control.setPresence({ userId: 2001, userPresenceType: 0 });
    w.sim.control.setPresence({ userId: 2002, userPresenceType: 0 });
    await w.poll(1);
    await w.poll(2);
    // A restriction still comes through during quiet hours.
    w.sim.control.startRestriction({ userId: kid, source: 1 });
    await w.poll(3);
    expect(w.titles()).toEqual(["KidAccount was banned by Roblox"]);
    expect((await w.state())?.held).toHaveLength(2);
    w.sim.control.endRestriction(kid);
    await w.settings({ quietHours: null });
    await w.poll(4);
    await w.poll(5);
    expect(w.titles(1)).toEqual([
      "KidAccount's ban has ended",
      "Quiet hours are over: 2 presence changes held back",
    ]);
    expect(w.sent[2]?.embeds[0]?.description).toMatch(/Pal2001.*online → offline[\s\S]*Pal2002/);
    expect((await w.state())?.held).toEqual([]);
  });
});

describe("restrictions and screen time", () => {
  it("a screen-time lock with +15 / +30, then its end; the 100 % alert is folded into the lock", async () => {
    w.sim.control.setScreenTime({ userId: kid, dailyLimit: 120, todayMinutes: 100 });
    await w.poll(0);
    w.sim.control.setScreenTime({ userId: kid, todayMinutes: 121 });
    w.sim.control.startRestriction({ userId: kid, source: 2 });
    await w.poll(1);
    expect(w.titles()).toEqual(["KidAccount is locked: today's screen time is used up"]);
    expect(w.sent[0]?.embeds[0]?.description).toMatch(/until <t:\d+:f> \(<t:\d+:R>\)/);
    expect(buttons(0).map((b) => [b.label, b.custom_id])).toEqual([
      ["+15 min", `st-add:v1:${kid}:15`],
      ["+30 min", `st-add:v1:${kid}:30`],
    ]);
    await w.poll(2);
    w.sim.control.endRestriction(kid);
    await w.poll(3);
    await w.poll(5); // a screen-time cycle: 121 of 120, already told by the lock
    expect(w.titles()).toEqual([
      "KidAccount is locked: today's screen time is used up",
      "KidAccount's screen-time lock has ended",
    ]);
  });

  it("a ban names its reason and end", async () => {
    await w.poll(0);
    w.sim.control.startRestriction({ userId: kid, source: 1, messageToUser: "Bad words in chat." });
    await w.poll(1);
    const e = w.sent[0]?.embeds[0];
    expect(e?.title).toBe("KidAccount was banned by Roblox");
    expect(e?.fields?.find((f) => f.name === "Reason")?.value).toBe("Bad words in chat.");
    expect(e?.fields?.find((f) => f.name === "Ends")?.value).toMatch(/<t:\d+:f>/);
  });

  it("80 % of the daily limit, once, with +15 min; checked every 5th cycle", async () => {
    w.sim.control.setScreenTime({ userId: kid, dailyLimit: 120, todayMinutes: 30 });
    await w.poll(0);
    w.sim.control.setScreenTime({ userId: kid, todayMinutes: 97 });
    for (let c = 1; c <= 4; c++) await w.poll(c);
    expect(w.sent).toHaveLength(0);
    await w.poll(5);
    await w.poll(10);
    expect(w.titles()).toEqual(["KidAccount used 80 % of today's screen time"]);
    expect(w.sent[0]?.embeds[0]?.description).toContain("1 h 37 min of the 2 h 00 min daily limit");
    expect(buttons(0).map((b) => [b.label, b.custom_id])).toEqual([["+15 min", `st-add:v1:${kid}:15`]]);
  });
});

describe("cookie health, delivery and restarts", () => {
  it("a 401: one cookie-health alert, then no request for that account until it is linked again", async () => {
    await w.poll(0);
    w.sim.control.expireCookie(kid);
    await w.poll(1);
    await w.poll(2);
    expect(w.titles()).toEqual(["Roblox no longer accepts the cookie of KidAccount"]);
    w.sim.control.clearLog();
    for (let c = 3; c < 8; c++) await w.poll(c);
    expect(w.sim.log.filter((e) => e.cookieHeader)).toEqual([]);
    expect(w.sent).toHaveLength(1);
    // Linked again: health ok, polled again, the cookie's death is forgotten.
    await w.link(kid);
    w.sim.control.clearLog();
    await w.poll(8);
    expect(w.sim.log.filter((e) => e.cookieHeader).length).toBeGreaterThan(0);
    expect((await w.state())?.cookie).toBeUndefined();
    expect(w.lines.join("\n")).not.toContain("_|WARNING");
  });

  it("an alert that cannot be posted stays queued and is posted next interval, once", async () => {
    await w.poll(0);
    w.sim.control.sendFriendRequest(3005, kid);
    w.failNextPosts(1);
    await w.poll(1);
    expect(w.sent).toHaveLength(0);
    expect((await w.state())?.outbox).toHaveLength(1);
    expect(w.lines.join("\n")).toMatch(
      /could not post an alert.*"robloxId":"1001"|"robloxId":"1001".*could not post an alert/,
    );
    await w.poll(2);
    await w.poll(3);
    expect(w.titles()).toEqual(["New friend request for KidAccount"]);
    expect((await w.state())?.outbox).toEqual([]);
  });

  it("a restart sends nothing twice; a change made while down is alerted once", async () => {
    await w.watch([2003]);
    w.sim.control.sendFriendRequest(3006, kid);
    await w.poll(0);
    w.sim.control.sendFriendRequest(3007, kid);
    await w.poll(1);
    expect(w.sent).toHaveLength(1);
    // "Restart": new sessions and lookups over the same store; presence changes while down.
    w.ctx.sessions = new Sessions(w.store, w.ctx.roblox, w.ctx.logger);
    w.sim.control.setPresence({ userId: 2003, userPresenceType: 0 });
    for (let c = 0; c < 4; c++) await w.poll(c);
    expect(w.titles()).toEqual(["New friend request for KidAccount", "Pal2003 is now offline"]);
  });

  it("mentions the role set with /alerts mention, and only that role", async () => {
    await w.settings({ mentionRoleId: "800000000000000077" });
    await w.poll(0);
    w.sim.control.sendFriendRequest(3008, kid);
    await w.poll(1);
    expect(w.sent[0]?.content).toBe("<@&800000000000000077>");
    expect(w.sent[0]?.allowedMentions).toEqual({ roles: ["800000000000000077"] });
  });

  it("a new alert channel records a new baseline silently", async () => {
    await w.poll(0);
    w.sim.control.sendFriendRequest(3009, kid);
    await w.store.settings.update(GUILD, { alertChannelId: "800000000000000099" });
    await w.poll(1);
    expect(w.sent).toHaveLength(0);
    expect((await w.state())?.channelId).toBe("800000000000000099");
  });
});

describe("daily summary", () => {
  it("today's minutes vs the limit, pending requests, restriction; the chart on Sundays; once a day", async () => {
    w.sim.control.setScreenTime({ userId: kid, dailyLimit: 120, todayMinutes: 95 });
    await w.settings({ events: { "daily-summary": true }, timeZone: "UTC" });
    // Days ahead of real time (Roblox calls' deadlines follow the bot's clock).
    const DAY = 86_400_000;
    const ahead = (weekday: number) => {
      const t = Date.now() + DAY;
      return t + ((weekday - new Date(t).getUTCDay() + 7) % 7) * DAY;
    };
    w.setClock(ahead(1)); // a Monday
    await w.summary();
    await w.summary();
    expect(w.titles()).toEqual(["Daily summary — KidAccount"]);
    const fields = Object.fromEntries(w.sent[0]?.embeds[0]?.fields?.map((f) => [f.name, f.value]) ?? []);
    expect(fields).toEqual({
      "Screen time today": "1 h 35 min of the 2 h 00 min limit",
      "Pending friend requests": "2",
      Restriction: "None",
    });
    expect(w.sent[0]?.files).toHaveLength(0);
    w.setClock(ahead(0)); // a Sunday
    await w.summary();
    expect(w.sent).toHaveLength(2);
    expect(w.sent[1]?.files).toHaveLength(1);
    w.setClock(null);
  });
});
