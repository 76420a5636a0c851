// The burst benchmark in its sharded form (`--shards`): the bot as a ShardingManager with two shard
// processes on a Redis store, every link and command answered through the shard owning its guild,
// the figures summed over the processes. runBurst calls startRedis( for it, so
// test/support/redis-gate.ts gates this file on redis-server like the other Redis-backed tests.
import { describe, expect, it } from "vitest";
import { runBurst } from "./burst.js";

describe("burst benchmark, sharded (small)", () => {
  it("8 guilds over 2 shards: all answered, RSS per process, CPU summed", async () => {
    const r = await runBurst({
      size: 8,
      linksPerSecond: 32,
      commandsPerSecond: 64,
      pollIntervalSeconds: 1,
      latencyMs: 5,
      cheapCommands: 20,
      shards: 2,
    });
    expect(r.links).toMatchObject({ ok: 8, failed: 0 });
    expect(r.config).toMatchObject({ ok: 32, failed: 0 });
    expect(r.cheap.n).toBe(20);
    expect(r.cheapErrors).toBe(0);
    // the manager and its two shard processes, each with its own high-water mark
    expect(r.processes?.peakRssMb).toHaveLength(3);
    expect(r.processes?.peakRssMb.every((mb) => mb > 30)).toBe(true);
    expect(r.processes?.totalPeakRssMb).toBeGreaterThan(r.peakRssMb);
    expect(r.processes?.redisRssMb).toBeGreaterThan(0);
    expect(r.cpuMsPerLink).toBeGreaterThan(0);
  }, 180_000);
});
