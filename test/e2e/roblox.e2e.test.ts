// /roblox link (modal), accounts, status, default and unlink, as an admin sees them in Discord,
// against the simulator and the real bot process. The cookie never leaves: not in a reply, a
// REST payload to Discord, or a log line.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const OTHER_GUILD = "999999999999999991";

let w: World;

beforeAll(async () => {
  // The parent account is already linked in another server (shared-cookie warning).
  w = await startWorld({ link: [{ robloxId: SEED.parent.id, guildId: OTHER_GUILD }] });
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

interface Fields {
  cookie: string;
  tracker?: string;
  label?: string;
}

/** /roblox link → the modal → submit it; returns the final (ephemeral) reply. */
async function link(fields: Fields): Promise<FakeMessage> {
  const shown = await w.fake.runCommand({ name: "roblox", subcommand: "link" });
  await shown.waitForModal();
  const submit = await w.fake.submitModal({
    customId: "roblox-link",
    from: shown,
    fields: { tracker: "", label: "", ...fields },
  });
  return submit.waitForFinal({ timeoutMs: 15_000 });
}

/** The custom id of the button with this label on a message. */
function buttonId(m: FakeMessage, label: string): string {
  const b = m.components.flatMap((r) => r.components ?? []).find((c) => c.label === label);
  if (!b?.custom_id) throw new Error(`no "${label}" button on the message`);
  return b.custom_id;
}

const accountsOf = (guildId = w.guildId) => w.withStore((s) => s.accounts.list(guildId));
const everythingSentToDiscord = () => JSON.stringify(w.fake.requests);

describe("/roblox link", () => {
  it("opens the roblox-link modal: cookie (required paragraph), tracker and label (optional, ≤ 32)", async () => {
    const h = await w.fake.runCommand({ name: "roblox", subcommand: "link" });
    const modal = await h.waitForModal();
    expect(modal.custom_id).toBe("roblox-link");
    const inputs = (modal.components as Array<{ component: Record<string, unknown> }>).map(
      (c) => c.component,
    );
    const byId = Object.fromEntries(inputs.map((c) => [c.custom_id, c]));
    expect(Object.keys(byId)).toEqual(["cookie", "tracker", "label"]);
    expect(byId.cookie).toMatchObject({ type: 4, style: 2, required: true });
    expect(byId.tracker).toMatchObject({ type: 4, required: false });
    expect(byId.label).toMatchObject({ type: 4, required: false, max_length: 32 });
  });

  it("a cookie Roblox refuses: 'not accepted', nothing stored, and the canary never leaves", async () => {
    const tag = randomBytes(6).toString("hex");
    const canary = `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${tag}-COOKIE`;
    const trackerCanary = `CreateDate=1/1/2025&rbxid=1&browserid=7${tag.replace(/\D/g, "")}&canary=TRK${tag}`;
    w.sim.control.clearLog();
    const reply = visibleText(await link({ cookie: canary, tracker: trackerCanary, label: "canary" }));
    expect(reply).toMatch(/cookie/i);
    expect(reply).toContain("not accepted");
    expect(await accountsOf()).toEqual([]);
    // Roblox was asked exactly once (users authenticated) and said 401.
    expect(w.sim.log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      "GET /users/v1/users/authenticated 401",
    ]);
    for (const secret of [tag, `TRK${tag}`]) {
      expect(everythingSentToDiscord()).not.toContain(secret);
      expect(w.logs()).not.toContain(secret);
    }
  });

  it("a value that is not a cookie is refused without asking Roblox", async () => {
    w.sim.control.clearLog();
    const reply = visibleText(await link({ cookie: "hello there" }));
    expect(reply).toContain("not accepted");
    expect(reply).toContain("_|WARNING:");
    expect(w.sim.log).toEqual([]);
    expect(await accountsOf()).toEqual([]);
  });

  it("a valid cookie: name, id and avatar; stored encrypted with its tracker; audited", async () => {
    const m = await link({ cookie: `  ${SEED.child.cookie}\n`, tracker: SEED.child.tracker, label: "Kiddo" });
    const text = visibleText(m);
    expect(text).toContain("Linked **Kid** (@KidAccount, id 1001)");
    expect(m.ephemeral).toBe(true);
    expect(m.embeds[0]?.thumbnail?.url).toMatch(/^https?:\/\//);
    expect(text).not.toMatch(/another server/);
    const [a] = await accountsOf();
    expect(a).toMatchObject({ robloxId: "1001", robloxName: "KidAccount", label: "Kiddo", isDefault: true });
    expect(a?.health.state).toBe("ok");
    expect(a?.linkedBy).toBe(w.fake.world.people.admin.user.id);
    expect(a?.cookie).not.toContain("SIMCOOKIE");
    const secrets = await w.withStore((s) => s.accounts.secrets(w.guildId, "1001"));
    expect(secrets).toEqual({ cookie: SEED.child.cookie, tracker: SEED.child.tracker });
    expect(everythingSentToDiscord()).not.toContain("SIMCOOKIE1001");
    expect(w.logs()).not.toContain("SIMCOOKIE1001");
    const audit = await w.runText({ name: "audit" });
    expect(audit).toMatch(/roblox\.link.*Kiddo \(@KidAccount\)/);
    expect(audit).toContain(`<@${w.fake.world.people.admin.user.id}>`);
  });

  it("/roblox accounts lists it: default marked, label, linked by whom and when (no Roblox call)", async () => {
    w.sim.control.clearLog();
    const text = await w.runText({ name: "roblox", subcommand: "accounts" });
    expect(w.sim.log).toEqual([]);
    expect(text).toContain("⭐ Kiddo — Kid (@KidAccount)");
    expect(text).toContain("id 1001 · **default**");
    expect(text).toMatch(new RegExp(`linked by <@${w.fake.world.people.admin.user.id}> <t:\\d+:R>`));
    expect(text).toContain("cookie works");
  });

  it("/roblox status: the cookie works, no restriction; then a screen-time lock with its end", async () => {
    let text = await w.runText({ name: "roblox", subcommand: "status" });
    expect(text).toContain("Cookie\nWorks");
    expect(text).toContain("Restriction\nNone");
    expect(text).toContain("Given (RBXEventTrackerV2)");
    const end = new Date(Date.now() + 3_600_000);
    w.sim.control.startRestriction({ userId: SEED.child.id, source: 2, endTime: end.toISOString() });
    try {
      text = await w.runText({ name: "roblox", subcommand: "status", options: { account: "Kiddo" } });
      expect(text).toContain(`Screen-time lock until <t:${Math.floor(end.getTime() / 1000)}:f>`);
      expect(text).toContain("Restricted right now");
    } finally {
      w.sim.control.endRestriction(SEED.child.id);
    }
  });

  it("a dead cookie shows in status; re-linking replaces it in place and keeps the label", async () => {
    const fresh = w.sim.control.issueCookie(SEED.child.id); // the stored cookie stops working
    let text = await w.runText({ name: "roblox", subcommand: "status" });
    expect(text).toContain("Not accepted by Roblox any more");
    expect((await accountsOf())[0]?.health.state).toBe("dead");

    text = visibleText(await link({ cookie: fresh }));
    expect(text).toContain("Re-linked **Kid**");
    const all = await accountsOf();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ robloxId: "1001", label: "Kiddo", health: { state: "ok" } });
    expect(await w.withStore((s) => s.accounts.secrets(w.guildId, "1001"))).toEqual({
      cookie: fresh,
      tracker: SEED.child.tracker,
    });
    text = await w.runText({ name: "roblox", subcommand: "status" });
    expect(text).toContain("Cookie\nWorks");
  });

  it("Roblox rotates the cookie while checking it: the new cookie is the one stored", async () => {
    w.sim.control.rotateCookie(SEED.child.id); // the next answer sets a new cookie; this one dies
    const pasted = String(w.sim.control.cookieOf(SEED.child.id));
    expect(visibleText(await link({ cookie: pasted }))).toContain("Re-linked **Kid**");
    const rotated = w.sim.control.cookieOf(SEED.child.id);
    expect(rotated).not.toBe(pasted);
    expect((await w.withStore((s) => s.accounts.secrets(w.guildId, "1001")))?.cookie).toBe(rotated);
    expect(await w.runText({ name: "roblox", subcommand: "status" })).toContain("Cookie\nWorks");
  });

  it("linking while the account is locked: 'locked until <end>; link again after that', nothing stored", async () => {
    const u = w.sim.control.createUser({ name: "LockedKid", displayName: "Locked" });
    const end = new Date(Date.now() + 2 * 3_600_000);
    w.sim.control.startRestriction({ userId: u.id, source: 2, endTime: end.toISOString() });
    const text = visibleText(await link({ cookie: u.cookie }));
    expect(text).toContain(`locked until <t:${Math.floor(end.getTime() / 1000)}:f>`);
    expect(text).toContain("link again after that");
    expect((await accountsOf()).map((a) => a.robloxId)).toEqual(["1001"]);
  });

  it("an account another server has linked: linked here too, with a warning about cookie rotation", async () => {
    const text = visibleText(await link({ cookie: SEED.parent.cookie, label: "Mum" }));
    expect(text).toContain("Linked **Parent** (@ParentAccount, id 1002)");
    expect(text).toContain("also linked in another server");
    expect(text).toContain("Roblox may rotate the cookie and break the other link");
    expect(text).toContain("No RBXEventTrackerV2 cookie was given");
    expect((await accountsOf()).map((a) => [a.robloxId, a.isDefault])).toEqual([
      ["1001", true],
      ["1002", false],
    ]);
    expect((await accountsOf(OTHER_GUILD)).map((a) => a.robloxId)).toEqual(["1002"]);
  });
});

describe("/roblox default and unlink", () => {
  it("/roblox default moves the default; /roblox accounts shows it", async () => {
    const text = await w.runText({ name: "roblox", subcommand: "default", options: { account: "Mum" } });
    expect(text).toContain("**Parent (@ParentAccount)** is now the default account");
    const list = await w.runText({ name: "roblox", subcommand: "accounts" });
    expect(list).toContain("⭐ Mum — Parent (@ParentAccount)");
    expect(list).not.toContain("⭐ Kiddo");
    expect(
      await w.runText({ name: "roblox", subcommand: "default", options: { account: "nobody" } }),
    ).toContain("No linked account matches “nobody”");
    expect(await w.runText({ name: "audit", options: { limit: 1 } })).toMatch(/roblox\.default.*Mum/);
  });

  it("unlink asks first: Cancel changes nothing", async () => {
    const prompt = await w.run({ name: "roblox", subcommand: "unlink", options: { account: "Kiddo" } });
    const text = visibleText(prompt);
    expect(text).toContain("Unlink **Kid (@KidAccount)**");
    expect(text).toContain("Confirm");
    expect(text).toContain("Cancel");
    const id = buttonId(prompt, "Cancel");
    const click = await w.fake.clickButton({ message: prompt, customId: id });
    expect(visibleText(await click.waitForFinal())).toContain("Cancelled; nothing was changed.");
    expect((await accountsOf()).map((a) => a.robloxId)).toEqual(["1001", "1002"]);
  });

  it("unlink with Confirm removes the account and its cookie, and audits it", async () => {
    const prompt = await w.run({ name: "roblox", subcommand: "unlink", options: { account: "Kiddo" } });
    const id = buttonId(prompt, "Confirm");
    w.sim.control.clearLog();
    const click = await w.fake.clickButton({ message: prompt, customId: id });
    const done = visibleText(await click.waitForFinal());
    expect(done).toContain("Unlinked **Kid (@KidAccount)**; its cookie was deleted.");
    expect(w.sim.log).toEqual([]);
    expect((await accountsOf()).map((a) => a.robloxId)).toEqual(["1002"]);
    await expect(w.withStore((s) => s.accounts.secrets(w.guildId, "1001"))).rejects.toThrow(
      /no linked account/,
    );
    const audit = await w.runText({ name: "audit", options: { limit: 1 } });
    expect(audit).toContain("roblox.unlink");
    expect(audit).toContain("account 1001 (unlinked)");
  });

  it("after the last account is unlinked: 'No Roblox account is linked'", async () => {
    const prompt = await w.run({ name: "roblox", subcommand: "unlink" });
    expect(visibleText(prompt)).toContain("Unlink **Parent (@ParentAccount)**");
    const id = buttonId(prompt, "Confirm");
    await (await w.fake.clickButton({ message: prompt, customId: id })).waitForFinal();
    expect(await accountsOf()).toEqual([]);
    expect(await w.runText({ name: "roblox", subcommand: "accounts" })).toContain(
      "No Roblox account is linked",
    );
    expect(await w.runText({ name: "roblox", subcommand: "status" })).toContain(
      "No Roblox account is linked",
    );
    expect(await w.runText({ name: "roblox", subcommand: "unlink" })).toContain(
      "No Roblox account is linked",
    );
  });

  it("Discord saw nothing it would refuse, and no cookie in anything the bot sent", () => {
    expect(w.fake.violations()).toEqual([]);
    for (const secret of ["SIMCOOKIE", SEED.child.tracker, SEED.parent.tracker]) {
      expect(everythingSentToDiscord()).not.toContain(secret);
      expect(w.logs()).not.toContain(secret);
    }
  });
});

describe("a member whose Discord speaks pt-BR", () => {
  it("the link form, a refusal, link, accounts, status, default and unlink answer in Portuguese", async () => {
    const locale = "pt-BR";
    const texts: string[] = [];
    const say = (m: FakeMessage) => {
      const text = visibleText(m);
      texts.push(text);
      return text;
    };
    const linkPt = async (fields: Fields) => {
      const shown = await w.fake.runCommand({ name: "roblox", subcommand: "link", locale });
      const modal = await shown.waitForModal();
      const labels = modal.components as Array<{ label: string; description?: string }>;
      texts.push(String(modal.title), ...labels.flatMap((l) => [l.label, l.description ?? ""]));
      const submit = await w.fake.submitModal({
        customId: "roblox-link",
        from: shown,
        fields: { tracker: "", label: "", ...fields },
        locale,
      });
      return say(await submit.waitForFinal({ timeoutMs: 15_000 }));
    };

    expect(await linkPt({ cookie: "hello there" })).toContain(
      "Isso não é um cookie .ROBLOSECURITY (ele sempre começa com `_|WARNING:`), então não foi aceito. Nada foi guardado.",
    );
    const cookie = String(w.sim.control.cookieOf(SEED.child.id));
    expect(await linkPt({ cookie, tracker: SEED.child.tracker, label: "Kiddo" })).toContain(
      "Conta **Kid** (@KidAccount, ID 1001) vinculada. O cookie é guardado criptografado.",
    );
    expect(say(await w.run({ name: "roblox", subcommand: "accounts", locale }))).toContain(
      "Contas Roblox vinculadas (1)",
    );
    const status = say(await w.run({ name: "roblox", subcommand: "status", locale }));
    expect(status).toContain("Restrição\nNenhuma");
    expect(
      say(await w.run({ name: "roblox", subcommand: "default", options: { account: "Kiddo" }, locale })),
    ).toBe("**Kid (@KidAccount)** já é a conta padrão.");

    const prompt = await w.run({ name: "roblox", subcommand: "unlink", locale });
    expect(say(prompt)).toContain("Desvincular **Kid (@KidAccount)** (ID 1001)?");
    const [confirm] = prompt.components.flatMap((r) => r.components ?? []);
    if (!confirm?.custom_id) throw new Error("no confirm button on the unlink prompt");
    const click = await w.fake.clickButton({ message: prompt, customId: confirm.custom_id, locale });
    expect(say(await click.waitForFinal())).toContain(
      "**Kid (@KidAccount)** foi desvinculada; o cookie dela foi apagado.",
    );
    expect(await accountsOf()).toEqual([]);

    // "cookie" is the word every locale file uses for it (like .ROBLOSECURITY, a name that stays as it is).
    expect(englishIn(texts, [...(COGNATES["pt-BR"] ?? []), "cookie", "Cookie"])).toEqual([]);
  });
});
