// /screentime, /restrictions and the "+15 min" alert button end to end: the real bot against the
// simulator and the fake Discord. The chart is checked as a picture (pngjs), the limit and the
// extra minutes in the simulator's state, locks and bans through its control API.
import { PNG } from "pngjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHART } from "../../src/ui/chart.js";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;
const PARENT = SEED.parent.id;

function near(p: number[], hex: string, tol = 10): boolean {
  const q = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return p.every((v, i) => Math.abs(v - (q[i] ?? 0)) <= tol);
}

/** Runs of bar / today colour along one row of the chart: [colour, length]. */
function barRuns(png: PNG): { colour: string; length: number }[] {
  const y = (CHART.plot.bottom - 1) * CHART.scale - 1;
  const colours = [CHART.colors.bar, CHART.colors.today];
  const out: { colour: string; length: number }[] = [];
  let cur = null as { colour: string; length: number } | null;
  for (let x = 0; x < png.width; x++) {
    const i = (png.width * y + x) * 4;
    const px = [png.data[i] ?? 0, png.data[i + 1] ?? 0, png.data[i + 2] ?? 0];
    const colour = colours.find((c) => near(px, c)) ?? null;
    if (colour && cur?.colour === colour) cur.length++;
    else {
      if (cur) out.push(cur);
      cur = colour ? { colour, length: 1 } : null;
    }
  }
  if (cur) out.push(cur);
  return out.filter((r) => r.length >= 10);
}

function buttonId(m: FakeMessage, label: string): string {
  for (const row of m.components)
    for (const c of (row.components as Record<string, unknown>[] | undefined) ?? [])
      if (c.label === label && c.disabled !== true) return String(c.custom_id);
  throw new Error(`no "${label}" button`);
}

describe("/screentime and /restrictions", () => {
  let w: World;
  const sent = (part: string) => w.sim.log.filter((e) => !e.csrfRejected && e.path.includes(part));

  beforeAll(async () => {
    w = await startWorld({
      link: [{ robloxId: KID }, { robloxId: PARENT, tracker: null, label: "parent" }],
      alertChannel: true,
      pollIntervalSeconds: 1,
    });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(() => {
    w.sim.control.reset();
  });

  it("show: today's minutes vs the limit, and a 7-bar PNG chart attached as screentime.png", async () => {
    const m = await w.run({ name: "screentime", subcommand: "show" });
    expect(m.ephemeral).toBe(true);
    const text = visibleText(m);
    expect(text).toContain("Screen time of KidAccount");
    expect(text).toContain("Today: **1 h 35 min** of **2 h 00 min** (79 %)");
    // the bot refers to its upload; Discord (and the fake) then serve it under an attachments URL
    const edit = w.fake.requests.findLast((r) => r.multipart && r.files.length > 0);
    expect(JSON.stringify(edit?.body)).toContain('"url":"attachment://screentime.png"');
    expect(String((m.embeds[0]?.image as { url?: string } | undefined)?.url)).toMatch(/\/screentime\.png$/);
    const files = Object.values(m.files);
    expect(files.map((f) => f.filename)).toEqual(["screentime.png"]);
    const png = PNG.sync.read(files[0]!.data);
    expect([png.width, png.height]).toEqual([CHART.width * CHART.scale, CHART.height * CHART.scale]);
    const runs = barRuns(png);
    expect(runs).toHaveLength(7);
    expect(runs.map((r) => r.colour)).toEqual([...Array(6).fill(CHART.colors.bar), CHART.colors.today]);
    expect(sent("settings-and-options").length).toBeGreaterThanOrEqual(1);
    expect(sent("get-weekly-screentime").length).toBeGreaterThanOrEqual(1);
  });

  it("limit: changes the simulator's daily limit (0 = no limit), audited", async () => {
    expect(await w.runText({ name: "screentime", subcommand: "limit", options: { minutes: 90 } })).toContain(
      "1 h 30 min",
    );
    expect(w.sim.state.screenTimeOf(KID).dailyLimit).toBe(90);
    expect(await w.runText({ name: "screentime", subcommand: "limit", options: { minutes: 0 } })).toContain(
      "no daily screen-time limit",
    );
    expect(w.sim.state.screenTimeOf(KID).dailyLimit).toBe(0);
    const audit = JSON.stringify(await w.withStore((s) => s.audit.list(w.guildId)));
    expect(audit).toContain("screentime.limit");
  });

  it("limit without the tracker cookie says the tracker is needed and how to add it", async () => {
    const before = w.sim.state.screenTimeOf(PARENT).dailyLimit;
    const text = await w.runText({
      name: "screentime",
      subcommand: "limit",
      options: { minutes: 60, account: "parent" },
    });
    expect(text).toContain("RBXEventTrackerV2");
    expect(text).toContain("/roblox link");
    expect(w.sim.state.screenTimeOf(PARENT).dailyLimit).toBe(before);
  });

  it("add works while the account is locked by screen time, and lifts the lock", async () => {
    w.sim.control.startRestriction({ userId: KID, source: 2 });
    const text = await w.runText({ name: "screentime", subcommand: "add", options: { minutes: 30 } });
    expect(text).toContain("30 min");
    expect(w.sim.state.screenTimeOf(KID).tempMinutes).toBe(30);
    expect(sent("add-temporary-screentime").at(-1)?.status).toBe(204);
    expect(w.sim.state.restrictionOf(KID)).toBeUndefined();
  });

  it("a command Roblox blocks while locked says the account is locked until the end time", async () => {
    const r = w.sim.control.startRestriction({ userId: KID, source: 2 });
    const text = await w.runText({ name: "screentime", subcommand: "show" });
    expect(text).toContain("locked until");
    expect(text).toContain(`<t:${Math.floor(Date.parse(r.endTime!) / 1000)}:`);
  });

  it("/restrictions: none, a screen-time lock, and a ban with its reason and end", async () => {
    expect(await w.runText({ name: "restrictions" })).toContain("No restriction");

    const lock = w.sim.control.startRestriction({ userId: KID, source: 2 });
    const locked = await w.runText({ name: "restrictions" });
    expect(locked).toContain("Screen-time lock");
    expect(locked).toContain(`<t:${Math.floor(Date.parse(lock.endTime!) / 1000)}:R>`);

    w.sim.control.endRestriction(KID);
    const ban = w.sim.control.startRestriction({
      userId: KID,
      source: 1,
      messageToUser: "Rude chat",
      punishmentTypeDescription: "Ban 3 Days",
    });
    const banned = await w.runText({ name: "restrictions" });
    expect(banned).toContain("Banned");
    expect(banned).toContain("Rude chat");
    expect(banned).toContain("Ban 3 Days");
    expect(banned).toContain(`<t:${Math.floor(Date.parse(ban.endTime!) / 1000)}:R>`);
  });

  it("the +15 min button on a lock alert adds time, answers privately and notes who granted it", async () => {
    // the watcher's first poll is a baseline: wait for it before the lock starts
    await w.fake.waitFor(() => sent("/usermoderation/v2/not-approved").length > 0, 15_000, "a baseline poll");
    await new Promise((r) => setTimeout(r, 1500));
    w.sim.control.startRestriction({ userId: KID, source: 2 });
    const alert = await w.fake.waitForMessage(
      "alerts",
      (m) => m.components.length > 0 && visibleText(m).includes("+15 min"),
      15_000,
    );
    const h = await w.fake.clickButton({
      message: alert,
      customId: buttonId(alert, "+15 min"),
      user: "admin",
    });
    const said = await h.waitForFollowUp();
    expect(said.content).toContain("Added 15 min");
    expect(said.ephemeral).toBe(true);
    expect(w.sim.state.screenTimeOf(KID).tempMinutes).toBe(15);
    const edited = await h.waitForFinal();
    const admin = w.fake.world.people.admin.user.id;
    expect(visibleText(edited)).toMatch(new RegExp(`\\+15 min by <@${admin}> <t:\\d+:R>`));
    expect(buttonId(edited, "+30 min")).toBeTruthy();

    w.sim.control.clearLog();
    const refused = await w.fake.clickButton({
      message: edited,
      customId: buttonId(edited, "+15 min"),
      user: "member",
    });
    expect(String((await refused.waitForResponse()).data?.content)).toContain("permission");
    await new Promise((r) => setTimeout(r, 200));
    expect(sent("add-temporary-screentime")).toHaveLength(0);
  }, 120_000);

  it("a member whose Discord speaks Portuguese: /screentime, /restrictions and +15 min answer in Portuguese", async () => {
    const texts: string[] = [];
    const run = async (input: Parameters<World["runText"]>[0]) => {
      const text = await w.runText({ ...input, locale: "pt-BR" });
      texts.push(text);
      return text;
    };
    const show = await run({ name: "screentime", subcommand: "show" });
    expect(show).toContain("Tempo de tela de KidAccount");
    expect(show).toContain("Os dias seguem o dia do próprio Roblox para esta conta.");
    expect(await run({ name: "screentime", subcommand: "limit", options: { minutes: 90 } })).toContain(
      "**KidAccount** agora pode jogar **1 h 30 min** por dia.",
    );
    expect(await run({ name: "screentime", subcommand: "limit", options: { minutes: 0 } })).toContain(
      "**KidAccount** agora não tem limite diário de tempo de tela.",
    );
    expect(
      await run({ name: "screentime", subcommand: "add", options: { minutes: 500 }, force: true }),
    ).toContain("Os minutos devem ser um número inteiro de 1 a 240.");
    expect(await run({ name: "restrictions" })).toContain("Nenhuma restrição");
    w.sim.control.startRestriction({ userId: KID, source: 1, messageToUser: "Rude chat" });
    expect(await run({ name: "restrictions" })).toContain("**KidAccount** está banido pelo Roblox até <t:");
    w.sim.control.endRestriction(KID);

    // +15 min on the (English) guild's alert: the private answer in Portuguese, the alert's note in English
    const alert = w.fake
      .messages("alerts")
      .findLast((m) => m.components.length > 0 && visibleText(m).includes("+15 min"))!;
    const h = await w.fake.clickButton({
      message: alert,
      customId: buttonId(alert, "+15 min"),
      user: "admin",
      locale: "pt-BR",
    });
    const said = await h.waitForFollowUp();
    expect(said.content).toBe("15 min de tempo de tela adicionados hoje para **KidAccount**.");
    texts.push(visibleText(said));
    const edited = await h.waitForFinal();
    expect(visibleText(edited)).toMatch(/Extra time granted[\s\S]*\+15 min by <@\d+> <t:\d+:R>/);
    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  }, 60_000);

  it("Discord saw nothing it would refuse", () => {
    expect(w.fake.violations()).toEqual([]);
  });
});
