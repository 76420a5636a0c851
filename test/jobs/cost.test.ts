/**
 * Poll cost against the simulator: the request log shows exactly the minimum per account per
 * cycle — ⌈W/50⌉ presence calls (none without watched users) + friend requests + restriction,
 * and every 5th cycle (each at its own phase) the settings call plus the weekly usage only when
 * a daily limit is set, the friends count (the list only when it moved), and the trusted-
 * connection requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUILD, type JobsWorld, jobsWorld, SEED } from "./kit.js";

let w: JobsWorld;
beforeAll(async () => {
  w = await jobsWorld();
});
afterAll(async () => {
  await w.close();
});

const kid = SEED.child.id;

function endpointOf(path: string): string {
  if (path.startsWith("/presence/v1/presence/users")) return "presence";
  if (path.startsWith("/friends/v1/my/friends/requests")) return "requests";
  if (path.startsWith("/usermoderation/v2/not-approved")) return "restriction";
  if (path.includes("/user-settings/settings-and-options")) return "settings";
  if (path.includes("/get-weekly-screentime")) return "weekly";
  if (path.startsWith("/friends/v1/my/friends/count")) return "count";
  if (path.startsWith("/friends/v1/my/trusted-friends/requests")) return "trusted";
  return path;
}

describe("poll cost per account per cycle", () => {
  for (const watched of [0, 1, 50, 120]) {
    for (const limit of [120, 0]) {
      it(`${watched} watched users, daily limit ${limit || "none"}`, async () => {
        w.sim.control.reset();
        await w.store.alertState.delete(GUILD, String(kid));
        await w.link(kid);
        await w.settings({});
        await w.watch(SEED.friendIds.slice(0, watched));
        w.sim.control.setScreenTime({ userId: kid, dailyLimit: limit });
        await w.poll(0); // baseline (and the session's CSRF token)
        const presence = Math.ceil(watched / 50);
        const screen = limit > 0 ? 2 : 1;
        for (let cycle = 1; cycle <= 10; cycle++) {
          w.sim.control.clearLog();
          await w.poll(cycle);
          const calls = w.sim.log.map((e) => endpointOf(e.path)).sort();
          const expected = [
            ...Array<string>(presence).fill("presence"),
            "requests",
            "restriction",
            ...(cycle % 5 === 0 ? (limit > 0 ? ["settings", "weekly"] : ["settings"]) : []),
            ...(cycle % 5 === 1 ? ["count"] : []),
            ...(cycle % 5 === 2 ? ["trusted"] : []),
          ].sort();
          expect(calls, `cycle ${cycle}`).toEqual(expected);
          expect(w.sim.log.every((e) => e.status === 200)).toBe(true);
          const fifth = (cycle % 5 === 0 ? screen : 0) + (cycle % 5 === 1 || cycle % 5 === 2 ? 1 : 0);
          expect(calls.length).toBe(presence + 2 + fifth);
        }
        expect(w.sent).toHaveLength(0);
      });
    }
  }

  it("a restricted account costs one call a cycle and keeps its other state", async () => {
    w.sim.control.reset();
    await w.store.alertState.delete(GUILD, String(kid));
    await w.link(kid);
    await w.settings({});
    await w.watch(SEED.friendIds.slice(0, 60));
    await w.poll(0);
    const before = await w.state();
    w.sim.control.startRestriction({ userId: kid, source: 1 });
    await w.poll(1); // the ban's start: v2, then v1 for its reason
    for (let cycle = 2; cycle <= 6; cycle++) {
      w.sim.control.clearLog();
      await w.poll(cycle);
      expect(w.sim.log.map((e) => endpointOf(e.path))).toEqual(["restriction"]);
    }
    const during = await w.state();
    expect(during?.presence).toEqual(before?.presence);
    expect(during?.requests).toEqual(before?.requests);
    expect(during?.screen).toEqual(before?.screen);
    w.sent.length = 0;
  });
});
