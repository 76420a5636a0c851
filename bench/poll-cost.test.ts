import { describe, expect, it } from "vitest";
import { pollCostSection, runPollCost } from "./poll-cost.js";

describe("bench 1: poll cost (smoke, real bot)", () => {
  it("polls at exactly the theoretical minimum while the naive baseline pays per watched user", async () => {
    const r = await runPollCost({ watched: [1, 51], steadyCycles: 5, intervalSeconds: 1 });
    expect(r.rows).toHaveLength(2);
    for (const row of r.rows) {
      expect(row.roguard.cycles).toBe(5);
      expect(row.ratio.toFixed(2)).toBe("1.00");
      expect(row.ratio).toBe(1);
      expect(row.naive.perCycle).toBeCloseTo(row.naiveExpected, 9);
    }
    const w51 = r.rows.find((x) => x.watched === 51)!;
    // 2 presence + 1 requests + 1 restriction + 2/5 screen time + 1/5 friends count + 1/5 trusted requests
    expect(w51.minimum).toBeCloseTo(4.8, 9);
    expect(w51.naiveRatio).toBeCloseTo(53.8 / 4.8, 9);
    expect(pollCostSection(r).figures.every((f) => f.met === true)).toBe(true);
  }, 60_000);
});
