// Alerts end to end: the real bot polls the simulator every second and posts into the
// fake Discord's #alerts. Every /alerts subcommand once; each alert appears once within two
// intervals (screen time: its 5th-interval cadence); buttons act; a restart repeats nothing; a
// storm of 429s does not stop the scheduler; a dead cookie is told once and polling stops.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventWords } from "../../src/domain/alert-events.js";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { Perm } from "./fake-discord/ids.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;
const INTERVAL = 1_000;
let w: World;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alerts = () => w.fake.messages("alerts");
const titled = (part: string) => alerts().filter((m) => (m.embeds[0]?.title ?? "").includes(part));
const buttons = (m: FakeMessage) =>
  m.components.flatMap((r) =>
    (r.components ?? []).map((c) => ({ label: c.label, id: c.custom_id, url: c.url })),
  );

/** Waits for an alert whose title contains `part`; returns it and how long it took. */
async function alertAfter(
  part: string,
  timeoutMs = 2 * INTERVAL + 1_500,
): Promise<{ m: FakeMessage; ms: number }> {
  const t0 = Date.now();
  const m = await w.fake
    .waitForMessage("alerts", (x) => (x.embeds[0]?.title ?? "").includes(part), timeoutMs)
    .catch((err: Error) => {
      const seen = alerts().map((x) => x.embeds[0]?.title);
      throw new Error(`${err.message} for "${part}": seen ${JSON.stringify(seen)}`);
    });
  return { m, ms: Date.now() - t0 };
}

/** Waits until the bot has finished `n` more polls of the kid (restriction calls, one per poll). */
async function polls(n: number, timeoutMs = (n + 3) * INTERVAL): Promise<void> {
  const count = () =>
    w.sim.log.filter((e) => e.path.startsWith("/usermoderation/v2") && e.cookieHeader).length;
  const target = count() + n;
  const end = Date.now() + timeoutMs;
  while (count() < target) {
    if (Date.now() > end) throw new Error(`the bot did not poll ${n} more times\n${w.logs().slice(-3000)}`);
    await sleep(50);
  }
}

beforeAll(async () => {
  w = await startWorld({ link: [{ robloxId: KID }], pollIntervalSeconds: 1 });
  w.fake.allowCommand("alerts", w.fake.world.people.member.user.id);
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

describe("/alerts", () => {
  it("channel: refuses a channel the bot cannot post in, takes #alerts; nothing is polled before", async () => {
    expect(w.sim.log.filter((e) => e.cookieHeader)).toEqual([]); // no alert channel yet: not polled
    const general = w.fake.world.channels.general;
    w.fake.world.setOverwrite(general.id, { deny: Perm.SendMessages | Perm.EmbedLinks });
    const refused = await w.runText({ name: "alerts", subcommand: "channel", options: { channel: general } });
    expect(refused).toContain("missing the Send Messages, Embed Links permissions");
    const ok = await w.runText({
      name: "alerts",
      subcommand: "channel",
      options: { channel: w.fake.world.channels.alerts },
    });
    expect(ok).toContain(`Alerts will be posted in <#${w.fake.world.channels.alerts.id}>`);
    await polls(2); // the baseline poll, and one more
    expect(alerts()).toEqual([]); // the two requests pending at the baseline are not alerted
  });

  it("a plain member is refused without a Roblox request", async () => {
    const before = w.sim.log.filter((e) => e.path.startsWith("/users/")).length;
    const text = await w.runText({ name: "alerts", subcommand: "show", user: "member" });
    expect(text).toContain("permission");
    expect(w.sim.log.filter((e) => e.path.startsWith("/users/")).length).toBe(before);
  });

  it("watch-add / watch-list / watch-remove by name or id", async () => {
    expect(
      await w.runText({ name: "alerts", subcommand: "watch-add", options: { user: "Friend2001" } }),
    ).toContain("Now watching **Pal2001** (@Friend2001) for **KidAccount** (1 watched)");
    expect(await w.runText({ name: "alerts", subcommand: "watch-add", options: { user: "2002" } })).toContain(
      "(2 watched)",
    );
    expect(
      await w.runText({ name: "alerts", subcommand: "watch-add", options: { user: "NoSuchUser999" } }),
    ).toContain("No Roblox user called");
    const list = await w.runText({ name: "alerts", subcommand: "watch-list" });
    expect(list).toContain("Watched for KidAccount (2)");
    expect(list).toMatch(/Pal2001[\s\S]*Pal2002/);
    expect(
      await w.runText({ name: "alerts", subcommand: "watch-remove", options: { user: "Friend2002" } }),
    ).toContain("Stopped watching @Friend2002");
  });

  it("toggle, quiet-hours, timezone, summary-time, mention, show", async () => {
    const run = (subcommand: string, options = {}) => w.runText({ name: "alerts", subcommand, options });
    expect(await run("toggle", { event: "daily-summary", enabled: true })).toContain(
      "The daily summary: **on**",
    );
    expect(await run("quiet-hours", { start: "25:00", end: "07:00" })).toContain("is not a time");
    expect(await run("quiet-hours", { start: "22:00" })).toContain("Give both");
    expect(await run("quiet-hours", { start: "22:00", end: "7:00" })).toContain(
      "**22:00 → 07:00** (through midnight)",
    );
    expect(await run("timezone", { zone: "Mars/Olympus" })).toContain("not a time zone");
    expect(await run("timezone", { zone: "Europe/Paris" })).toContain("Time zone: **Europe/Paris**");
    expect(await run("summary-time", { time: "19:30" })).toContain("posted at **19:30** (Europe/Paris)");
    const parents = w.fake.world.roles.parents;
    expect(await run("mention", { role: parents })).toContain(`Alerts will mention <@&${parents.id}>`);
    const show = await run("show");
    for (const part of [
      `<#${w.fake.world.channels.alerts.id}>`,
      `<@&${parents.id}>`,
      "Europe/Paris",
      "22:00 → 07:00",
      "19:30",
      "✅ The daily summary",
      "**KidAccount**: 1 watched",
    ])
      expect(show).toContain(part);
    // Quiet hours off again (they would hold the presence alerts below); summary back off.
    expect(await run("quiet-hours")).toContain("Quiet hours are **off**");
    await run("toggle", { event: "daily-summary", enabled: false });
    const settings = await w.withStore((s) => s.settings.get(w.guildId));
    expect(settings).toMatchObject({ quietHours: null, timeZone: "Europe/Paris", summaryTime: "19:30" });
  });

  it("a member whose Discord speaks Portuguese gets every /alerts reply in Portuguese", async () => {
    const texts: string[] = [];
    const run = async (subcommand: string, options = {}) => {
      const text = await w.runText({ name: "alerts", subcommand, options, locale: "pt-BR" });
      texts.push(text);
      return text;
    };
    expect(await run("toggle", { event: "daily-summary", enabled: false })).toBe(
      "O resumo diário: **desativado**.",
    );
    expect(await run("quiet-hours", { start: "25:00", end: "07:00" })).toBe(
      "Início “25:00” não é um horário: use HH:MM, formato 24 horas (ex.: 22:00).",
    );
    expect(await run("quiet-hours", { start: "22:00" })).toContain("Informe `start` e `end`");
    expect(await run("timezone", { zone: "Mars/Olympus" })).toContain("Não conheço o fuso horário");
    expect(await run("summary-time", { time: "19:30" })).toContain(
      "O resumo diário é publicado às **19:30** (Europe/Paris). O resumo diário está desativado",
    );
    expect(await run("watch-list")).toMatch(/^Monitorados para KidAccount \(\d\)/);
    expect(await run("watch-add", { user: "Friend2001" })).toContain("já é monitorado para **KidAccount**");
    const show = await run("show");
    for (const part of ["Configurações de alertas", "Canal de alertas", "Fuso horário", "monitorados"])
      expect(show).toContain(part);
    expect(show).toContain(`✅ ${eventWords("presence", "pt-BR")}`);
    expect(show).toContain(`❌ ${eventWords("daily-summary", "pt-BR")}`);
    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  });
});

describe("alerts in the channel", () => {
  it("a friend request, a watched user's presence change and 80 % of the limit: one alert each", async () => {
    await polls(2); // a poll has recorded the newly watched user's presence (its baseline)
    w.sim.control.sendFriendRequest(3003, KID);
    w.sim.control.setPresence({ userId: 2001, userPresenceType: 0 });
    w.sim.control.setScreenTime({ userId: KID, dailyLimit: 120, todayMinutes: 97 });
    const [req, presence, screen] = await Promise.all([
      alertAfter("New friend request"),
      alertAfter("Pal2001 is now offline"),
      // Screen time is read every fifth interval.
      alertAfter("80 % of today's screen time", 6 * INTERVAL + 1_500),
    ]);
    expect(req.ms).toBeLessThan(2 * INTERVAL + 1_000);
    expect(presence.ms).toBeLessThan(2 * INTERVAL + 1_000); // the debounce: the new state held one more poll

    const parents = w.fake.world.roles.parents.id;
    expect(req.m.content).toBe(`<@&${parents}>`);
    const posts = w.fake.requests.filter(
      (r) => r.method === "POST" && r.path.endsWith(`/${req.m.channel_id}/messages`),
    );
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const p of posts)
      expect((p.body as Record<string, unknown>).allowed_mentions).toEqual({ roles: [parents] });
    const text = visibleText(req.m);
    expect(text).toMatch(/Req3003.*@Requester3003/);
    expect(text).toMatch(/<t:\d+:R>/);
    expect(text).toContain("Account age");
    expect(req.m.embeds[0]?.thumbnail?.url).toBeTruthy();
    expect(buttons(req.m).map((b) => b.label)).toEqual(["Accept", "Decline", "Profile"]);

    expect(visibleText(presence.m)).toMatch(/is now offline \(was online\) — <t:\d+:R>/);
    expect(buttons(presence.m)).toEqual([
      { label: "Profile", id: undefined, url: "https://www.roblox.com/users/2001/profile" },
    ]);

    expect(visibleText(screen.m)).toContain("1 h 37 min of the 2 h 00 min daily limit");
    expect(buttons(screen.m).map((b) => b.label)).toEqual(["+15 min"]);

    await polls(2);
    expect(titled("New friend request")).toHaveLength(1);
    expect(titled("Pal2001 is now")).toHaveLength(1);
    expect(titled("80 %")).toHaveLength(1);
    await w.runText({ name: "alerts", subcommand: "mention" });
  });

  it("Accept on the alert: a plain member is refused without a Roblox call; an admin's click acts", async () => {
    const m = titled("New friend request")[0]!;
    const accept = buttons(m)[0]!.id!;
    const refused = await w.fake.clickButton({ message: m, customId: accept, user: "member" });
    expect(visibleText(await refused.waitForFinal())).toContain("permission");
    expect(w.sim.log.some((e) => e.path.includes("/3003/accept-friend-request"))).toBe(false);
    const click = await w.fake.clickButton({ message: m, customId: accept, user: "admin" });
    await click.waitForFinal();
    expect(w.sim.state.areFriends(KID, 3003)).toBe(true);
  });

  it("a screen-time lock and its end, each once; +15 / +30 on the lock", async () => {
    w.sim.control.startRestriction({ userId: KID, source: 2 });
    const { m, ms } = await alertAfter("is locked");
    expect(ms).toBeLessThan(2 * INTERVAL + 1_000);
    expect(buttons(m).map((b) => b.label)).toEqual(["+15 min", "+30 min"]);
    expect(visibleText(m)).toMatch(/until <t:\d+:f>/);
    w.sim.control.endRestriction(KID);
    const end = await alertAfter("lock has ended");
    expect(end.ms).toBeLessThan(2 * INTERVAL + 1_000);
    await polls(2);
    expect(titled("is locked")).toHaveLength(1);
    expect(titled("has ended")).toHaveLength(1);
  });

  it("a storm of 429s on presence does not stop the scheduler; the next change is alerted", async () => {
    w.sim.control.addFault({
      pathIncludes: "/presence/v1/presence/users",
      status: 429,
      headers: { "retry-after": "1" },
      body: '{"errors":[{"code":0,"message":"TooManyRequests"}]}',
      times: 0,
    });
    try {
      await sleep(2.5 * INTERVAL);
      const storm = w.sim.log.filter((e) => e.path.startsWith("/presence/") && e.status === 429).length;
      expect(storm).toBeGreaterThanOrEqual(2);
      await polls(1, 8_000); // still polling: each poll spends its budget on Retry-After waits
      expect(w.logs()).toMatch(/"robloxId":"1001".*"watcher":"presence".*a check failed/);
    } finally {
      w.sim.control.clearFaults();
    }
    w.sim.control.setPresence({ userId: 2001, userPresenceType: 1 });
    await alertAfter("Pal2001 is now online", 12_000);
    expect(titled("Pal2001 is now")).toHaveLength(2);
  }, 30_000);

  it("restart: a change made while the bot was down is alerted exactly once, nothing repeated", async () => {
    const before = alerts().length;
    expect(await w.stopBot()).toBe(0);
    w.sim.control.setPresence({
      userId: 2001,
      userPresenceType: 2,
      lastLocation: "Adopt Me!",
      universeId: 383310974,
    });
    await w.startBot();
    await alertAfter("Pal2001 is now in game", 8_000);
    await polls(2);
    expect(alerts().length).toBe(before + 1);
    expect(visibleText(alerts().at(-1)!)).toContain("in game: **Adopt Me!**");
  }, 30_000);

  it("cookie expired: one cookie-health alert, then no more polls of that account", async () => {
    w.sim.control.expireCookie(KID);
    const { ms } = await alertAfter("no longer accepts the cookie");
    expect(ms).toBeLessThan(2 * INTERVAL + 1_000);
    const withCookie = () => w.sim.log.filter((e) => e.cookieHeader).length;
    const seen = withCookie();
    await sleep(2.5 * INTERVAL);
    expect(withCookie()).toBe(seen);
    expect(titled("no longer accepts the cookie")).toHaveLength(1);
  });

  it("Discord saw nothing it would refuse, and no cookie reached a log", () => {
    expect(w.fake.violations()).toEqual([]);
    expect(w.logs()).not.toContain("_|WARNING");
  });
});
