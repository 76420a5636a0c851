// Roblox text is shown, never rendered, and nothing pings by accident — end to end. The simulator's
// users, experiences, groups, nicknames and ban reasons are made of Discord markup; the real bot
// then runs every subcommand, clicks every kind of button, submits both link forms and posts alerts.
// Every payload the fake Discord receives (messages, interaction callbacks, webhook edits and
// follow-ups) must carry a safe allowedMentions and show none of that markup live.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonHandlers, modalHandlers } from "../../src/components/index.js";
import { applyEscapes, liveMarkdown, renderedTexts } from "../markdown/live.js";
import { cookieFor, type FakeMessage, SEED, startWorld, type World } from "./harness.js";

const KID = SEED.child.id;
const INTERVAL_MS = 1_000;

/**
 * Inline markup that must never be live where it was Roblox text (each needle is raw markup).
 * Line-start marks (headings, quotes, lists) are markup only at the start of a line: the checker's
 * `line:` findings cover them.
 */
const NEEDLES = [
  "**bold**",
  "__under__",
  "_it_",
  "~~strike~~",
  "||spoiler||",
  "`code`",
  "<@123>",
  "<@&123>",
  "<#1>",
  "<t:0:R>",
  "<:e:1>",
  "@everyone",
  "@here",
  "[free robux](https://evil.example/login)",
  "https://evil.example",
] as const;
const NAME = "_it_ **bold** <@&123> @everyone";
const DISPLAY = "[free robux](https://evil.example/login) ||spoiler|| <t:0:R>";
const LONG = [
  "# HEADING",
  "-# small",
  "> quote",
  "- list",
  "1. list",
  "`code` ~~strike~~ __under__ <#1> <:e:1> <@123> @here",
  "https://evil.example \u202eevil\u202c @\u200beveryone",
].join("\n");
const GAME = "# HEADING **bold** <@&123> https://evil.example";
const LABEL = "**bold** <@123>";

/** What a test reads from a recorded request: the message body (for callbacks: its data). */
function messageBody(r: {
  method: string;
  path: string;
  body: unknown;
}): Record<string, unknown> | undefined {
  const body = r.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object") return undefined;
  if (/\/interactions\/[^/]+\/[^/]+\/callback$/.test(r.path)) {
    return [4, 7].includes(Number(body.type)) ? (body.data as Record<string, unknown>) : undefined;
  }
  if (r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path)) return body;
  if (/^\/channels\/\d+\/messages\/\d+$/.test(r.path) && r.method === "PATCH") return body;
  if (/^\/webhooks\//.test(r.path) && (r.method === "POST" || r.method === "PATCH")) return body;
  return undefined;
}

/** The bot's own markup: snowflake mentions, Discord timestamps of now, links to Roblox. */
const OWN_TOKEN = /^<(?:@|@&|#)\d{17,20}>$|^<t:\d{9,}(?::[tTdDfFR])?>$/;
const OWN_LINK = /^https:\/\/www\.roblox\.com\//;

/** Problems with one rendered text: live markup that came from Roblox. */
function problems(text: string): string[] {
  const out: string[] = [];
  for (const f of liveMarkdown(text)) {
    if (f.kind.startsWith("line:")) out.push(`${f.kind}: ${f.text}`);
    if (f.kind === "token" && !OWN_TOKEN.test(f.text)) out.push(`token ${f.text}`);
    if ((f.kind === "link" || f.kind === "url") && !OWN_LINK.test(f.text)) out.push(`${f.kind} ${f.text}`);
    if (f.kind === "everyone" || f.kind === "here" || f.kind === "invisible") out.push(`${f.kind} ${f.text}`);
  }
  const live = applyEscapes(text);
  for (const needle of NEEDLES) if (live.includes(needle)) out.push(`live ${needle}`);
  return out;
}

let w: World;
const ran = new Set<string>();
const clicked = new Set<string>();

async function run(name: string, subcommand?: string, options: Record<string, unknown> = {}) {
  ran.add(subcommand ? `${name} ${subcommand}` : name);
  return w.run({ name, ...(subcommand ? { subcommand } : {}), options: options as never }, 20_000);
}

function buttonOf(m: FakeMessage, label: string): string {
  const b = m.components.flatMap((r) => r.components ?? []).find((c) => c.label === label && !c.disabled);
  if (!b?.custom_id) throw new Error(`no enabled "${label}" button on ${JSON.stringify(m.components)}`);
  return b.custom_id;
}

async function click(m: FakeMessage, label: string) {
  const id = buttonOf(m, label);
  clicked.add(id.split(":")[0] as string);
  return w.fake.clickButton({ message: m, customId: id });
}

async function alertTitled(part: string, timeoutMs = 4 * INTERVAL_MS + 3_000): Promise<FakeMessage> {
  return w.fake.waitForMessage("alerts", (m) => (m.embeds[0]?.title ?? "").includes(part), timeoutMs);
}

beforeAll(async () => {
  w = await startWorld({ link: [{ robloxId: KID }], pollIntervalSeconds: INTERVAL_MS / 1000 });
  const s = w.sim.state;
  const hostile = (id: number, n: number) => {
    const u = s.users.get(id);
    if (!u) throw new Error(`no sim user ${id}`);
    u.name = `${NAME} ${n}`;
    u.displayName = `${DISPLAY} ${n}`;
    u.description = LONG;
  };
  for (const id of [KID, SEED.parent.id, 2001, 2002, 2006, 3001, 3002, 3003, 4001, 4002, 4005])
    hostile(id, id);
  for (const g of s.groups.values()) g.name = `${GAME} ${g.id}`;
  for (const list of s.memberships.values()) for (const m of list) m.role.name = LONG;
  const r = s.getRequest(3002, KID);
  if (r) r.nickname = "**bold** <@&123>";
  for (const id of [2006, 2007]) s.presence.set(id, { ...s.presenceOf(id), lastLocation: GAME });
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

describe("Roblox text in every reply, edit and alert", () => {
  it("the link form's reply (re-link with a label)", async () => {
    const shown = await w.fake.runCommand({ name: "roblox", subcommand: "link" });
    ran.add("roblox link");
    await shown.waitForModal();
    const done = await (
      await w.fake.submitModal({
        customId: "roblox-link",
        from: shown,
        fields: { cookie: cookieFor(KID), tracker: "", label: LABEL },
      })
    ).waitForFinal({ timeoutMs: 15_000 });
    expect(done.content).toContain("Re-linked");
  });

  it("/roblox, /user, /screentime, /presence, /friends, /requests, /audit, /access", async () => {
    await run("roblox", "status");
    await run("roblox", "accounts");
    await run("roblox", "default", { account: String(KID) });
    await run("user", "lookup", { user: "2001" });
    await run("screentime", "show");
    await run("screentime", "limit", { minutes: 60 });
    await run("screentime", "add", { minutes: 15 });
    await run("presence", undefined, { users: "2001, 2006, 3001, nosuchuser" });
    const list = await run("friends", "list");
    await (await click(list, "Next")).waitForFinal();
    await run("friends", "online");
    await run("friends", "inactive");
    await run("friends", "search", { query: "everyone" });
    await run("friends", "count", { user: "2001" });
    await run("friends", "status", { users: "2001, 3001, 4001" });
    await run("friends", "groups");
    await run("friends", "add", { user: "4001", nickname: "hi" });
    await run("friends", "add-contact", { contact: "contact-4002" });
    const remove = await run("friends", "remove", { user: "2001" });
    await (await click(remove, "Confirm")).waitForFinal();
    const requests = await run("requests", "list");
    await (await click(requests, "Decline")).waitForFinal();
    await run("requests", "count");
    await run("requests", "accept", { user: "3002" });
    await run("requests", "decline", { user: "3002" });
    await run("requests", "accept-token", { user: "3003", token: "qr-token-12345678" });
    w.sim.control.sendFriendRequest(4005, KID);
    const all = await run("requests", "decline-all");
    await (await click(all, "Confirm")).waitForFinal();
    await run("requests", "mark-seen");
    await run("access", "role-add", { role: w.fake.world.roles.viewers, level: "viewer" });
    await run("access", "list");
    await run("access", "role-remove", { role: w.fake.world.roles.viewers });
    await run("audit", undefined, { limit: 50 });
  }, 120_000);

  it("/alerts, then alerts with buttons: a friend request, a presence change, a lock, a ban", async () => {
    await run("alerts", "channel", { channel: w.fake.world.channels.alerts });
    await run("alerts", "mention", { role: w.fake.world.roles.parents });
    await run("alerts", "watch-add", { user: "2002" });
    await run("alerts", "watch-add", { user: "3001" });
    await run("alerts", "watch-remove", { user: "3001" });
    await run("alerts", "watch-list");
    await run("alerts", "toggle", { event: "daily-summary", enabled: false });
    await run("alerts", "language", { language: "de" });
    await run("alerts", "language", { language: "en-US" });
    await run("alerts", "quiet-hours", { start: "22:00", end: "07:00" });
    await run("alerts", "quiet-hours", {});
    await run("alerts", "timezone", { zone: "Europe/Paris" });
    await run("alerts", "summary-time", { time: "19:30" });
    await run("alerts", "show");
    // Baseline polls first, then the changes.
    await new Promise((r) => setTimeout(r, 3 * INTERVAL_MS));

    w.sim.control.sendFriendRequest(4005, KID);
    w.sim.state.presence.set(2002, {
      ...w.sim.state.presenceOf(2002),
      userPresenceType: 2,
      lastLocation: GAME,
      lastOnline: Date.now(),
    });
    const request = await alertTitled("New friend request");
    await (await click(request, "Accept")).waitForFinal();
    await alertTitled("is now in game");

    w.sim.control.startRestriction({ userId: KID, source: 2 });
    const lock = await alertTitled("is locked");
    const plus = await click(lock, "+15 min");
    await plus.waitForFollowUp();
    w.sim.control.endRestriction(KID);
    await alertTitled("screen-time lock has ended");

    w.sim.control.startRestriction({
      userId: KID,
      source: 1,
      messageToUser: LONG,
      punishmentTypeDescription: GAME,
    });
    await alertTitled("was banned");
    await run("restrictions");
    w.sim.control.endRestriction(KID);
    await alertTitled("ban has ended");

    const unlink = await run("roblox", "unlink");
    await (await click(unlink, "Cancel")).waitForFinal();
  }, 120_000);

  it("/parent: the link form, children, requests answered, a child known only through the parent, unlink", async () => {
    const parent = w.sim.state.users.get(SEED.parent.id);
    if (!parent) throw new Error("no sim parent");
    parent.name = `${NAME} ${parent.id}`;
    parent.displayName = `${DISPLAY} ${parent.id}`;
    // 2001 (hostile) is a second child, known to the bot only through the parent link
    w.sim.control.linkParent(SEED.parent.id, 2001);
    const shown = await w.fake.runCommand({ name: "parent", subcommand: "link" });
    ran.add("parent link");
    await shown.waitForModal();
    const linked = await (
      await w.fake.submitModal({
        customId: "roblox-parent-link",
        from: shown,
        fields: { cookie: SEED.parent.cookie, label: LABEL },
      })
    ).waitForFinal({ timeoutMs: 15_000 });
    expect(linked.content).toContain("Linked the parent account");
    await run("parent", "children");
    w.sim.control.requestConsent({ childUserId: KID, kind: "trusted", targetUserId: 2002 });
    w.sim.control.requestConsent({ childUserId: 2001, kind: "block", targetUserId: 2006 });
    const requests = await run("parent", "requests");
    // one click answers one request and disables the reply's buttons (Deny is the same action)
    await (await click(requests, "Approve")).waitForFinal();
    const other = `${NAME} 2001`;
    const read = await run("screentime", "show", { account: other });
    expect(read.content).toContain("Read through the parent account");
    await run("screentime", "limit", { account: other, minutes: 45 });
    expect(w.sim.state.screenTimeOf(2001).dailyLimit).toBe(45);
    await run("parent", "block", { user: "2006", child: other });
    await run("parent", "unblock", { user: "2006", child: other });
    const unlink = await run("parent", "unlink");
    await (await click(unlink, "Confirm")).waitForFinal();
  }, 120_000);

  it("a new-connection alert: Remove asks Confirm", async () => {
    w.sim.control.sendFriendRequest(3001, KID);
    await alertTitled("New friend request");
    w.sim.control.acceptFriendRequest(3001, KID);
    const m = await alertTitled("New connection", 6 * INTERVAL_MS + 8_000);
    const prompt = await (await click(m, "Remove")).waitForFinal();
    await (await click(prompt, "Cancel")).waitForFinal();
  }, 60_000);

  it("ran every subcommand, every kind of button and the link form", async () => {
    const { commandData } = await import("../../src/commands/deploy-json.js");
    const all = commandData().flatMap((c) => {
      const subs = (c.options ?? []).filter((o) => o.type === 1).map((o) => `${c.name} ${o.name}`);
      return subs.length > 0 ? subs : [c.name];
    });
    expect(all.filter((x) => !ran.has(x))).toEqual([]);
    // "noop" answers with a bare deferred update: it sends no message.
    const buttons = [...buttonHandlers.keys()].filter((a) => a !== "noop");
    expect(buttons.filter((a) => !clicked.has(a))).toEqual([]);
    expect([...modalHandlers.keys()]).toEqual(["roblox-link", "roblox-parent-link"]);
  });

  it("every payload Discord received: safe allowedMentions, no Roblox markup live", () => {
    const roleId = w.fake.world.roles.parents.id;
    const bad: string[] = [];
    let messages = 0;
    for (const r of w.fake.requests) {
      const body = messageBody(r);
      if (!body || (body.content === undefined && body.embeds === undefined)) continue;
      messages++;
      const where = `${r.method} ${r.path}`;
      const am = body.allowed_mentions as
        | { parse?: string[]; roles?: string[]; users?: string[] }
        | undefined;
      if (!am) bad.push(`${where}: no allowed_mentions`);
      else {
        const parse = am.parse ?? [];
        if (parse.some((p) => ["everyone", "roles", "users"].includes(p))) {
          bad.push(`${where}: allowed_mentions.parse ${JSON.stringify(parse)}`);
        }
        if ((am.users ?? []).length > 0) bad.push(`${where}: allowed_mentions.users`);
        const roles = am.roles ?? [];
        // The one deliberate mention: the role set with /alerts mention, alone in an alert's content.
        if (
          roles.length > 0 &&
          !(roles.length === 1 && roles[0] === roleId && body.content === `<@&${roleId}>`)
        ) {
          bad.push(
            `${where}: allowed_mentions.roles ${JSON.stringify(roles)} with ${JSON.stringify(body.content)}`,
          );
        }
      }
      for (const { where: part, text } of renderedTexts(body)) {
        for (const p of problems(text)) bad.push(`${where} ${part}: ${p}`);
      }
    }
    expect(messages).toBeGreaterThan(50);
    expect(bad).toEqual([]);
    expect(w.fake.violations()).toEqual([]);
  });
});
