/**
 * Prometheus metrics (prom-client) and the /healthz + /metrics server on 127.0.0.1:HTTP_PORT.
 */
import { createServer, type Server } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "roguard_" });
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const m = {
    registry,
    polls: counter("roguard_polls_total", "Account polls completed, by outcome", ["outcome"]),
    robloxRequests: counter(
      "roguard_roblox_requests_total",
      "HTTP requests sent to Roblox, by endpoint and status",
      ["endpoint", "status"],
    ),
    alerts: counter("roguard_alerts_sent_total", "Alerts posted to Discord, by event", ["event"]),
    interactions: new Histogram({
      name: "roguard_interaction_seconds",
      help: "Time from receiving an interaction to finishing its handler",
      labelNames: ["kind", "outcome"] as const,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers: [registry],
    }),
    errors: counter("roguard_errors_total", "Errors by kind", ["kind"]),
    lastPollAge: new Gauge({
      name: "roguard_last_poll_age_seconds",
      help: "Seconds since the last completed poll (-1 before the first)",
      registers: [registry],
    }),
  };
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;

export interface HealthSource {
  gatewayConnected(): boolean;
  storeReachable(): Promise<boolean>;
  /** Epoch ms of the last completed poll, if any. */
  lastPollAt(): number | undefined;
  /** A poll older than this many ms marks the bot unhealthy (undefined = never). */
  maxPollAgeMs?: number;
}

export interface HealthReport {
  ok: boolean;
  gateway: boolean;
  store: boolean;
  lastPollAgeSeconds: number | null;
}

export async function healthReport(src: HealthSource, now = Date.now()): Promise<HealthReport> {
  const gateway = src.gatewayConnected();
  const store = await src.storeReachable().catch(() => false);
  const last = src.lastPollAt();
  const age = last === undefined ? null : Math.round((now - last) / 1000);
  const stale = src.maxPollAgeMs !== undefined && age !== null && age * 1000 > src.maxPollAgeMs;
  return { ok: gateway && store && !stale, gateway, store, lastPollAgeSeconds: age };
}

/** Serves /healthz and /metrics on 127.0.0.1 only. */
export async function startHealthServer(
  port: number,
  metrics: Metrics,
  health: HealthSource,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") {
      res.writeHead(405).end();
      return;
    }
    if (path === "/healthz") {
      void healthReport(health).then((r) => {
        res.writeHead(r.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(r));
      });
    } else if (path === "/metrics") {
      const last = health.lastPollAt();
      metrics.lastPollAge.set(last === undefined ? -1 : (Date.now() - last) / 1000);
      void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text);
      });
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return server;
}
