// One bot process with HTTP_PORT on a real Redis store: /healthz turns 503 while the gateway is
// down or the store unreachable, and back; /metrics parses as Prometheus text and counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED, startWorld, type World } from "../e2e/harness.js";
import { health, healthBecomes, link, metrics, pollTimes, sumOf, waitUntil, withStore } from "./kit.js";
import { freePort, type RedisServer, startRedis } from "./redis.js";

const KID = SEED.child.id;
let redis: RedisServer;
let w: World;
let port: number;

beforeAll(async () => {
  redis = await startRedis();
  port = await freePort();
  w = await startWorld({ pollIntervalSeconds: 1, env: { STORE_URL: redis.url, HTTP_PORT: String(port) } });
  await withStore(redis.url, (s) =>
    link(s, w.sim, {
      guildId: w.guildId,
      robloxId: KID,
      channelId: w.fake.world.channels.alerts.id,
      linkedBy: w.fake.world.people.admin.user.id,
    }),
  );
  await waitUntil("a poll", () => pollTimes(w.sim, KID).length > 0, 10_000, w.logs);
}, 60_000);

afterAll(async () => {
  await w?.stop();
  await redis?.close();
});

describe("a single process with HTTP_PORT", () => {
  it("/metrics parses as Prometheus text and counts Roblox requests and interactions", async () => {
    const m = await w.run({ name: "roblox", subcommand: "status" });
    expect(JSON.stringify(m.embeds)).toContain("KidAccount");
    const before = w.sim.log.length;
    const { contentType, series } = await metrics(port);
    const after = w.sim.log.length;
    expect(contentType).toContain("text/plain");
    const roblox = sumOf(series, "roguard_roblox_requests_total");
    expect(roblox).toBeGreaterThanOrEqual(before - 4);
    expect(roblox).toBeLessThanOrEqual(after);
    expect(sumOf(series, "roguard_roblox_requests_total", { status: "200" })).toBeGreaterThan(0);
    expect(sumOf(series, "roguard_interaction_seconds_count")).toBe(1);
    expect(sumOf(series, "roguard_interaction_seconds_count", { outcome: "error" })).toBe(0);
    // The first poll reads more than the later ones (the friends list for the new-connection
    // baseline): wait for it to complete, then its age is fresh.
    let age = sumOf(series, "roguard_last_poll_age_seconds");
    for (let i = 0; i < 100 && age < 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      age = sumOf((await metrics(port)).series, "roguard_last_poll_age_seconds");
    }
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(5);
  });

  it("/metrics counts completed polls and the alerts posted", async () => {
    w.sim.control.sendFriendRequest(3005, KID);
    await w.fake.waitForMessage("alerts", (m) => JSON.stringify(m.embeds).includes("Requester3005"), 15_000);
    let series = (await metrics(port)).series;
    for (let i = 0; i < 50 && sumOf(series, "roguard_alerts_sent_total") < 1; i++) {
      await new Promise((r) => setTimeout(r, 100));
      series = (await metrics(port)).series;
    }
    const polls = sumOf(series, "roguard_polls_total", { outcome: "ok" });
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(pollTimes(w.sim, KID).length);
    expect(sumOf(series, "roguard_alerts_sent_total")).toBe(w.fake.messages("alerts").length);
    expect(sumOf(series, "roguard_alerts_sent_total")).toBeGreaterThanOrEqual(1);
  });

  it("/healthz: 503 while the gateway is down, then back", async () => {
    expect(await health(port)).toMatchObject({ status: 200, body: { ok: true, gateway: true, store: true } });
    // Invalid sessions twice: the second IDENTIFY waits for Discord's 5 s identify window.
    w.fake.dropGateway({ invalidate: true });
    await w.fake.waitForSessions(1, 10_000);
    w.fake.dropGateway({ invalidate: true });
    const down = await healthBecomes(port, 503, 3_000, w.logs);
    expect(down.body).toMatchObject({ ok: false, gateway: false, store: true });
    await healthBecomes(port, 200, 15_000, w.logs);
  }, 30_000);

  it("/healthz: 503 while Redis is down, then back, and polling goes on", async () => {
    await redis.stop({ save: true });
    const down = await healthBecomes(port, 503, 6_000, w.logs);
    expect(down.body).toMatchObject({ ok: false, gateway: true, store: false });
    await redis.start();
    await healthBecomes(port, 200, 15_000, w.logs);
    const since = Date.now();
    await waitUntil(
      "polls after Redis came back",
      () => pollTimes(w.sim, KID, since).length >= 2,
      10_000,
      w.logs,
    );
    expect(w.bot.process.exitCode).toBeNull();
  }, 40_000);
});
