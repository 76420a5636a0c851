// /presence end to end: the real bot against the simulator and the fake Discord.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED, startWorld, visibleText, type World } from "./harness.js";

const KID = SEED.child.id;

describe("/presence", () => {
  let w: World;
  const presenceRequests = () => w.sim.log.filter((e) => e.path === "/presence/v1/presence/users");

  beforeAll(async () => {
    w = await startWorld({ link: [{ robloxId: KID }] });
  }, 60_000);
  afterAll(async () => {
    await w?.stop();
  });
  beforeEach(async () => {
    w.sim.control.reset();
    await w.withStore((s) => s.settings.update(w.guildId, { watch: {} }));
  });

  it("without users and without a watch list: the linked account itself", async () => {
    w.sim.control.setPresence({ userId: KID, userPresenceType: 1, lastLocation: "Website" });
    const m = await w.run({ name: "presence" });
    expect(m.ephemeral).toBe(true);
    expect(visibleText(m)).toMatch(/\(@KidAccount\) · Online · Website/);
    // one call (the first POST after the sim's reset also fetches a fresh CSRF token)
    expect(presenceRequests().filter((r) => !r.csrfRejected)).toHaveLength(1);
    expect(presenceRequests()[0]!.path).toBe("/presence/v1/presence/users");
  });

  it("without users: the account's watch list from the guild settings", async () => {
    await w.withStore((s) =>
      s.settings.update(w.guildId, { watch: { [String(KID)]: ["2001", "2006", "2012"] } }),
    );
    const text = visibleText(await w.run({ name: "presence" }));
    expect(text).toContain("KidAccount's watch list");
    expect(text).toMatch(/@Friend2006\) · In game · Adopt Me!/);
    expect(text).toMatch(/@Friend2012\) · In game · an experience/);
    expect(text).toMatch(/@Friend2001\) · Online/);
    expect(text).not.toContain("@KidAccount");
  });

  it("users by name and id, one line each; unknown names are said plainly", async () => {
    const text = visibleText(
      await w.run({ name: "presence", options: { users: "Friend2011, 2121, @Stranger4001, ghost_user_77" } }),
    );
    expect(text).toMatch(/@Friend2011\) · In Studio/);
    expect(text).toMatch(/@Friend2121\) · Offline/);
    expect(text).toMatch(/@Stranger4001\) · Offline/);
    expect(text).toContain("No Roblox user called: ghost_user_77");
    expect(text).toContain("1 in studio · 2 offline");
  });

  it("120 ids: exactly 3 presence requests (50 + 50 + 20); the reply fits Discord's limits", async () => {
    await w.run({ name: "presence" }); // the session's CSRF token is fresh after the reset
    w.sim.control.clearLog();
    const ids = Array.from({ length: 120 }, (_, i) => 2001 + i);
    const m = await w.run({ name: "presence", options: { users: ids.join(",") } });
    const reqs = presenceRequests();
    expect(reqs).toHaveLength(3);
    expect(reqs.every((r) => r.status === 200)).toBe(true);
    const text = visibleText(m);
    expect(text).toContain("5 online · 6 in game · 1 in studio · 108 offline");
    expect(text).toMatch(/@Friend2006\) · In game · Adopt Me!/);
    const description = String(m.embeds[0]?.description ?? "");
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toMatch(/…and \d+ more/);
    expect(w.fake.violations()).toEqual([]);
  });

  it("more than 200 users: a clear sentence, and Roblox is not asked", async () => {
    const ids = Array.from({ length: 201 }, (_, i) => 5000 + i);
    const text = visibleText(await w.run({ name: "presence", options: { users: ids.join(",") } }));
    expect(text).toContain("That is 201 users; give at most 200 at once.");
    expect(w.sim.log).toEqual([]);
  });

  it("Roblox answering after 5 s: the reply is deferred in time, then answered", async () => {
    w.sim.control.addFault({ pathIncludes: "/presence/v1/presence/users", delayMs: 5000, times: 1 });
    const t0 = Date.now();
    const h = await w.fake.runCommand({ name: "presence", options: { users: "Friend2006" } });
    const first = await h.waitForResponse(3000);
    expect(first.type).toBe(5); // "thinking…" within Discord's 3 s
    expect(first.at - t0).toBeLessThan(3000);
    const final = await h.waitForFinal({ timeoutMs: 15_000 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(5000);
    expect(visibleText(final)).toMatch(/@Friend2006\) · In game · Adopt Me!/);
    expect(presenceRequests().some((r) => r.status === 200)).toBe(true);
  }, 20_000);

  it("a plain member is refused without a Roblox request", async () => {
    const text = visibleText(await w.run({ name: "presence", user: "member" }));
    expect(text).toContain("permission");
    expect(w.sim.log).toEqual([]);
  });

  it("the fake Discord saw nothing it would refuse", () => {
    expect(w.fake.violations()).toEqual([]);
  });
});
