import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createMetrics, healthReport, startHealthServer } from "../../src/metrics.js";

/** Minimal Prometheus text-format parser: every non-comment line is `name{labels} value`. */
function parseProm(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

describe("health and metrics", () => {
  let gateway = true;
  let store = true;
  let lastPoll: number | undefined;
  const metrics = createMetrics();
  const serverP = startHealthServer(0, metrics, {
    gatewayConnected: () => gateway,
    storeReachable: async () => {
      if (!store) throw new Error("store down");
      return true;
    },
    lastPollAt: () => lastPoll,
    maxPollAgeMs: 60_000,
  });
  const url = async (path: string) => {
    const port = ((await serverP).address() as AddressInfo).port;
    return `http://127.0.0.1:${port}${path}`;
  };
  afterAll(async () => (await serverP).close());

  it("/healthz turns 503 when the gateway drops or the store is unreachable, and back", async () => {
    expect((await fetch(await url("/healthz"))).status).toBe(200);
    gateway = false;
    const down = await fetch(await url("/healthz"));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, gateway: false, store: true });
    gateway = true;
    store = false;
    expect((await fetch(await url("/healthz"))).status).toBe(503);
    store = true;
    expect((await fetch(await url("/healthz"))).status).toBe(200);
  });

  it("a stale poll makes it unhealthy", async () => {
    const now = 1_000_000;
    const src = { gatewayConnected: () => true, storeReachable: async () => true, maxPollAgeMs: 60_000 };
    expect((await healthReport({ ...src, lastPollAt: () => now - 30_000 }, now)).ok).toBe(true);
    expect((await healthReport({ ...src, lastPollAt: () => now - 120_000 }, now)).ok).toBe(false);
    expect((await healthReport({ ...src, lastPollAt: () => undefined }, now)).lastPollAgeSeconds).toBeNull();
  });

  it("/metrics parses as Prometheus text and counts what happened", async () => {
    metrics.polls.inc({ outcome: "ok" });
    metrics.polls.inc({ outcome: "ok" });
    metrics.robloxRequests.inc({ endpoint: "friends.count", status: "200" });
    metrics.alerts.inc({ event: "presence" });
    metrics.interactions.observe({ kind: "2", outcome: "ok" }, 0.003);
    lastPoll = Date.now() - 2_000;
    const res = await fetch(await url("/metrics"));
    expect(res.status).toBe(200);
    const values = parseProm(await res.text());
    expect(values.get('roguard_polls_total{outcome="ok"}')).toBe(2);
    expect(values.get('roguard_roblox_requests_total{endpoint="friends.count",status="200"}')).toBe(1);
    expect(values.get('roguard_alerts_sent_total{event="presence"}')).toBe(1);
    expect(values.get('roguard_interaction_seconds_count{kind="2",outcome="ok"}')).toBe(1);
    expect(values.get("roguard_last_poll_age_seconds")).toBeGreaterThanOrEqual(1.9);
  });

  it("answers 404 elsewhere and only GET", async () => {
    expect((await fetch(await url("/nope"))).status).toBe(404);
    expect((await fetch(await url("/healthz"), { method: "POST" })).status).toBe(405);
  });
});
