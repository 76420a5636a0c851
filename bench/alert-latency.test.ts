import { describe, expect, it } from "vitest";
import { alertLatencySection, runAlertLatency } from "./alert-latency.js";

describe("bench 4: alert latency (smoke, real bot)", () => {
  it("sees every change alerted, with finite latencies", async () => {
    const r = await runAlertLatency({ intervalSeconds: 1, changes: 2, perGroup: 2 });
    expect(r.kinds.map((k) => k.kind)).toEqual(["presence", "friend-request", "restriction"]);
    for (const k of r.kinds) {
      expect(k.n).toBe(2);
      expect(k.missed).toBe(0);
      expect(k.wrong).toBe(0);
      expect(Number.isFinite(k.p50Ms) && k.p50Ms > 0).toBe(true);
      expect(Number.isFinite(k.p95Ms) && k.p95Ms >= k.p50Ms).toBe(true);
    }
    expect(alertLatencySection(r).figures).toHaveLength(6);
  }, 60_000);
});
