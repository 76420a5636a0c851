// /friends end to end: the real bot against the simulator and the fake Discord, as a person sees it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decodeCursor } from "../../sim/cursor.js";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;

function buttonIds(m: FakeMessage): { label: string; id: string; disabled: boolean }[] {
  const out: { label: string; id: string; disabled: boolean }[] = [];
  for (const row of m.components)
    for (const c of (row.components as Record<string, unknown>[] | undefined) ?? []) {
      out.push({ label: String(c.label), id: String(c.custom_id), disabled: c.disabled === true });
    }
  return out;
}

function button(m: FakeMessage, label: string): string {
  const b = buttonIds(m).find((x) => x.label === label && !x.disabled);
  if (!b) throw new Error(`no enabled "${label}" button in ${JSON.stringify(buttonIds(m))}`);
  return b.id;
}

/** The Friend<id> names shown in a list reply, in order. */
const shownFriends = (m: FakeMessage) =>
  [...visibleText(m).matchAll(/@Friend(\d{4})/g)].map((x) => Number(x[1]));

describe("/friends", () => {
  let w: World;
  const findRequests = () => w.sim.log.filter((e) => e.path.includes("/friends/find"));

  beforeAll(async () => {
    w = await startWorld({ link: [{ robloxId: KID }] });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(() => {
    w.sim.control.reset();
  });

  it("list: first page of names from friends/find + users batch; Next and Previous page with the stored cursor", async () => {
    const first = await w.run({ name: "friends", subcommand: "list" });
    expect(first.ephemeral).toBe(true);
    expect(visibleText(first)).toContain("Friends of Kid (@KidAccount)");
    expect(visibleText(first)).toContain("Pal2001");
    const page1 = shownFriends(first); // the message is edited in place by the clicks below
    expect(page1).toEqual(Array.from({ length: 25 }, (_, i) => 2001 + i));
    expect(findRequests()).toHaveLength(1);
    expect(findRequests()[0]!.path).not.toContain("cursor=");
    expect(w.sim.log.some((e) => e.method === "POST" && e.path.startsWith("/users/v1/users"))).toBe(true);
    expect(buttonIds(first).map((b) => [b.label, b.disabled])).toEqual([
      ["Previous", true],
      ["Next", false],
    ]);
    for (const b of buttonIds(first)) expect(b.id.length).toBeLessThanOrEqual(100);

    const next = await (
      await w.fake.clickButton({ message: first, customId: button(first, "Next"), user: "admin" })
    ).waitForFinal();
    expect(next.id).toBe(first.id);
    expect(shownFriends(next)).toEqual(Array.from({ length: 25 }, (_, i) => 2026 + i));
    const nextReq = findRequests()[1]!;
    const cursor = new URL(nextReq.path, "http://x").searchParams.get("cursor");
    expect(cursor?.length).toBeGreaterThan(60);
    expect(decodeCursor(cursor!, `find:${KID}:0:0`)).toBe(25);

    const prev = await (
      await w.fake.clickButton({ message: next, customId: button(next, "Previous"), user: "admin" })
    ).waitForFinal();
    expect(shownFriends(prev)).toEqual(page1);
    const prevCursor = new URL(findRequests()[2]!.path, "http://x").searchParams.get("cursor");
    expect(decodeCursor(prevCursor!, `find:${KID}:0:0`)).toBe(0);
  });

  it("list of another user, sorted by name", async () => {
    const m = await w.run({ name: "friends", subcommand: "list", options: { user: "Friend2001", sort: 2 } });
    expect(visibleText(m)).toContain("Friends of Pal2001 (@Friend2001)");
    expect(visibleText(m)).toContain("@KidAccount");
    expect(findRequests()[0]!.path).toMatch(/\/users\/2001\/friends\/find\?.*userSort=2/);
  });

  it("online: presence type and experience, 'an experience' when Roblox hides it", async () => {
    const text = visibleText(await w.run({ name: "friends", subcommand: "online" }));
    expect(text).toMatch(/@Friend2006\) · In game · Adopt Me!/);
    expect(text).toMatch(/@Friend2012\) · In game · an experience/);
    expect(text).toMatch(/@Friend2011\) · In Studio/);
    expect(text).toMatch(/@Friend2001\) · Online/);
    expect(text).toContain("12 online · 6 in an experience");
    expect(w.sim.log.some((e) => e.path.startsWith(`/friends/v1/users/${KID}/friends/online`))).toBe(true);
  });

  it("inactive", async () => {
    const text = visibleText(await w.run({ name: "friends", subcommand: "inactive" }));
    expect(text).toContain("Inactive friends of KidAccount");
    for (const id of SEED.inactiveFriendIds) expect(text).toContain(`@Friend${id}`);
    expect(text).not.toContain("@Friend2001)");
  });

  it("search: matches, paged with its own kind", async () => {
    const first = await w.run({ name: "friends", subcommand: "search", options: { query: "friend20" } });
    expect(visibleText(first)).toContain("matching “friend20”");
    const page1 = shownFriends(first);
    expect(page1).toEqual(Array.from({ length: 25 }, (_, i) => 2001 + i));
    const next = await (
      await w.fake.clickButton({ message: first, customId: button(first, "Next"), user: "admin" })
    ).waitForFinal();
    expect(button(next, "Previous")).toMatch(/^page:v1:search:/);
    expect(shownFriends(next)).toEqual(Array.from({ length: 25 }, (_, i) => 2026 + i));
    const searches = w.sim.log.filter((e) => e.path.includes("/friends/search"));
    expect(searches).toHaveLength(2);
    expect(searches[1]!.path).toContain("query=friend20");
    expect(searches[1]!.path).toContain("cursor=");

    const none = await w.run({ name: "friends", subcommand: "search", options: { query: "zzz" } });
    expect(visibleText(none)).toContain("No friend of KidAccount matches “zzz”");
  });

  it("count: the account's own (my/friends/count) and another user's", async () => {
    expect(visibleText(await w.run({ name: "friends", subcommand: "count" }))).toContain("130 friends");
    expect(w.sim.log.some((e) => e.path === "/friends/v1/my/friends/count")).toBe(true);
    const other = visibleText(
      await w.run({ name: "friends", subcommand: "count", options: { user: "Friend2001" } }),
    );
    const n = w.sim.state.friends.get(2001)?.size;
    expect(n).toBeGreaterThan(0);
    expect(other).toContain(`Pal2001 (@Friend2001) has ${n} Roblox friends`);
    expect(w.sim.log.some((e) => e.path === "/friends/v1/users/2001/friends/count")).toBe(true);
  });

  it("status: one line per user from friends/statuses and multiget-are-friends", async () => {
    const text = visibleText(
      await w.run({
        name: "friends",
        subcommand: "status",
        options: { users: "Friend2001, Stranger4001,3001, nobody_here_x, Friend2001" },
      }),
    );
    expect(text).toMatch(/@Friend2001\) · ✅ Friends/);
    expect(text).toMatch(/@Stranger4001\) · ➖ Not friends/);
    expect(text).toMatch(/@Requester3001\) · ➖ Sent this account a friend request/);
    expect(text).toContain("1 of 3 are friends");
    expect(text).toContain("No Roblox user called: nobody_here_x");
    const statuses = w.sim.log.filter((e) => e.path.includes("/friends/statuses"));
    expect(statuses).toHaveLength(1);
    expect(statuses[0]!.path).toContain("userIds=2001&userIds=4001&userIds=3001");
    expect(w.sim.log.some((e) => e.path.endsWith(`/user/${KID}/multiget-are-friends`))).toBe(true);
  });

  it("groups: the groups the friends are in, with roles", async () => {
    const text = visibleText(await w.run({ name: "friends", subcommand: "groups" }));
    for (const g of ["Sim Builders Club", "Obby Makers", "Pet Trainers"]) expect(text).toContain(g);
    expect(text).toContain("Pal2001");
    expect(text).toMatch(/Owner|Member/);
    expect(w.sim.log.some((e) => e.path === `/groups/v1/users/${KID}/friends/groups/roles`)).toBe(true);
  });

  it("add: sends the request (sim shows it), audits it; an existing friend gets the 'already' sentence", async () => {
    const ok = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Stranger4001", nickname: "pal" } }),
    );
    expect(ok).toContain("Friend request sent");
    expect(ok).toContain("Stranger4001");
    expect(w.sim.state.getRequest(KID, 4001)).toMatchObject({ nickname: "pal" });
    const audit = await w.withStore((s) => s.audit.list(w.guildId, 5));
    expect(JSON.stringify(audit)).toContain("to 4001 (Stranger4001)");

    const requests = w.sim.log.filter((e) => e.path.endsWith("/request-friendship")).length;
    const again = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Stranger4001" } }),
    );
    expect(again).toContain("already waiting for their answer");
    expect(w.sim.log.filter((e) => e.path.endsWith("/request-friendship"))).toHaveLength(requests);

    const friend = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Friend2001" } }),
    );
    expect(friend).toContain("That user is already a friend."); // Roblox's 400 code 5, as the boundary says it
    expect(
      w.sim.log.some((e) => e.path === "/friends/v1/users/2001/request-friendship" && e.status === 400),
    ).toBe(true);

    const back = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Requester3002" } }),
    );
    expect(back).toContain("had already asked");
    expect(w.sim.state.areFriends(KID, 3002)).toBe(true);
  });

  it("add: captcha and flood limit become the boundary's sentences", async () => {
    w.sim.control.setCaptcha(KID, true);
    const captcha = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Stranger4002" } }),
    );
    expect(captcha).toContain("captcha");
    expect(w.sim.state.getRequest(KID, 4002)).toBeUndefined();
    w.sim.control.setCaptcha(KID, false);

    w.sim.control.addFault({
      pathIncludes: "/request-friendship",
      status: 429,
      times: 0,
      body: JSON.stringify({ errors: [{ code: 9, message: "The flood limit has been exceeded." }] }),
      headers: { "retry-after": "60" },
    });
    const flood = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Stranger4003" } }),
    );
    expect(flood).toMatch(/flood limit|too many|try again/i);
  }, 30_000);

  it("add-contact: contacts/{id}/request-friendship", async () => {
    const text = visibleText(
      await w.run({ name: "friends", subcommand: "add-contact", options: { contact: "contact-4005" } }),
    );
    expect(text).toContain("Friend request sent");
    expect(w.sim.state.getRequest(KID, 4005)).toBeDefined();
    expect(w.sim.log.some((e) => e.path === "/friends/v1/contacts/contact-4005/request-friendship")).toBe(
      true,
    );
  });

  it("remove: the prompt names the friend; Cancel changes nothing, Confirm unfriends", async () => {
    const prompt = await w.run({ name: "friends", subcommand: "remove", options: { user: "Friend2003" } });
    expect(visibleText(prompt)).toContain("**Pal2003** (@Friend2003)");
    expect(buttonIds(prompt).map((b) => b.label)).toEqual(["Confirm", "Cancel"]);
    const cancelled = await (
      await w.fake.clickButton({ message: prompt, customId: button(prompt, "Cancel"), user: "admin" })
    ).waitForFinal();
    expect(visibleText(cancelled)).toContain("nothing was changed");
    expect(w.sim.state.areFriends(KID, 2003)).toBe(true);
    expect(w.sim.log.some((e) => e.path.includes("/unfriend"))).toBe(false);

    const again = await w.run({ name: "friends", subcommand: "remove", options: { user: "2003" } });
    const done = await (
      await w.fake.clickButton({ message: again, customId: button(again, "Confirm"), user: "admin" })
    ).waitForFinal();
    expect(visibleText(done)).toContain("Removed");
    expect(visibleText(done)).toContain("Friend2003");
    expect(done.components).toEqual([]);
    expect(w.sim.state.areFriends(KID, 2003)).toBe(false);
    const audit = await w.withStore((s) => s.audit.list(w.guildId, 5));
    expect(JSON.stringify(audit)).toContain("friends.remove");

    const notFriend = visibleText(
      await w.run({ name: "friends", subcommand: "remove", options: { user: "Stranger4001" } }),
    );
    expect(notFriend).toContain("is not a friend");
  });

  it("an unknown user is a plain sentence", async () => {
    const text = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "no_such_user_99" } }),
    );
    // The typed name is echoed escaped: Discord shows it as typed, underscores and all.
    expect(text).toContain("No Roblox user called “no\\_such\\_user\\_99”");
  });

  it("a viewer may list but not add; a plain member may do neither, and Roblox is not asked", async () => {
    await w.withStore((s) =>
      s.settings.update(w.guildId, { accessRoles: { [w.fake.world.roles.viewers.id]: "viewer" } }),
    );
    const list = visibleText(await w.run({ name: "friends", subcommand: "list", user: "viewer" }));
    expect(list).toContain("Pal2001");
    w.sim.control.clearLog();
    const add = visibleText(
      await w.run({ name: "friends", subcommand: "add", options: { user: "Stranger4006" }, user: "viewer" }),
    );
    expect(add).toContain("permission");
    const member = visibleText(await w.run({ name: "friends", subcommand: "list", user: "member" }));
    expect(member).toContain("permission");
    expect(w.sim.log).toEqual([]);
    expect(w.sim.state.getRequest(KID, 4006)).toBeUndefined();
  });

  it("a member whose Discord speaks pt-BR gets lists, counts, errors, buttons and outcomes in Portuguese", async () => {
    const locale = "pt-BR";
    const texts: string[] = [];
    const seen = (m: FakeMessage) => {
      texts.push(visibleText(m));
      return visibleText(m);
    };
    const list = await w.run({ name: "friends", subcommand: "list", locale });
    expect(seen(list)).toContain("Amigos de Kid (@KidAccount)");
    const [, nextButton] = buttonIds(list);
    const next = await (
      await w.fake.clickButton({ message: list, customId: nextButton!.id, user: "admin", locale })
    ).waitForFinal();
    expect(shownFriends(next)).toEqual(Array.from({ length: 25 }, (_, i) => 2026 + i));
    seen(next);

    expect(seen(await w.run({ name: "friends", subcommand: "count", locale }))).toMatch(
      /Kid \(@KidAccount\) tem \d+ amigos no Roblox\./,
    );
    seen(await w.run({ name: "friends", subcommand: "online", locale }));
    seen(await w.run({ name: "friends", subcommand: "inactive", locale }));
    seen(await w.run({ name: "friends", subcommand: "search", options: { query: "Pal20" }, locale }));
    seen(
      await w.run({
        name: "friends",
        subcommand: "status",
        options: { users: "Friend2001, Stranger4001, ninguem_98" },
        locale,
      }),
    );
    seen(await w.run({ name: "friends", subcommand: "groups", locale }));
    seen(await w.run({ name: "presence", options: { users: "Friend2001, Friend2002" }, locale }));
    seen(await w.run({ name: "user", subcommand: "lookup", options: { user: "Friend2001" }, locale }));

    const unknown = await w.run({
      name: "friends",
      subcommand: "add",
      options: { user: "ninguem_99" },
      locale,
    });
    expect(seen(unknown)).toContain("Nenhum usuário do Roblox chamado “ninguem\\_99”.");

    const prompt = await w.run({
      name: "friends",
      subcommand: "remove",
      options: { user: "Friend2004" },
      locale,
    });
    expect(seen(prompt)).toContain("Remover este amigo?");
    const [, cancelButton] = buttonIds(prompt);
    const cancelled = await (
      await w.fake.clickButton({ message: prompt, customId: cancelButton!.id, user: "admin", locale })
    ).waitForFinal();
    expect(seen(cancelled)).toBe("Cancelado; nada foi alterado.");
    expect(w.sim.state.areFriends(KID, 2004)).toBe(true);

    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  }, 60_000);

  it("the fake Discord saw nothing it would refuse; no cookie in the bot's logs", () => {
    expect(w.fake.violations()).toEqual([]);
    expect(w.logs()).not.toContain("SIMCOOKIE");
    expect(w.logs()).not.toContain("_|WARNING:");
  });
});
