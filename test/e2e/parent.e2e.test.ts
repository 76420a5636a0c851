// /parent end to end: the real bot (discord.js) against the fake Discord and the simulator. A
// parent's own cookie is linked through the roblox-parent-link modal, its children are listed,
// a child's request posts one parent-requests alert, Approve/Deny answer it once, and a plain
// member is refused everywhere. The parent cookie never reaches Discord or a log line.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;
const PARENT = SEED.parent.id;
let w: World;

beforeAll(async () => {
  w = await startWorld({
    link: [{ robloxId: KID, label: "kid" }],
    alertChannel: true,
    pollIntervalSeconds: 1,
  });
  // Server Settings → Integrations: the plain member sees /parent, so the bot's own check is tested
  w.fake.allowCommand("parent", w.fake.world.people.member.user.id);
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

async function link(fields: { cookie: string; label?: string }): Promise<FakeMessage> {
  const shown = await w.fake.runCommand({ name: "parent", subcommand: "link" });
  await shown.waitForModal();
  const submit = await w.fake.submitModal({
    customId: "roblox-parent-link",
    from: shown,
    fields: { label: "", ...fields },
  });
  return submit.waitForFinal({ timeoutMs: 15_000 });
}

function buttons(m: FakeMessage) {
  return m.components.flatMap((r) =>
    ((r.components as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
      label: String(c.label),
      id: String(c.custom_id),
      disabled: c.disabled === true,
    })),
  );
}
const buttonId = (m: FakeMessage, label: string) => {
  const b = buttons(m).find((x) => x.label === label && !x.disabled);
  if (!b) throw new Error(`no enabled "${label}" in ${JSON.stringify(buttons(m))}`);
  return b.id;
};
const click = (m: FakeMessage, customId: string, user: "admin" | "member" = "admin") =>
  w.fake.clickButton({ message: m, customId, user });
/** Answers Roblox processed (not the tries refused for a stale CSRF token). */
const answers = (id: string) =>
  w.sim.log.filter(
    (e) => e.method === "POST" && !e.csrfRejected && e.path.endsWith(`/consent-request/${id}`),
  );
const consentReads = () =>
  w.sim.log.filter((e) => e.path.includes("/parental-controls/consents") && e.userId === PARENT);
const approvalAlerts = () =>
  w.fake.messages("alerts").filter((m) => (m.embeds[0]?.title ?? "").includes("asks for approval"));

describe("/parent link", () => {
  it("the modal has cookie (required) and label; a refused cookie is 'not accepted'; the canary never leaves", async () => {
    const h = await w.fake.runCommand({ name: "parent", subcommand: "link" });
    const modal = await h.waitForModal();
    expect(modal.custom_id).toBe("roblox-parent-link");
    const inputs = (modal.components as Array<{ component: Record<string, unknown> }>).map(
      (c) => c.component,
    );
    expect(inputs.map((c) => c.custom_id)).toEqual(["cookie", "label"]);
    expect(inputs[0]).toMatchObject({ style: 2, required: true });

    const tag = randomBytes(6).toString("hex");
    const reply = visibleText(await link({ cookie: `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${tag}-PARENT` }));
    expect(reply).toContain("not accepted");
    expect(JSON.stringify(w.fake.requests)).not.toContain(tag);
    expect(w.logs()).not.toContain(tag);
    expect(await w.withStore((s) => s.parents.list(w.guildId))).toEqual([]);
  });

  it("a login with no linked child is refused, nothing stored", async () => {
    const stranger = w.sim.control.issueCookie(4001);
    expect(visibleText(await link({ cookie: stranger }))).toContain("lists no child");
    expect(await w.withStore((s) => s.parents.list(w.guildId))).toEqual([]);
  });

  it("the parent's cookie: linked with its children, sealed, never shown, audited", async () => {
    const text = visibleText(await link({ cookie: SEED.parent.cookie, label: "Mum" }));
    expect(text).toContain("Linked the parent account Mum — Parent (@ParentAccount)");
    expect(text).toContain("**Kid** (@KidAccount)");
    const stored = await w.withStore((s) => s.parents.list(w.guildId));
    expect(stored.map((p) => [p.robloxId, p.label, p.children.map((c) => c.userId)])).toEqual([
      [String(PARENT), "Mum", [String(KID)]],
    ]);
    expect(stored[0]!.cookie).not.toContain("SIMCOOKIE");
    // the canary: the parent's cookie (its unique tail) reached neither Discord nor a log line
    expect(JSON.stringify(w.fake.requests)).not.toContain(`SIMCOOKIE${PARENT}`);
    expect(w.logs()).not.toContain(`SIMCOOKIE${PARENT}`);
    const audit = await w.withStore((s) => s.audit.list(w.guildId));
    expect(JSON.stringify(audit)).toContain("parent.link");
  });
});

describe("/parent children and the parent-requests alert", () => {
  it("children: name, screen-time limit, today's minutes and the week's chart through the parent's cookie", async () => {
    const m = await w.run({ name: "parent", subcommand: "children" });
    expect(m.ephemeral).toBe(true);
    expect(Object.values(m.files).map((f) => f.filename)).toEqual([`child-${KID}.png`]);
    expect(String((m.embeds[0]?.image as { url?: string } | undefined)?.url)).toMatch(/\/child-1001\.png$/);
    const text = visibleText(m);
    expect(text).toContain("Kid");
    expect(text).toContain("@KidAccount");
    expect(text).toContain("Today: **1 h 35 min**");
    expect(text).toContain("Daily limit: **2 h 00 min**");
  });

  it("a new request posts one alert; a member's Approve is refused; Approve grants it once; a second click says already", async () => {
    // the first reading of the parent is a baseline: wait for it (and one more) before asking
    const before = consentReads().length;
    await w.fake.waitFor(() => consentReads().length >= before + 2, 15_000, "two parent polls");
    const zed = w.sim.control.createUser({ name: "ZedName", displayName: "Zed" });
    const { id } = w.sim.control.requestConsent({ childUserId: KID, kind: "trusted", targetUserId: zed.id });
    const alert = await w.fake.waitForMessage(
      "alerts",
      (m) => (m.embeds[0]?.title ?? "").includes("asks for approval"),
      15_000,
    );
    expect(visibleText(alert)).toContain(
      "**Kid** (@KidAccount) wants to add trusted connection **Zed** (@ZedName)",
    );
    const reads = consentReads().length;
    await w.fake.waitFor(() => consentReads().length >= reads + 2, 15_000, "two more polls");
    expect(approvalAlerts()).toHaveLength(1);

    const refused = await click(alert, buttonId(alert, "Approve"), "member");
    expect(String((await refused.waitForResponse()).data?.content)).toContain("permission");
    await new Promise((r) => setTimeout(r, 200));
    expect(answers(id)).toHaveLength(0);

    // two admins click at once: one Roblox call; the other is told "already"
    const approve = buttonId(alert, "Approve");
    const [a, b] = await Promise.all([click(alert, approve), click(alert, approve)]);
    const admin = w.fake.world.people.admin.user.id;
    const done = await a.waitForFinal();
    await b.waitForFinal();
    expect(visibleText(done)).toMatch(new RegExp(`Approved by <@${admin}> <t:\\d+:R>`));
    expect(buttons(done).every((x) => x.disabled)).toBe(true);
    expect(w.sim.state.isTrusted(KID, zed.id)).toBe(true);
    const told = await w.fake.waitFor(
      () => {
        const all = [...a.followUps(), ...b.followUps()];
        return all.length > 0 ? all.map((m) => m.content) : undefined;
      },
      5_000,
      "the second click's answer",
    );
    await new Promise((r) => setTimeout(r, 200));
    expect([...a.followUps(), ...b.followUps()]).toHaveLength(1);
    expect(told[0]).toContain("already approved");
    expect(answers(id)).toHaveLength(1);
    expect(approvalAlerts()).toHaveLength(1);
  });

  it("/parent requests lists a pending request with Deny; Deny answers once; a second click says already", async () => {
    const { id } = w.sim.control.requestConsent({ childUserId: KID, kind: "setting", minutes: 300 });
    const list = await w.run({ name: "parent", subcommand: "requests" });
    const stale = await w.run({ name: "parent", subcommand: "requests" }); // a second, older view
    expect(visibleText(list)).toContain("wants to change a setting: daily screen-time limit to **300 min**");
    const denied = await (await click(list, buttonId(list, "Deny"))).waitForFinal();
    expect(visibleText(denied)).toContain("Denied by");
    expect(w.sim.control.consentOf(id)?.status).toBe("Denied");
    expect(w.sim.state.screenTimeOf(KID).dailyLimit).toBe(SEED.child.dailyLimit);
    const again = await click(stale, buttonId(stale, "Deny"));
    expect((await again.waitForFollowUp()).content).toContain("already denied");
    expect(answers(id)).toHaveLength(1);
    expect(await w.runText({ name: "parent", subcommand: "requests" })).not.toContain("300 min");
  });

  it("a pt-BR member: /parent replies, the link form, an error and Deny in Portuguese, no English left", async () => {
    const pt = { locale: "pt-BR" };
    const texts: string[] = [];
    const mum = "Mum — Parent (@ParentAccount)";

    const form = await (
      await w.fake.runCommand({ name: "parent", subcommand: "link", ...pt })
    ).waitForModal();
    expect(form.title).toBe("Vincular a conta Roblox de um responsável");
    texts.push(String(form.title), JSON.stringify(form.components));

    const kids = await w.run({ name: "parent", subcommand: "children", ...pt });
    expect(kids.content).toBe(`Crianças vinculadas à conta de responsável ${mum}:`);
    texts.push(visibleText(kids));

    w.sim.control.requestConsent({ childUserId: KID, kind: "setting", minutes: 200 });
    const list = await w.run({ name: "parent", subcommand: "requests", ...pt });
    expect(list.content).toBe(`1 solicitação aguarda a conta de responsável ${mum}.`);
    texts.push(visibleText(list));
    const stale = await w.run({ name: "parent", subcommand: "requests", ...pt });
    const denied = await (
      await w.fake.clickButton({ message: list, customId: buttonId(list, "Negar"), user: "admin", ...pt })
    ).waitForFinal();
    expect(visibleText(denied)).toContain("⛔ Negada por");
    texts.push(visibleText(denied));
    const again = await w.fake.clickButton({
      message: stale,
      customId: buttonId(stale, "Negar"),
      user: "admin",
      ...pt,
    });
    const told = String((await again.waitForFollowUp()).content);
    expect(told).toMatch(/^Essa solicitação já foi negada por <@\d+> <t:\d+:R>; nada mudou\.$/);
    texts.push(told);

    const none = await w.runText({ name: "parent", subcommand: "requests", ...pt });
    expect(none).toBe(`Nenhuma solicitação aguarda a conta de responsável ${mum}.`);
    texts.push(none);

    const wrong = await w.runText({
      name: "parent",
      subcommand: "children",
      options: { account: "Ninguém" },
      ...pt,
    });
    expect(wrong).toContain("Nenhuma conta de responsável vinculada corresponde a “Ninguém”.");
    texts.push(wrong);

    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  });

  it("Approve on an alert in a German server: the alert's outcome line in German, the pt-BR clicker's 'already' in Portuguese", async () => {
    await w.run({ name: "alerts", subcommand: "language", options: { language: "de" } });
    try {
      const before = approvalAlerts().length;
      w.sim.control.requestConsent({ childUserId: KID, kind: "setting", minutes: 240 });
      const alert = await w.fake.waitForMessage(
        "alerts",
        (m) => (m.embeds[0]?.title ?? "") === "Ein Kind bittet um Zustimmung",
        15_000,
      );
      expect(approvalAlerts()).toHaveLength(before);
      const approve = buttonId(alert, "Zustimmen");
      const pt = { user: "admin" as const, locale: "pt-BR" };
      const [a, b] = await Promise.all([
        w.fake.clickButton({ message: alert, customId: approve, ...pt }),
        w.fake.clickButton({ message: alert, customId: approve, ...pt }),
      ]);
      const done = await a.waitForFinal();
      await b.waitForFinal();
      expect(visibleText(done)).toMatch(/✅ Zugestimmt von <@\d+> <t:\d+:R>/);
      const told = await w.fake.waitFor(
        () => [...a.followUps(), ...b.followUps()].map((m) => String(m.content))[0],
        5_000,
        "the second click's answer",
      );
      expect(told).toMatch(/^Essa solicitação já foi aprovada por <@\d+> <t:\d+:R>; nada mudou\.$/);
    } finally {
      await w.run({ name: "alerts", subcommand: "language", options: { language: "en-US" } });
    }
  });

  it("a plain member is refused on every /parent row, with no Roblox request", async () => {
    for (const sub of ["link", "unlink", "children", "requests", "block", "unblock"]) {
      w.sim.control.clearLog();
      const options: Record<string, string> = sub.endsWith("block") ? { user: "2001" } : {};
      const h = await w.fake.runCommand({ name: "parent", subcommand: sub, options, user: "member" });
      const r = await h.waitForResponse();
      expect(String(r.data?.content), sub).toContain("permission");
      expect(
        w.sim.log.filter((e) => e.userId === PARENT && !e.path.includes("/consents")),
        sub,
      ).toEqual([]);
    }
  });

  it("unlink asks Confirm/Cancel (a member's Confirm is refused); Confirm deletes the cookie", async () => {
    const prompt = await w.run({ name: "parent", subcommand: "unlink" });
    expect(buttons(prompt).map((b) => b.label)).toEqual(["Confirm", "Cancel"]);
    const refused = await click(prompt, buttonId(prompt, "Confirm"), "member");
    expect(String((await refused.waitForResponse()).data?.content)).toContain("permission");
    expect(await w.withStore((s) => s.parents.list(w.guildId))).toHaveLength(1);
    const done = await (await click(prompt, buttonId(prompt, "Confirm"))).waitForFinal();
    expect(visibleText(done)).toContain("its cookie was deleted");
    expect(await w.withStore((s) => s.parents.list(w.guildId))).toEqual([]);
    expect(await w.runText({ name: "parent", subcommand: "children" })).toContain(
      "No parent account is linked",
    );
  });
});

describe("a child linked only through a parent", () => {
  let v: World;
  beforeAll(async () => {
    v = await startWorld();
  }, 60_000);
  afterAll(async () => {
    await v?.stop();
  });

  it("child-side commands say plainly they need the child's own cookie; the parent side works", async () => {
    const shown = await v.fake.runCommand({ name: "parent", subcommand: "link" });
    await shown.waitForModal();
    const linked = await v.fake.submitModal({
      customId: "roblox-parent-link",
      from: shown,
      fields: { cookie: SEED.parent.cookie, label: "" },
    });
    expect(visibleText(await linked.waitForFinal({ timeoutMs: 15_000 }))).toContain(
      "Linked the parent account",
    );
    // what needs the child's own session says so plainly, with the option naming the child too
    const needsChild: { name: string; subcommand?: string; options?: Record<string, string | number> }[] = [
      { name: "friends", subcommand: "count" },
      { name: "friends", subcommand: "list" },
      { name: "friends", subcommand: "online" },
      { name: "requests", subcommand: "list" },
      { name: "requests", subcommand: "count" },
      { name: "presence", options: { account: "KidAccount" } },
      { name: "restrictions" },
      { name: "screentime", subcommand: "add", options: { minutes: 15, account: "KidAccount" } },
    ];
    for (const c of needsChild) {
      const what = `/${c.name} ${c.subcommand ?? ""}`;
      const text = await v.runText(c);
      expect(text, what).toContain("No Roblox account is linked");
      expect(text, what).toContain("child's own cookie");
    }
    expect(await v.runText({ name: "parent", subcommand: "children" })).toContain("Today: **1 h 35 min**");
  });

  it("/screentime show reads the week, the chart and the limit with the parent's cookie, and says so", async () => {
    const before = v.sim.log.length;
    for (const account of [undefined, "KidAccount", "kid", "1001"]) {
      const m = await v.run({
        name: "screentime",
        subcommand: "show",
        ...(account ? { options: { account } } : {}),
      });
      const text = visibleText(m);
      expect(text, account).toContain("Read through the parent account Parent (@ParentAccount).");
      expect(text, account).toContain("Screen time of KidAccount");
      expect(text, account).toContain("Today: **1 h 35 min** of **2 h 00 min** (79 %)");
      expect(Object.values(m.files).map((f) => f.filename)).toEqual(["screentime.png"]);
    }
    const calls = v.sim.log.slice(before);
    expect(
      calls.some((e) => e.path.includes(`get-weekly-screentime?userId=${KID}`) && e.userId === PARENT),
    ).toBe(true);
    expect(
      calls.some((e) => e.path.includes(`child-settings?childUserId=${KID}`) && e.userId === PARENT),
    ).toBe(true);
    // nothing was asked with the child's own session: the bot has none
    expect(calls.every((e) => e.userId !== KID)).toBe(true);
    expect(
      await v.runText({ name: "screentime", subcommand: "show", options: { account: "nobody" } }),
    ).toContain("no child of a linked parent account matches “nobody”");
  });

  it("/screentime limit changes the limit through grant-consent and says so; audited", async () => {
    const text = await v.runText({ name: "screentime", subcommand: "limit", options: { minutes: 45 } });
    expect(text).toContain("Daily limit changed");
    expect(text).toContain("**KidAccount** may now play **45 min** a day.");
    expect(text).toContain("Changed through the parent account Parent (@ParentAccount).");
    expect(v.sim.state.screenTimeOf(KID).dailyLimit).toBe(45);
    const grants = v.sim.log.filter(
      (e) => e.method === "POST" && !e.csrfRejected && e.path.endsWith("/grant-consent"),
    );
    expect(grants.map((e) => e.userId)).toEqual([PARENT]);
    const audit = JSON.stringify(await v.withStore((s) => s.audit.list(v.guildId)));
    expect(audit).toContain("screentime.limit");
    expect(audit).toContain("through the parent account");
    // Roblox unlinks the parent from the child: the refusal is said plainly, nothing changes
    v.sim.state.parentLinks.get(PARENT)?.delete(KID);
    try {
      const refused = await v.runText({ name: "screentime", subcommand: "limit", options: { minutes: 30 } });
      expect(refused).toContain("no longer linked to this child");
      expect(v.sim.state.screenTimeOf(KID).dailyLimit).toBe(45);
    } finally {
      v.sim.control.linkParent(PARENT, KID);
    }
  });

  it("/parent block and unblock act for the child through grant-consent (ManageFriend), audited", async () => {
    const FRIEND = SEED.friendIds[1] as number;
    const blocked = await v.runText({
      name: "parent",
      subcommand: "block",
      options: { user: String(FRIEND), child: "KidAccount" },
    });
    expect(blocked).toContain(`Blocked **Pal${FRIEND}** (@Friend${FRIEND}) for **KidAccount**`);
    expect(blocked).toContain("through the parent account Parent (@ParentAccount): Roblox accepted it.");
    expect(v.sim.state.isBlocked(KID, FRIEND)).toBe(true);
    expect(v.sim.state.areFriends(KID, FRIEND)).toBe(false);
    const unblocked = await v.runText({
      name: "parent",
      subcommand: "unblock",
      options: { user: `Friend${FRIEND}` },
    });
    expect(unblocked).toContain(`Unblocked **Pal${FRIEND}** (@Friend${FRIEND}) for **KidAccount**`);
    expect(v.sim.state.isBlocked(KID, FRIEND)).toBe(false);
    expect(
      await v.runText({ name: "parent", subcommand: "block", options: { user: "2001", child: "nobody" } }),
    ).toContain("has no child “nobody”");
    const audit = JSON.stringify(await v.withStore((s) => s.audit.list(v.guildId)));
    expect(audit).toContain("parent.block");
    expect(audit).toContain("parent.unblock");
  });
});

describe("a child linked both ways (its own cookie and a parent link)", () => {
  let u: World;
  const OTHER = SEED.friendIds[0] as number; // a second child, linked only through the parent
  beforeAll(async () => {
    u = await startWorld({ link: [{ robloxId: KID, label: "kid" }] });
    u.sim.control.linkParent(PARENT, OTHER);
    const shown = await u.fake.runCommand({ name: "parent", subcommand: "link" });
    await shown.waitForModal();
    const linked = await u.fake.submitModal({
      customId: "roblox-parent-link",
      from: shown,
      fields: { cookie: SEED.parent.cookie, label: "" },
    });
    expect(visibleText(await linked.waitForFinal({ timeoutMs: 15_000 }))).toContain(
      "Linked the parent account",
    );
  }, 60_000);
  afterAll(async () => {
    await u?.stop();
  });
  const since = (n: number) => u.sim.log.slice(n).filter((e) => !e.csrfRejected);

  it("show and limit take the child's own account first, with no word about the parent", async () => {
    const n = u.sim.log.length;
    const shown = await u.runText({ name: "screentime", subcommand: "show" });
    expect(shown).toContain("Screen time of KidAccount");
    expect(shown).not.toContain("parent account");
    const limit = await u.runText({ name: "screentime", subcommand: "limit", options: { minutes: 100 } });
    expect(limit).toContain("may now play **1 h 40 min** a day.");
    expect(limit).not.toContain("parent account");
    expect(u.sim.state.screenTimeOf(KID).dailyLimit).toBe(100);
    expect(since(n).every((e) => e.userId === KID)).toBe(true);
  });

  it("a limit Roblox refuses to the child (parent-managed) is made through the parent, and the reply says so", async () => {
    u.sim.control.setModes({ parentManagedSettings: "parent" });
    try {
      const n = u.sim.log.length;
      const text = await u.runText({ name: "screentime", subcommand: "limit", options: { minutes: 50 } });
      expect(text).toContain("Roblox refused this to the child's own account:");
      expect(text).toContain("Changed through the parent account Parent (@ParentAccount) instead.");
      expect(text).toContain("**KidAccount** may now play **50 min** a day.");
      expect(u.sim.state.screenTimeOf(KID).dailyLimit).toBe(50);
      const calls = since(n).filter((e) => e.method === "POST");
      const own = calls.filter((e) => e.path.endsWith("/user-settings-api/v1/user-settings"));
      expect(own.map((e) => [e.userId, e.status])).toEqual([[KID, 403]]);
      const grants = calls.filter((e) => e.path.endsWith("/grant-consent"));
      expect(grants.map((e) => [e.userId, e.status])).toEqual([[PARENT, 200]]);
      // reading is not parent-managed: still the child's own account
      const before = u.sim.log.length;
      expect(await u.runText({ name: "screentime", subcommand: "show" })).not.toContain("parent account");
      const reads = since(before);
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.every((e) => e.userId === KID)).toBe(true);
    } finally {
      u.sim.control.setModes({ parentManagedSettings: "self" });
    }
  });

  it("a second child known only through the parent: screen time through the parent, child-side commands need its cookie", async () => {
    const name = `Friend${OTHER}`;
    const shown = await u.runText({ name: "screentime", subcommand: "show", options: { account: name } });
    expect(shown).toContain(`Screen time of ${name}`);
    expect(shown).toContain("Read through the parent account Parent (@ParentAccount).");
    const needsChild: { name: string; subcommand?: string; options: Record<string, string | number> }[] = [
      { name: "friends", subcommand: "count", options: { account: name } },
      { name: "requests", subcommand: "list", options: { account: name } },
      { name: "presence", options: { account: name } },
      { name: "restrictions", options: { account: name } },
      { name: "screentime", subcommand: "add", options: { minutes: 15, account: name } },
    ];
    for (const c of needsChild) {
      const text = await u.runText(c);
      expect(text, `/${c.name} ${c.subcommand ?? ""}`).toContain("child's own cookie");
    }
    // a name neither side knows is still "no linked account matches"
    expect(
      await u.runText({ name: "friends", subcommand: "count", options: { account: "nobody" } }),
    ).toContain("No linked account matches");
  });

  it("the account option completes a parent link's child for /screentime only", async () => {
    const complete = async (name: string, subcommand: string) =>
      (await (await u.fake.autocomplete({ name, subcommand, focused: "account", value: "" })).choices()).map(
        (c) => c.value,
      );
    expect(await complete("screentime", "show")).toEqual(["kid", `Friend${OTHER}`]);
    expect(await complete("friends", "count")).toEqual(["kid"]);
  });

  it("the child's cookie refused by Roblox: screen time is read through the parent, and the reply says why", async () => {
    u.sim.control.expireCookie(KID);
    for (const round of ["the 401", "the dead link"]) {
      const n = u.sim.log.length;
      const text = await u.runText({ name: "screentime", subcommand: "show" });
      expect(text, round).toContain("it no longer accepts the child's cookie");
      expect(text, round).toContain("Read through the parent account Parent (@ParentAccount) instead.");
      expect(text, round).toContain("Screen time of KidAccount");
      expect(
        since(n).some((e) => e.userId === PARENT && e.path.includes(`get-weekly-screentime?userId=${KID}`)),
        round,
      ).toBe(true);
    }
    const [kid] = await u.withStore((s) => s.accounts.list(u.guildId));
    expect(kid?.health.state).toBe("dead");
    // what needs the child's own session says its cookie is dead
    expect(await u.runText({ name: "friends", subcommand: "count" })).toContain(
      "no longer accepts the cookie",
    );
  });
});
