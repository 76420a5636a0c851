// Two shards (discord.js's ShardingManager, one process per shard, two gateway sessions on the fake
// Discord) sharing a real Redis store: each account is polled once per interval by the shard that
// owns its guild, each alert is posted once, and /healthz + /metrics are served once, by the
// manager, for all shards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shardOf } from "../e2e/fake-discord/ids.js";
import type { FakeChannel, FakeGuild } from "../e2e/fake-discord/index.js";
import { SEED, startWorld, type World } from "../e2e/harness.js";
import {
  health,
  healthBecomes,
  link,
  metrics,
  pollsPerInterval,
  pollTimes,
  processesWith,
  sleep,
  sumOf,
  waitUntil,
  withStore,
} from "./kit.js";
import { freePort, type RedisServer, startRedis } from "./redis.js";

const KID = SEED.child.id;
const PARENT = SEED.parent.id;
const INTERVAL = 1_000;
let redis: RedisServer;
let w: World;
let httpPort: number;
/** Guild A (the fake's default guild) and guild B, on the other shard. */
let a: { guild: FakeGuild; alerts: FakeChannel; shard: number };
let b: { guild: FakeGuild; alerts: FakeChannel; shard: number };

const titled = (channelId: string, part: string) =>
  w.fake.messages(channelId).filter((m) => (m.embeds[0]?.title ?? "").includes(part));

beforeAll(async () => {
  redis = await startRedis();
  httpPort = await freePort();
  w = await startWorld({
    shards: 2,
    pollIntervalSeconds: INTERVAL / 1000,
    // `auto`: the manager asks the fake's GET /gateway/bot (it recommends 2) through DISCORD_API_URL.
    env: { SHARDS: "auto", STORE_URL: redis.url, HTTP_PORT: String(httpPort) },
  });
  const g = w.fake.world.defaultGuild;
  const shardA = shardOf(g.id, 2);
  a = { guild: g, alerts: w.fake.world.channels.alerts, shard: shardA };
  const other = w.fake.world.addGuild({ name: "Second Family", shard: [1 - shardA, 2] });
  b = { guild: other, alerts: w.fake.world.addChannel(other.id, "alerts"), shard: 1 - shardA };
  const admin = w.fake.world.people.admin.user.id;
  await withStore(redis.url, async (s) => {
    await link(s, w.sim, { guildId: a.guild.id, robloxId: KID, channelId: a.alerts.id, linkedBy: admin });
    await link(s, w.sim, { guildId: b.guild.id, robloxId: PARENT, channelId: b.alerts.id, linkedBy: admin });
  });
}, 60_000);

afterAll(async () => {
  await w?.stop();
  await redis?.close();
});

describe("two shards on one Redis store", () => {
  it("SHARDS=auto: two gateway sessions, one per shard, each guild on its own shard", () => {
    const shards = w.fake
      .sessions()
      .filter((s) => s.ready)
      .map((s) => s.shard);
    expect(shards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(a.shard).not.toBe(b.shard);
  });

  it("each account is polled exactly once per interval", async () => {
    await waitUntil(
      "both accounts polled",
      () => pollTimes(w.sim, KID).length > 0 && pollTimes(w.sim, PARENT).length > 0,
      10_000,
      w.logs,
    );
    const from = Date.now();
    const windows = 4;
    await sleep((windows + 1) * INTERVAL + 200);
    for (const id of [KID, PARENT]) {
      const counts = pollsPerInterval(pollTimes(w.sim, id, from), INTERVAL, windows);
      expect(counts, `polls of ${id} per interval`).toEqual([1, 1, 1, 1]);
    }
  });
});

describe("alerts and buttons across shards", () => {
  it("a friend request to each account: one alert each, in its own guild, never twice", async () => {
    // Both accounts have a baseline (two polls each) before the requests arrive.
    const since = Date.now();
    await waitUntil(
      "two polls of each account",
      () => pollTimes(w.sim, KID, since).length >= 2 && pollTimes(w.sim, PARENT, since).length >= 2,
      10_000,
      w.logs,
    );
    w.sim.control.sendFriendRequest(3003, KID);
    w.sim.control.sendFriendRequest(3004, PARENT);
    const [ma, mb] = await Promise.all([
      w.fake.waitForMessage(
        a.alerts.id,
        (m) => (m.embeds[0]?.title ?? "").includes("New friend request"),
        8_000,
      ),
      w.fake.waitForMessage(
        b.alerts.id,
        (m) => (m.embeds[0]?.title ?? "").includes("New friend request"),
        8_000,
      ),
    ]);
    await sleep(2 * INTERVAL);
    expect(titled(a.alerts.id, "New friend request")).toHaveLength(1);
    expect(titled(b.alerts.id, "New friend request")).toHaveLength(1);
    expect(JSON.stringify(ma.embeds)).toContain("Requester3003");
    expect(JSON.stringify(mb.embeds)).toContain("Requester3004");
    // Only the alert channels got alerts, and only these two.
    const alertPosts = w.fake.requests.filter(
      (r) => r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.path),
    );
    expect(alertPosts.map((r) => r.path).sort()).toEqual(
      [`/channels/${a.alerts.id}/messages`, `/channels/${b.alerts.id}/messages`].sort(),
    );
    expect(w.fake.violations()).toEqual([]);
  });
});

describe("/healthz and /metrics, served once, by the manager", () => {
  it("/metrics parses as Prometheus text, one family per metric, a series per shard, and counts", async () => {
    const res = await w.fake.runCommand({ name: "roblox", subcommand: "accounts", guildId: a.guild.id });
    expect((await res.waitForFinal()).content + JSON.stringify((await res.waitForFinal()).embeds)).toContain(
      "KidAccount",
    );
    const before = w.sim.log.length;
    const { contentType, series } = await metrics(httpPort);
    const after = w.sim.log.length;
    expect(contentType).toContain("text/plain");
    // Shard processes bind no port (had one tried, it would have found the manager's and said so).
    expect(w.logs()).not.toContain("could not serve /healthz and /metrics");
    expect(sumOf(series, "roguard_shards_ready", { shard: "manager" })).toBe(2);
    for (const shard of ["manager", "0", "1"])
      expect(sumOf(series, /^roguard_.*resident_memory_bytes$/, { shard })).toBeGreaterThan(0);
    // Every Roblox request the shards made, and only those: the simulator saw each of them.
    const roblox = sumOf(series, "roguard_roblox_requests_total");
    expect(roblox).toBeGreaterThanOrEqual(before - 4);
    expect(roblox).toBeLessThanOrEqual(after);
    expect(sumOf(series, "roguard_roblox_requests_total", { shard: String(a.shard) })).toBeGreaterThan(0);
    expect(sumOf(series, "roguard_roblox_requests_total", { shard: String(b.shard) })).toBeGreaterThan(0);
    // The one command ran on guild A's shard.
    expect(sumOf(series, "roguard_interaction_seconds_count", { shard: String(a.shard) })).toBe(1);
    expect(sumOf(series, "roguard_interaction_seconds_count", { shard: String(b.shard) })).toBe(0);
    expect(sumOf(series, "roguard_last_poll_age_seconds", { shard: String(a.shard) })).toBeLessThan(5);
  });

  it("/healthz: 200 with every shard ready; 503 while a gateway session is down, then back", async () => {
    const ok = await health(httpPort);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      ok: true,
      shards: [
        { id: 0, ok: true, alive: true, ready: true, gateway: true, store: true },
        { id: 1, ok: true, alive: true, ready: true, gateway: true, store: true },
      ],
    });
    // Invalid sessions twice: the second IDENTIFY waits for Discord's 5 s identify window.
    w.fake.dropGateway({ invalidate: true });
    await w.fake.waitForSessions(2, 10_000);
    w.fake.dropGateway({ invalidate: true });
    const down = await healthBecomes(httpPort, 503, 3_000, w.logs);
    expect(down.body.ok).toBe(false);
    await healthBecomes(httpPort, 200, 15_000, w.logs);
  }, 30_000);

  it("/healthz: 503 while Redis is down, then back; the data is still there", async () => {
    await redis.stop({ save: true });
    const down = await healthBecomes(httpPort, 503, 6_000, w.logs);
    expect(down.body).toMatchObject({ ok: false, shards: [{ store: false }, { store: false }] });
    await redis.start();
    await healthBecomes(httpPort, 200, 15_000, w.logs);
    const since = Date.now();
    await waitUntil(
      "polls after Redis came back",
      () => pollTimes(w.sim, KID, since).length >= 2,
      10_000,
      w.logs,
    );
  }, 40_000);
});

describe("shutdown", () => {
  it("SIGTERM to the manager: exit 0 within 10 s, every shard process ends, none respawns", async () => {
    const marker = `STORE_URL=${redis.url}`;
    expect(processesWith(marker)).toHaveLength(3); // the manager and two shards
    const t0 = Date.now();
    const code = await w.stopBot();
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const sessions = w.fake.sessions().length;
    await sleep(1_000); // a respawned shard's process is forked as soon as the old one exits
    expect(processesWith(marker)).toEqual([]);
    expect(w.fake.sessions().filter((s) => s.connected)).toEqual([]);
    expect(w.fake.sessions()).toHaveLength(sessions);
    await expect(health(httpPort)).rejects.toThrow();
  }, 20_000);
});
