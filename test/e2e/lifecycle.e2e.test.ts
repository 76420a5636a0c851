/**
 * Lifecycle through the real bot: an account whose cookie died can still be unlinked, a
 * stale Confirm says "already", and leaving a guild deletes that guild's cookies and state.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeMessage, SEED, startWorld, visibleText, type World } from "./harness.js";

let w: World;

function buttonId(m: FakeMessage, label: string): string {
  const b = m.components.flatMap((r) => r.components ?? []).find((c) => c.label === label);
  if (!b?.custom_id) throw new Error(`no "${label}" button on the message`);
  return b.custom_id;
}

describe("lifecycle", () => {
  beforeAll(async () => {
    w = await startWorld({
      link: [{ robloxId: SEED.child.id, label: "Kiddo" }, { robloxId: SEED.parent.id }],
    });
  });
  afterAll(async () => w?.stop());

  it("an account whose cookie Roblox refuses can still be unlinked; a second Confirm says already", async () => {
    w.sim.control.expireCookie(SEED.child.id);
    expect(await w.runText({ name: "friends", subcommand: "count", options: { account: "Kiddo" } })).toMatch(
      /cookie/i,
    );
    const health = await w.withStore((s) => s.accounts.get(w.guildId, String(SEED.child.id)));
    expect(health?.health.state).toBe("dead");

    const first = await w.run({ name: "roblox", subcommand: "unlink", options: { account: "Kiddo" } });
    const firstId = buttonId(first, "Confirm");
    const second = await w.run({ name: "roblox", subcommand: "unlink", options: { account: "Kiddo" } });
    w.sim.control.clearLog();
    const done = await (await w.fake.clickButton({ message: first, customId: firstId })).waitForFinal();
    expect(visibleText(done)).toContain("Unlinked **Kid (@KidAccount)**");
    expect(w.sim.log).toEqual([]);
    const again = await (
      await w.fake.clickButton({ message: second, customId: buttonId(second, "Confirm") })
    ).waitForFinal();
    expect(visibleText(again)).toContain("already");
    const left = await w.withStore((s) => s.accounts.list(w.guildId));
    expect(left.map((a) => a.robloxId)).toEqual([String(SEED.parent.id)]);
  });

  it("leaving a guild deletes its cookies, settings and audit", async () => {
    await w.run({ name: "access", subcommand: "role-add", options: { role: w.fake.world.roles.parents.id } });
    expect(await w.withStore((s) => s.audit.list(w.guildId, 50))).not.toEqual([]);
    w.fake.world.removeGuild(w.guildId);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !w.logs().includes("deleted its cookies and state")) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(w.logs()).toContain("deleted its cookies and state");
    await w.withStore(async (s) => {
      expect(await s.accounts.list(w.guildId)).toEqual([]);
      expect(await s.audit.list(w.guildId, 50)).toEqual([]);
      expect((await s.settings.get(w.guildId)).accessRoles).toEqual({});
      expect(await s.accounts.listGuildIds()).not.toContain(w.guildId);
    });
    expect(w.fake.violations()).toEqual([]);
  });
});
