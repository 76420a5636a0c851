// A small run of the burst benchmark (the full one is `npm run bench`): every link and command
// answered, the figures taken, and a change costing the same few reads as at any size.
import { describe, expect, it } from "vitest";
import { burstSection, runBurst } from "./burst.js";

describe("burst benchmark (small)", () => {
  it("links 8 guilds through Discord, configures them, times cheap commands while polling", async () => {
    const r = await runBurst({
      size: 8,
      linksPerSecond: 32,
      commandsPerSecond: 64,
      pollIntervalSeconds: 1,
      latencyMs: 5,
      cheapCommands: 20,
      floorExchanges: 50,
    });
    expect(r.links).toMatchObject({ ok: 8, failed: 0 });
    expect(r.config).toMatchObject({ ok: 32, failed: 0 });
    expect(r.cheap.n).toBe(20);
    // dispatch → callback arrival is part of what the bench's loop sees around it
    expect(r.cheap.p50).toBeGreaterThan(0);
    expect(r.cheap.p50).toBeLessThanOrEqual(r.cheapSeen.p50);
    expect(r.cheapErrors).toBe(0);
    expect(r.peakRssMb).toBeGreaterThan(30);
    expect(r.cpuMsPerLink).toBeGreaterThan(0);
    expect(r.readsPerChange?.other).toBe(4);
    // The machine's floor: a bare exchange timed before the bot and beside it, each with some CPU.
    for (const f of [r.floor.quiet, r.floor.polling]) {
      expect(f?.roundTripMs.n).toBe(50);
      expect(f?.cpuMsPerExchange).toBeGreaterThan(0);
    }
    const s = burstSection([r]);
    expect(s.figures.map((f) => f.name)).toContain("8 guilds: peak RSS");
  }, 120_000);
});
