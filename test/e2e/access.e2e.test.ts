// Who may do what (README, "Who may do what"): every admin/viewer row refuses a plain member before any Roblox
// request; /access grants roles viewer or manager; /audit shows who did what; /user lookup works
// for anyone, even without a linked account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandData } from "../../src/commands/deploy-json.js";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

let w: World;

beforeAll(async () => {
  w = await startWorld({ link: [{ robloxId: SEED.child.id, label: "kid" }] });
  // Server Settings → Integrations: let the plain member and the Viewers role see the admin
  // commands, so the bot's own check (not Discord's menu) is what is tested.
  for (const name of ["roblox", "alerts", "access", "audit", "parent"]) {
    w.fake.allowCommand(name, w.fake.world.people.member.user.id);
    w.fake.allowCommand(name, w.fake.world.roles.viewers.id);
  }
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

type Json = Record<string, unknown>;
interface Row {
  name: string;
  subcommand?: string;
  options: Record<string, string | number | boolean | { id: string }>;
  label: string;
}

/** A plausible value for a required option, by its name and type. */
function valueFor(o: Json): string | number | boolean | { id: string } {
  const choices = o.choices as Array<{ value: string | number }> | undefined;
  if (choices?.[0]) return choices[0].value;
  switch (o.type) {
    case 4:
      return Number(o.min_value ?? 1);
    case 5:
      return true;
    case 7:
      return "alerts";
    case 8:
      return { id: w.fake.world.roles.parents.id };
  }
  const byName: Record<string, string> = {
    users: "Friend2001,Friend2002",
    user: "Stranger4001",
    query: "Friend",
    token: "abcdefgh12",
    contact: "contact-4001",
    zone: "UTC",
    time: "20:00",
    account: "kid",
  };
  return byName[String(o.name)] ?? "x";
}

/** Every command and subcommand, from the registered command JSON, with its required options. */
function rows(): Row[] {
  const out: Row[] = [];
  for (const c of commandData() as unknown as Json[]) {
    const opts = (c.options as Json[] | undefined) ?? [];
    const subs = opts.filter((o) => o.type === 1);
    const make = (sub: Json | undefined, defs: Json[]) => ({
      name: String(c.name),
      ...(sub ? { subcommand: String(sub.name) } : {}),
      options: Object.fromEntries(defs.filter((o) => o.required).map((o) => [String(o.name), valueFor(o)])),
      label: `/${c.name}${sub ? ` ${sub.name}` : ""}`,
    });
    if (subs.length === 0) out.push(make(undefined, opts));
    for (const s of subs) out.push(make(s, (s.options as Json[] | undefined) ?? []));
  }
  return out;
}

/** The admin rows (everything else that touches an account needs viewer). */
const ADMIN = new Set([
  "/friends add",
  "/friends add-contact",
  "/friends remove",
  "/requests accept",
  "/requests decline",
  "/requests accept-token",
  "/requests decline-all",
  "/requests mark-seen",
  "/screentime limit",
  "/screentime add",
  "/parent link",
  "/parent unlink",
  "/parent block",
  "/parent unblock",
]);
const isAdminRow = (r: Row) => ["roblox", "alerts", "access", "audit"].includes(r.name) || ADMIN.has(r.label);
const ANYONE = new Set(["/user lookup"]);

async function runAs(user: "member" | "viewer" | "admin", r: Row): Promise<string> {
  const h = await w.fake.runCommand({ name: r.name, subcommand: r.subcommand, options: r.options, user });
  const m = await h.waitForFinal({ timeoutMs: 15_000 }).catch(async () => {
    // A modal (link) is not a message: show what was sent instead.
    const res = await h.waitForResponse();
    return { content: `callback ${res.type}`, embeds: [], components: [] } as unknown as FakeMessage;
  });
  return visibleText(m);
}

const viewersRole = () => ({ id: w.fake.world.roles.viewers.id });

describe("permissions", () => {
  it("the table has 49 rows; a plain member is refused on every admin/viewer one, with no Roblox request", async () => {
    const all = rows();
    expect(all.length).toBe(49);
    const guarded = all.filter((r) => !ANYONE.has(r.label));
    for (const r of guarded) {
      w.sim.control.clearLog();
      const text = await runAs("member", r);
      expect(text, r.label).toMatch(/permission/);
      expect(w.sim.log, `${r.label} asked Roblox`).toEqual([]);
    }
  }, 30_000);

  it("a role granted viewer: refused on admin rows only", async () => {
    await w.runText({
      name: "access",
      subcommand: "role-add",
      options: { role: viewersRole(), level: "viewer" },
    });
    const admin = rows().filter(isAdminRow);
    expect(admin.length).toBe(34); // roblox 5, friends 3, requests 5, screentime 2, alerts 11, access 3, audit 1, parent 4
    for (const r of admin) {
      w.sim.control.clearLog();
      expect(await runAs("viewer", r), r.label).toMatch(/permission/);
      expect(w.sim.log, `${r.label} asked Roblox`).toEqual([]);
    }
    // …and may run every row that reads the account (whatever Roblox then answers).
    for (const r of rows().filter((x) => !isAdminRow(x) && !ANYONE.has(x.label))) {
      expect(await runAs("viewer", r), r.label).not.toMatch(/don't have permission/);
    }
    expect(await runAs("viewer", { name: "friends", subcommand: "count", options: {}, label: "" })).toContain(
      String(SEED.friendIds.length),
    );
    // A viewer reads the linked accounts: the account option completes for them, not for a member.
    const complete = async (user: "viewer" | "member") =>
      (
        await (
          await w.fake.autocomplete({
            name: "friends",
            subcommand: "count",
            focused: "account",
            value: "",
            user,
          })
        ).choices()
      ).map((c) => c.value);
    expect(await complete("viewer")).toEqual(["kid"]);
    expect(await complete("member")).toEqual([]);
  }, 30_000);
});

describe("/access", () => {
  it("role-add manager (the default level): the role may then use /audit; list shows it", async () => {
    expect(await runAs("viewer", { name: "audit", options: {}, label: "/audit" })).toMatch(/permission/);
    const added = await w.runText({
      name: "access",
      subcommand: "role-add",
      options: { role: viewersRole() },
    });
    expect(added).toContain(`<@&${viewersRole().id}> is now **manager`);
    expect(added).toContain("(was viewer)");
    const audit = await runAs("viewer", { name: "audit", options: {}, label: "/audit" });
    expect(audit).not.toMatch(/permission/);
    expect(audit).toContain("access.role-add");
    expect(audit).toContain("Viewers");
    const list = await w.runText({ name: "access", subcommand: "list" });
    expect(list).toContain(`<@&${viewersRole().id}> — **manager**`);
    expect(list).toContain("Manage Server");
  });

  it("role-remove takes it back; a second removal changes nothing; @everyone cannot be granted", async () => {
    const removed = await w.runText({
      name: "access",
      subcommand: "role-remove",
      options: { role: viewersRole() },
    });
    expect(removed).toContain("no longer has roguard access (it was manager)");
    expect(await runAs("viewer", { name: "audit", options: {}, label: "/audit" })).toMatch(/permission/);
    expect(
      await w.runText({ name: "access", subcommand: "role-remove", options: { role: viewersRole() } }),
    ).toContain("had no roguard access; nothing changed");
    expect(await w.runText({ name: "access", subcommand: "list" })).toContain("None yet");
    const everyone = await w.runText({
      name: "access",
      subcommand: "role-add",
      options: { role: { id: w.fake.world.roles.everyone.id }, level: "viewer" },
    });
    expect(everyone).toContain("not @everyone");
    expect((await w.withStore((s) => s.settings.get(w.guildId))).accessRoles).toEqual({});
  });
});

describe("/audit", () => {
  it("shows who, what, which account and when, newest first, within the limit", async () => {
    const text = await w.runText({ name: "audit", options: { limit: 2 } });
    const lines = text.split("\n").filter((l) => l.startsWith("<t:"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^<t:\\d+:f> \\(<t:\\d+:R>\\) <@${w.fake.world.people.admin.user.id}> \\*\\*access\\.role-remove\\*\\*`,
      ),
    );
    expect(lines[1]).toContain("access.role-add");
    expect(text).toContain("2 entries shown (limit 2)");
  });
});

describe("/access and /audit for a member whose Discord speaks pt-BR", () => {
  it("grant, list, audit, remove and a refusal answer in Portuguese", async () => {
    const locale = "pt-BR";
    const role = viewersRole();
    const texts: string[] = [];
    const say = async (input: Parameters<World["runText"]>[0]) => {
      const text = await w.runText({ ...input, locale });
      texts.push(text);
      return text;
    };
    expect(
      await say({ name: "access", subcommand: "role-add", options: { role, level: "viewer" } }),
    ).toContain(`<@&${role.id}> agora é **leitor — pode consultar os dados das contas vinculadas**.`);
    const list = await say({ name: "access", subcommand: "list" });
    expect(list).toContain("Quem pode usar o roguard");
    expect(list).toContain(`<@&${role.id}> — **leitor**`);
    const audit = await say({ name: "audit", options: { limit: 1 } });
    expect(audit).toContain("**access.role-add**");
    expect(audit).toContain("1 entrada exibida (limite 1)");
    expect(await say({ name: "access", subcommand: "role-remove", options: { role } })).toBe(
      `<@&${role.id}> não tem mais acesso ao roguard (era leitor). Membros com Gerenciar servidor mantêm o deles.`,
    );
    expect(await say({ name: "access", subcommand: "role-remove", options: { role } })).toContain(
      "não tinha acesso ao roguard; nada mudou.",
    );
    expect(
      await say({
        name: "access",
        subcommand: "role-add",
        options: { role: { id: w.fake.world.roles.everyone.id }, level: "viewer" },
      }),
    ).toContain("Dê acesso a um cargo específico, não a @everyone");
    expect((await w.withStore((s) => s.settings.get(w.guildId))).accessRoles).toEqual({});
    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  });
});

describe("/user lookup (anyone, public data, no cookie)", () => {
  it("by name: profile with created date, age, badge, banned, description, avatar and a Profile button", async () => {
    w.sim.control.clearLog();
    const m = await w.run({
      name: "user",
      subcommand: "lookup",
      options: { user: "Friend2002" },
      user: "member",
    });
    const text = visibleText(m);
    expect(text).toContain("Pal2002 (@Friend2002)");
    expect(text).toMatch(/Created\n<t:\d+:D> \(.+ old\)/);
    expect(text).toContain("Verified badge\nNo");
    expect(text).toContain("Banned\nNo");
    expect(m.embeds[0]?.url).toBe("https://www.roblox.com/users/2002/profile");
    expect(m.embeds[0]?.thumbnail?.url).toMatch(/^https?:\/\//);
    const button = m.components[0]?.components?.[0];
    expect(button).toMatchObject({
      label: "Profile",
      style: 5,
      url: "https://www.roblox.com/users/2002/profile",
    });
    expect(w.sim.log.length).toBeGreaterThan(0);
    expect(w.sim.log.every((e) => !e.cookieHeader)).toBe(true);
  });

  it("by id, a banned verified user; and an unknown name says so", async () => {
    const u = w.sim.control.createUser({
      name: "BannedStar",
      displayName: "Star",
      hasVerifiedBadge: true,
      isBanned: true,
      description: "**bold** claims",
    });
    const text = await w.runText({
      name: "user",
      subcommand: "lookup",
      options: { user: String(u.id) },
      user: "member",
    });
    expect(text).toContain("Star (@BannedStar)");
    expect(text).toContain("Verified badge\n✅ Yes");
    expect(text).toContain("Banned\n⛔ Yes");
    expect(text).toContain("\\*\\*bold\\*\\* claims");
    expect(
      await w.runText({
        name: "user",
        subcommand: "lookup",
        options: { user: "NoSuchUser99" },
        user: "member",
      }),
    ).toContain("No Roblox user called “NoSuchUser99”");
  });

  it("works without any linked account, and Discord saw nothing it would refuse", async () => {
    await w.withStore((s) => s.unlinkAccount(w.guildId, String(SEED.child.id)));
    const text = await w.runText({ name: "user", subcommand: "lookup", options: { user: "@KidAccount" } });
    expect(text).toContain("Kid (@KidAccount)");
    expect(w.fake.violations()).toEqual([]);
  });
});
