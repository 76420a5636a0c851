import { describe, expect, it } from "vitest";
import { runScale } from "./scale.js";
import { scaleSection } from "./scale-report.js";

describe("bench 2: scale (smoke, real bot, simulator in its own process)", () => {
  it("measures schedule adherence, request rate, RSS and loop delay", async () => {
    const r = await runScale({
      sizes: [12],
      intervalSeconds: 2,
      measureIntervals: 1,
      latencyMs: 5,
      watched: 2,
    });
    expect(r.runs).toHaveLength(1);
    const run = r.runs[0]!;
    expect(run.accounts).toBe(12);
    expect(run.scheduled).toBeGreaterThanOrEqual(12);
    expect(run.share).toBeGreaterThanOrEqual(0);
    expect(run.share).toBeLessThanOrEqual(1);
    for (const v of [
      run.lagMs.p50,
      run.lagMs.p99,
      run.requestsPerSecond,
      run.requestsPerPoll,
      run.peakRssMb,
      run.loopDelayP99Ms,
      run.botCpuPct,
      run.simCpuPct,
    ]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    expect(run.requestsPerSecond).toBeGreaterThan(0);
    expect(run.peakRssMb).toBeGreaterThan(30);
    expect(scaleSection(r).figures.length).toBeGreaterThan(5);
  }, 60_000);
});
