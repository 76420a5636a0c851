// /requests and the Accept/Decline buttons end to end: the real bot against the simulator and the
// fake Discord, as a person sees it, with the simulator's state and request log as the proof.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COGNATES, englishIn } from "../support/english-scan.js";
import { Perm } from "./fake-discord/ids.js";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;

interface Btn {
  label: string;
  id: string;
  disabled: boolean;
  url?: string;
}

function buttons(m: FakeMessage): Btn[][] {
  return m.components.map((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((c) => ({
      label: String(c.label),
      id: String(c.custom_id),
      disabled: c.disabled === true,
      ...(typeof c.url === "string" ? { url: c.url } : {}),
    })),
  );
}

/** The enabled button with this label on the row of requester `id` (or anywhere when id is omitted). */
function button(m: FakeMessage, label: string, id?: number): string {
  const all = buttons(m).flat();
  const b = all.find(
    (x) => x.label === label && !x.disabled && (id === undefined || x.id.endsWith(`:${id}`)),
  );
  if (!b) throw new Error(`no enabled "${label}" button for ${id} in ${JSON.stringify(buttons(m))}`);
  return b.id;
}

describe("/requests", () => {
  let w: World;
  /** POSTs/DELETEs Roblox processed (not the ones refused for a stale CSRF token). */
  const posts = (part: string) =>
    w.sim.log.filter((e) => e.method !== "GET" && !e.csrfRejected && e.path.includes(part));
  const click = async (m: FakeMessage, customId: string, user: "admin" | "member" | "viewer" = "admin") =>
    w.fake.clickButton({ message: m, customId, user });
  /** Roblox answers every accept of this requester's request 800 ms late (two answers overlap). */
  const slowAccept = (requesterId: number) =>
    w.sim.control.addFault({
      method: "POST",
      pathIncludes: `/${requesterId}/accept-friend-request`,
      delayMs: 800,
      times: 0,
    });

  beforeAll(async () => {
    w = await startWorld({ link: [{ robloxId: KID }] });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(() => {
    w.sim.control.reset();
  });

  it("list shows the seeded requests with names, age and Accept/Decline/Profile per request", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    expect(m.ephemeral).toBe(true);
    const text = visibleText(m);
    expect(text).toContain("Friend requests to **KidAccount**");
    expect(text).toContain("Req3001 (@Requester3001)");
    expect(text).toContain("Req3002 (@Requester3002)");
    expect(text).toContain("Account age");
    expect(text.indexOf("Requester3002")).toBeLessThan(text.indexOf("Requester3001")); // newest first
    expect(buttons(m).map((r) => r.map((b) => b.label))).toEqual([
      ["Accept", "Decline", "Profile"],
      ["Accept", "Decline", "Profile"],
    ]);
    expect(buttons(m)[0]?.[2]?.url).toBe("https://www.roblox.com/users/3002/profile");
    expect(w.sim.log.some((e) => e.path.startsWith("/friends/v1/my/friends/requests"))).toBe(true);

    const oldest = await w.run({ name: "requests", subcommand: "list", options: { sort: 2 } });
    const t2 = visibleText(oldest);
    expect(t2).toContain("oldest first");
    expect(t2.indexOf("Requester3001")).toBeLessThan(t2.indexOf("Requester3002"));
    // Only parameters Roblox documents: friendRequestSort, never the old sortOrder.
    expect(w.sim.log.some((e) => /requests\?.*friendRequestSort=2/.test(e.path))).toBe(true);
    expect(w.sim.log.some((e) => /sortOrder/.test(e.path))).toBe(false);
  });

  it("pages 4 requests per message with Previous/Next (pager row fits in 5 rows)", async () => {
    for (let id = 3003; id <= 3010; id++) w.sim.control.sendFriendRequest(id, KID);
    const first = await w.run({ name: "requests", subcommand: "list" });
    expect(first.components).toHaveLength(5);
    expect(buttons(first)[4]?.map((b) => [b.label, b.disabled])).toEqual([
      ["Previous", true],
      ["Next", false],
    ]);
    const seen = new Set<string>();
    let m = first;
    for (let page = 1; page <= 3; page++) {
      for (const row of buttons(m).slice(0, -1)) seen.add(row[0]!.id.split(":").at(-1)!);
      if (page < 3) m = await (await click(m, button(m, "Next"))).waitForFinal();
    }
    expect(visibleText(m)).toContain("page 3");
    expect([...seen].sort()).toEqual(Array.from({ length: 10 }, (_, i) => String(3001 + i)));
    const back = await (await click(m, button(m, "Previous"))).waitForFinal();
    expect(visibleText(back)).toContain("page 2");
  });

  it("Accept: the sim makes them friends, the message names the clicker and disables that row", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    const stale = await w.run({ name: "requests", subcommand: "list" }); // a second, older view
    const edited = await (await click(m, button(m, "Accept", 3001))).waitForFinal();
    expect(w.sim.state.areFriends(KID, 3001)).toBe(true);
    expect(w.sim.state.getRequest(3001, KID)).toBeUndefined();
    expect(posts("/3001/accept-friend-request")).toHaveLength(1);
    const admin = w.fake.world.people.admin.user.id;
    const text = visibleText(edited);
    expect(text).toMatch(new RegExp(`Accepted\\nby <@${admin}> <t:\\d+:R>`));
    const row = buttons(edited).find((r) => r.some((b) => b.id.endsWith(":3001")))!;
    expect(row.map((b) => [b.label, b.disabled])).toEqual([
      ["Accept", true],
      ["Decline", true],
      ["Profile", false],
    ]);
    const other = buttons(edited).find((r) => r.some((b) => b.id.endsWith(":3002")))!;
    expect(other.every((b) => !b.disabled)).toBe(true);
    const audit = await w.withStore((s) => s.audit.list(w.guildId));
    expect(JSON.stringify(audit)).toContain("requests.accept");

    // A second click (on the older view) is answered from the store: "already", no Roblox call.
    const second = await click(stale, button(stale, "Accept", 3001));
    const said = await second.waitForFollowUp();
    expect(said.content).toContain("already accepted");
    expect(said.content).toContain(`<@${admin}>`);
    expect(posts("/3001/accept-friend-request")).toHaveLength(1);
    const staleNow = await second.waitForFinal();
    expect(buttons(staleNow).find((r) => r.some((b) => b.id.endsWith(":3001")))?.[0]?.disabled).toBe(true);
  });

  it("two admins click Accept at the same moment: one Roblox call; the other is told it was already accepted", async () => {
    const world = w.fake.world;
    const managers = world.addRole(w.guildId, "Co-parents", Perm.ManageGuild);
    const coParent = world.addMember(w.guildId, "coparent", [managers.id]);
    const m = await w.run({ name: "requests", subcommand: "list" });
    // Roblox answers slowly, so both clicks are in flight together.
    slowAccept(3001);
    const id = button(m, "Accept", 3001);
    const [first, second] = await Promise.all([
      click(m, id, "admin"),
      w.fake.clickButton({ message: m, customId: id, user: coParent }),
    ]);
    const said = await w.fake.waitFor(
      () => [first, second].flatMap((h) => h.followUps()).find((f) => f.content.includes("already")),
      10_000,
      "a follow-up saying the request was already handled",
    );
    expect(said.content).toContain("already accepted");
    await new Promise((r) => setTimeout(r, 1_500)); // a second call would have reached Roblox by now
    expect(posts("/3001/accept-friend-request")).toHaveLength(1);
    expect(w.sim.state.areFriends(KID, 3001)).toBe(true);
    expect([first, second].flatMap((h) => h.followUps())).toHaveLength(1);
  });

  it("a click and /requests accept on the same request at once: one Roblox call; the command says it was already accepted", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    slowAccept(3001);
    const admin = w.fake.world.people.admin.user.id;
    const clicked = click(m, button(m, "Accept", 3001));
    await new Promise((r) => setTimeout(r, 300)); // the click holds the request now
    const said = await w.runText({ name: "requests", subcommand: "accept", options: { user: "3001" } });
    expect(said).toContain("already accepted");
    expect(said).toContain(`<@${admin}>`);
    await (await clicked).waitForFinal({ predicate: (x) => visibleText(x).includes("Accepted") });
    await new Promise((r) => setTimeout(r, 1_000)); // a second call would have reached Roblox by now
    expect(posts("/3001/accept-friend-request")).toHaveLength(1);
    expect(w.sim.state.areFriends(KID, 3001)).toBe(true);
  });

  it("a second click while the first is still waiting on Roblox says someone else is on it, and calls nobody", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    // Roblox takes 7 s to answer (once): longer than a second click waits for the first (5 s), well
    // inside the first click's deadline.
    w.sim.control.addFault({ method: "POST", pathIncludes: "/3002/decline-friend-request", delayMs: 7_000 });
    const id = button(m, "Decline", 3002);
    const first = await click(m, id);
    await new Promise((r) => setTimeout(r, 500)); // the first click holds the request now
    const second = await click(m, id);
    const busy = await second.waitForFollowUp(() => true, 10_000);
    expect(busy.content).toContain("Someone else is answering this friend request right now");
    expect(busy.content).toContain("try again in a moment");
    await first.waitForFinal({ predicate: (x) => visibleText(x).includes("Declined"), timeoutMs: 10_000 });
    expect(posts("/3002/decline-friend-request")).toHaveLength(1);
    expect(w.sim.state.getRequest(3002, KID)).toBeUndefined();
  });

  it("Decline button, and a click after the request vanished says so plainly (code 10)", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    const edited = await (await click(m, button(m, "Decline", 3002))).waitForFinal();
    expect(w.sim.state.getRequest(3002, KID)).toBeUndefined();
    expect(w.sim.state.areFriends(KID, 3002)).toBe(false);
    expect(visibleText(edited)).toContain("Declined");

    w.sim.state.removeRequest(3001, KID); // withdrawn on Roblox
    const gone = await click(edited, button(edited, "Accept", 3001));
    const said = await gone.waitForFollowUp();
    expect(said.content).toContain("no longer exists");
    expect(posts("/3001/accept-friend-request")[0]?.status).toBe(400);
    const after = await gone.waitForFinal();
    expect(visibleText(after)).toContain("No longer pending");
    expect(
      buttons(after)
        .flat()
        .filter((b) => b.label !== "Profile")
        .every((b) => b.disabled),
    ).toBe(true);
  });

  it("a plain member's click is refused with 'permission' and makes no Roblox call", async () => {
    const m = await w.run({ name: "requests", subcommand: "list" });
    w.sim.control.clearLog();
    const h = await click(m, button(m, "Accept", 3001), "member");
    const r = await h.waitForResponse();
    expect(r.type).toBe(4);
    expect(String(r.data?.content)).toContain("permission");
    await new Promise((res) => setTimeout(res, 200));
    expect(w.sim.log).toHaveLength(0);
    expect(w.sim.state.getRequest(3001, KID)).toBeDefined();
  });

  it("accept and decline commands (name or id), count, mark-seen, accept-token", async () => {
    const before = await w.runText({ name: "requests", subcommand: "count" });
    expect(before).toMatch(/Pending\n2/);
    expect(before).toMatch(/New \(not seen yet\)\n2/);

    expect(await w.runText({ name: "requests", subcommand: "mark-seen" })).toContain("marked as seen");
    expect(posts("/my/new-friend-requests")).toHaveLength(1);
    expect(await w.runText({ name: "requests", subcommand: "count" })).toMatch(/New \(not seen yet\)\n0/);

    expect(
      await w.runText({ name: "requests", subcommand: "accept", options: { user: "Requester3001" } }),
    ).toContain("now friends");
    expect(w.sim.state.areFriends(KID, 3001)).toBe(true);
    expect(await w.runText({ name: "requests", subcommand: "decline", options: { user: "3002" } })).toContain(
      "Declined the friend request",
    );
    expect(w.sim.state.getRequest(3002, KID)).toBeUndefined();

    const again = await w.runText({ name: "requests", subcommand: "accept", options: { user: "3002" } });
    expect(again).toContain("does not exist any more");
    const nobody = await w.runText({
      name: "requests",
      subcommand: "accept",
      options: { user: "NoSuchUser99" },
    });
    expect(nobody).toContain("No Roblox user called");

    const token = await w.runText({
      name: "requests",
      subcommand: "accept-token",
      options: { user: "Stranger4001", token: "qr-token-12345678" },
    });
    expect(token).toContain("now friends");
    expect(w.sim.state.areFriends(KID, 4001)).toBe(true);
    const audit = JSON.stringify(await w.withStore((s) => s.audit.list(w.guildId)));
    for (const a of ["requests.mark-seen", "requests.accept", "requests.decline", "requests.accept-token"])
      expect(audit).toContain(a);
    expect(audit).not.toContain("qr-token-12345678");
  });

  it("decline-all asks to confirm; Confirm declines every request on Roblox", async () => {
    const prompt = await w.run({ name: "requests", subcommand: "decline-all" });
    expect(visibleText(prompt)).toContain("Decline all 2 pending friend requests");
    expect(buttons(prompt)[0]?.map((b) => b.label)).toEqual(["Confirm", "Cancel"]);
    expect(posts("decline-all")).toHaveLength(0);
    const done = await (await click(prompt, button(prompt, "Confirm"))).waitForFinal();
    expect(done.content).toContain("Declined all 2 pending friend requests");
    expect(w.sim.state.incomingOf(KID).size).toBe(0);
    expect(posts("decline-all")).toHaveLength(1);
    expect(JSON.stringify(await w.withStore((s) => s.audit.list(w.guildId)))).toContain(
      "requests.decline-all",
    );
    expect(await w.runText({ name: "requests", subcommand: "list" })).toContain("No pending friend requests");
  });

  it("a plain member may not run /requests list (permission, no Roblox call)", async () => {
    w.sim.control.clearLog();
    const text = await w.runText({ name: "requests", subcommand: "list", user: "member" });
    expect(text).toContain("permission");
    expect(w.sim.log).toHaveLength(0);
  });

  // Before the flood-limit test: the bot then holds mark-seen back for a minute.
  it("a member whose Discord is in Portuguese gets every reply, button and note in Portuguese", async () => {
    const pt = { locale: "pt-BR" } as const;
    const texts: string[] = [];
    const seen = (m: FakeMessage) => {
      texts.push(visibleText(m));
      return m;
    };
    const ptClick = async (m: FakeMessage, customId: string) =>
      w.fake.clickButton({ message: m, customId, user: "admin", locale: "pt-BR" });

    const count = visibleText(seen(await w.run({ name: "requests", subcommand: "count", ...pt })));
    expect(count).toMatch(/Pendentes\n2/);
    const m = seen(await w.run({ name: "requests", subcommand: "list", ...pt }));
    expect(m.content).toBe("Pedidos de amizade para **KidAccount** · ordem padrão do Roblox · página 1");
    expect(buttons(m)[0]?.map((b) => b.label)).toEqual(["Aceitar", "Recusar", "Perfil"]);
    const stale = await w.run({ name: "requests", subcommand: "list", ...pt });

    // Accept on the (ephemeral) page: the note is in the member's language.
    const edited = seen(await (await ptClick(m, button(m, "Aceitar", 3001))).waitForFinal());
    const admin = w.fake.world.people.admin.user.id;
    expect(visibleText(edited)).toMatch(new RegExp(`Aceito\\npor <@${admin}> <t:\\d+:R>`));
    const second = await ptClick(stale, button(stale, "Aceitar", 3001));
    const said = await second.waitForFollowUp();
    texts.push(said.content);
    expect(said.content).toMatch(
      new RegExp(
        `^O pedido de amizade de \\*\\*Req3001\\*\\* \\(@Requester3001\\) já foi aceito por <@${admin}> <t:\\d+:R>; nada mudou\\.$`,
      ),
    );
    seen(await second.waitForFinal());

    // An error path: a token with a space in it.
    const bad = await w.runText({
      name: "requests",
      subcommand: "accept-token",
      options: { user: "Requester3002", token: "qr token" },
      ...pt,
    });
    texts.push(bad);
    expect(bad).toContain("Esse token de amizade não é válido: copie-o novamente do link do QR code.");

    texts.push(await w.runText({ name: "requests", subcommand: "mark-seen", ...pt }));
    const prompt = seen(await w.run({ name: "requests", subcommand: "decline-all", ...pt }));
    expect(visibleText(prompt)).toContain("Recusar o 1 pedido de amizade pendente de **KidAccount**?");
    const done = seen(await (await ptClick(prompt, buttons(prompt)[0]![0]!.id)).waitForFinal());
    expect(done.content).toContain("O 1 pedido de amizade pendente de **KidAccount** foi recusado.");
    texts.push(await w.runText({ name: "requests", subcommand: "list", ...pt }));
    expect(texts.at(-1)).toContain("Nenhum pedido de amizade pendente");

    expect(englishIn(texts, COGNATES["pt-BR"])).toEqual([]);
  });

  it("Roblox's flood limit (429 code 9) reaches the user as its sentence", async () => {
    w.sim.control.addFault({
      method: "DELETE",
      pathIncludes: "/my/new-friend-requests",
      times: 0,
      status: 429,
      headers: { "retry-after": "60" },
      body: JSON.stringify({ errors: [{ code: 9, message: "The flood limit has been exceeded." }] }),
    });
    const text = await w.runText({ name: "requests", subcommand: "mark-seen" });
    expect(text).toContain("Roblox's flood limit");
    expect(w.sim.log.some((e) => e.status === 429 && e.path.includes("/my/new-friend-requests"))).toBe(true);
  });

  it("Discord saw nothing it would refuse", () => {
    expect(w.fake.violations()).toEqual([]);
  });
});

describe("Accept on a friend-request alert in a German server", () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ link: [{ robloxId: KID }], pollIntervalSeconds: 1 });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });

  it("the note on the shared alert is in the server's language, the answer to the clicker in theirs", async () => {
    await w.runText({
      name: "alerts",
      subcommand: "channel",
      options: { channel: w.fake.world.channels.alerts },
    });
    await w.runText({ name: "alerts", subcommand: "language", options: { language: "de" } });
    // Two polls first: the first one takes the pending requests as they are (no alert for those).
    const polled = () =>
      w.sim.log.filter((e) => e.path.startsWith("/usermoderation/v2") && e.cookieHeader).length;
    const target = polled() + 2;
    while (polled() < target) await new Promise((r) => setTimeout(r, 50));
    w.sim.control.sendFriendRequest(3003, KID);
    const alert = await w.fake.waitForMessage(
      "alerts",
      (x) => (x.embeds[0]?.title ?? "").includes("Neue Freundschaftsanfrage"),
      10_000,
    );
    const accept = button(alert, "Annehmen", 3003);
    const first = await w.fake.clickButton({
      message: alert,
      customId: accept,
      user: "admin",
      locale: "pt-BR",
    });
    const edited = await first.waitForFinal();
    const admin = w.fake.world.people.admin.user.id;
    expect(visibleText(edited)).toMatch(new RegExp(`Angenommen\\nvon <@${admin}> <t:\\d+:R>`));
    expect(w.sim.state.areFriends(KID, 3003)).toBe(true);

    // A request withdrawn on Roblox before the click: the clicker is told in Portuguese, the alert
    // notes it in German.
    w.sim.control.sendFriendRequest(3004, KID);
    const alert2 = await w.fake.waitForMessage(
      "alerts",
      (x) =>
        (x.embeds[0]?.title ?? "").includes("Neue Freundschaftsanfrage") && visibleText(x).includes("3004"),
      10_000,
    );
    w.sim.state.removeRequest(3004, KID);
    const gone = await w.fake.clickButton({
      message: alert2,
      customId: button(alert2, "Annehmen", 3004),
      user: "admin",
      locale: "pt-BR",
    });
    const said = await gone.waitForFollowUp();
    expect(said.content).toMatch(
      /^O pedido de amizade de .*Requester3004.* não existe mais no Roblox — foi retirado ou já respondido no app do Roblox\. Nada mudou\.$/,
    );
    expect(visibleText(await gone.waitForFinal())).toMatch(/Nicht mehr offen\nvon <@\d+> <t:\d+:R>/);
  });
});
