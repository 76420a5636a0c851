// The fake's wait primitive: conditions over state the fake does not see must still resolve.
import { describe, expect, it } from "vitest";
import { Bus } from "./bus.js";

describe("Bus.waitFor", () => {
  it("resolves on a notify", async () => {
    const bus = new Bus();
    let v: number | undefined;
    const p = bus.waitFor(
      () => v,
      1000,
      () => "v",
    );
    v = 1;
    bus.notify();
    await expect(p).resolves.toBe(1);
  });

  it("resolves on state that changes without any notify (e.g. the simulator's request log)", async () => {
    const bus = new Bus();
    const log: string[] = [];
    setTimeout(() => log.push("GET /usermoderation/v2/not-approved"), 50);
    const started = Date.now();
    const got = await bus.waitFor(
      () => log.find((l) => l.includes("not-approved")),
      2000,
      () => "a poll",
    );
    expect(got).toContain("not-approved");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("times out naming what it waited for, and stops re-checking afterwards", async () => {
    const bus = new Bus();
    let calls = 0;
    await expect(
      bus.waitFor(
        () => {
          calls++;
          return undefined;
        },
        80,
        () => "nothing",
      ),
    ).rejects.toThrow(/timed out after 80 ms waiting for nothing/);
    const after = calls;
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(after);
  });
});
