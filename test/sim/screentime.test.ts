import { describe, expect, it } from "vitest";
import { SEED } from "../../sim/server.js";
import { call, callCsrf, firstError, useSim } from "../support/sim-kit.js";

const fx = useSim();
const kid = SEED.child;

describe("screen time", () => {
  it("user-settings POST needs the tracker cookie and changes the limit", async () => {
    const path = "/apis/user-settings-api/v1/user-settings";
    const noTracker = await callCsrf(fx.sim, "POST", path, {
      cookie: kid.cookie,
      body: { dailyScreenTimeLimit: 60 },
    });
    expect(noTracker.status).toBe(403);
    expect(firstError(noTracker.json)?.message).toMatch(/RBXEventTrackerV2/);
    const ok = await callCsrf(fx.sim, "POST", path, {
      cookie: kid.cookie,
      tracker: kid.tracker,
      body: { dailyScreenTimeLimit: 60 },
    });
    expect(ok.json).toEqual({ cascadingSettingUpdates: {} });
    expect(ok.headers.get("x-ratelimit-limit")).toBe("30");
    const read = await call(fx.sim, "GET", `${path}/settings-and-options`, { cookie: kid.cookie });
    expect(
      (read.json as { dailyScreenTimeLimit: { currentValue: number } }).dailyScreenTimeLimit.currentValue,
    ).toBe(60);
    const weekly = await call(
      fx.sim,
      "GET",
      `/apis/parental-controls-api/v1/parental-controls/get-weekly-screentime?userId=${kid.id}`,
      {
        cookie: kid.cookie,
      },
    );
    const days = (weekly.json as { dailyScreentimes: { daysAgo: number; minutesPlayed: number }[] })
      .dailyScreentimes;
    expect(days).toHaveLength(7);
    expect(days.map((d) => d.minutesPlayed)).toEqual(SEED.child.weekly);
  });

  it("rate-limits add-temporary-screentime: the 6th call in a minute is 429", async () => {
    const path = "/apis/parental-controls-api/v1/parental-controls/add-temporary-screentime";
    const token = (
      await call(fx.sim, "POST", path, { cookie: kid.cookie, body: { minutes: 5 } })
    ).headers.get("x-csrf-token")!;
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call(fx.sim, "POST", path, { cookie: kid.cookie, csrf: token, body: { minutes: 5 } });
      expect(r.status).toBe(204);
      remaining.push(r.headers.get("x-ratelimit-remaining"));
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const sixth = await call(fx.sim, "POST", path, { cookie: kid.cookie, csrf: token, body: { minutes: 5 } });
    expect(sixth.status).toBe(429);
    expect(firstError(sixth.json)?.code).toBe(9);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    // another user has their own budget
    const parentToken = (
      await call(fx.sim, "POST", path, { cookie: SEED.parent.cookie, body: { minutes: 5 } })
    ).headers.get("x-csrf-token")!;
    const other = await call(fx.sim, "POST", path, {
      cookie: SEED.parent.cookie,
      csrf: parentToken,
      body: { minutes: 5 },
    });
    expect(other.status).toBe(204);
  });
});
