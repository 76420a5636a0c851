import { describe, expect, it } from "vitest";
import { interactionSection, runInteractions } from "./interaction.js";

describe("bench 3: interaction overhead (smoke, real bot)", () => {
  it("answers every interaction with a callback and gives finite percentiles", async () => {
    const r = await runInteractions({ count: 40, warmup: 5 });
    expect(r.ms.n).toBe(40);
    for (const v of [r.ms.p50, r.ms.p99, r.fakeValidationMs]) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(r.ms.p99).toBeGreaterThanOrEqual(r.ms.p50);
    expect(r.callbackTypes).toEqual({ "4": 40 });
    expect(r.errors).toBe(0);
    expect(r.violations).toEqual([]);
    expect(r.botMs?.n).toBe(40);
    expect(Number.isFinite(r.botMs?.p99)).toBe(true);
    expect(interactionSection(r).figures).toHaveLength(3);
  }, 60_000);
});
