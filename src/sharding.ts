/**
 * SHARDS > 1 or `auto`: discord.js's ShardingManager runs one process per shard (each
 * process runs app.ts and polls only the guilds it owns). `auto` asks GET /gateway/bot
 * through the configured REST base — discord.js's own recommended-count call ignores
 * DISCORD_API_URL.
 *
 * With HTTP_PORT, the manager (not the shards) serves /healthz and /metrics on 127.0.0.1:
 * - /healthz: 200 when every shard's process is alive, its client ready, and its own health
 *   report (gateway, store, poll age — asked through Shard#eval) is ok; else 503. JSON body.
 * - /metrics: the manager's own registry plus every shard's registry (asked as JSON through
 *   Shard#eval), each series labelled `shard="<id>"` (`shard="manager"` for the manager's own).
 */
import { createServer, type Server } from "node:http";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { REST, Routes, type Shard, ShardingManager } from "discord.js";
import { AggregatorRegistry, collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./logger.js";
import type { HealthReport } from "./metrics.js";

/** What a shard process hangs on its Client (`client.roguard`, set in app.ts) for the manager. */
export interface ShardProbe {
  health(): Promise<HealthReport>;
  /** `registry.getMetricsAsJSON()` of the shard's metrics. */
  metrics(): Promise<unknown[]>;
}

/** A shard that does not answer within this is counted unhealthy (its store ping waits 2 s). */
const ASK_TIMEOUT_MS = 3_000;
let asks = 0;

export async function recommendedShards(config: Config): Promise<number> {
  const rest = new REST(config.discordApiUrl ? { api: config.discordApiUrl } : {}).setToken(
    config.discordToken,
  );
  const body = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, Number(body.shards ?? 1));
}

/** Calls the shard's probe in its process; null when the shard is down, not ready or silent. */
async function ask<T>(shard: Shard, what: keyof ShardProbe): Promise<T | null> {
  if (!shard.process || !shard.ready) return null;
  // A fresh context per call: discord.js reuses a pending eval of the same text, so one that
  // was never answered would otherwise be handed back forever.
  const answer = shard.eval(
    (c, x) => (c as unknown as { roguard?: ShardProbe }).roguard?.[x.what]() ?? null,
    { what, n: ++asks },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((r) => {
    timer = setTimeout(() => r(null), ASK_TIMEOUT_MS);
  });
  try {
    return ((await Promise.race([answer, timeout])) as T | null) ?? null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function shardsHealth(manager: ShardingManager, totalShards: number) {
  const shards = await Promise.all(
    Array.from({ length: totalShards }, async (_, id) => {
      const shard = manager.shards.get(id);
      const alive = shard?.process != null && shard.process.exitCode === null;
      const ready = shard?.ready === true;
      const r = shard ? await ask<HealthReport>(shard, "health") : null;
      return {
        id,
        ok: alive && ready && r?.ok === true,
        alive,
        ready,
        gateway: r?.gateway ?? false,
        store: r?.store ?? false,
        lastPollAgeSeconds: r?.lastPollAgeSeconds ?? null,
      };
    }),
  );
  return { ok: shards.every((s) => s.ok), shards };
}

type MetricJson = { aggregator?: string; values: { labels: Record<string, unknown> }[] };

/** Labels every series with its shard; "sum" merges families without dropping any (labels differ). */
function labelled(metrics: unknown[], shard: string): MetricJson[] {
  return (metrics as MetricJson[]).map((m) => ({
    ...m,
    aggregator: "sum",
    values: m.values.map((v) => ({ ...v, labels: { ...v.labels, shard } })),
  }));
}

async function allMetrics(manager: ShardingManager, own: Registry): Promise<string> {
  const parts = [labelled(await own.getMetricsAsJSON(), "manager")];
  const shards = await Promise.all([...manager.shards.values()].map((s) => ask<unknown[]>(s, "metrics")));
  shards.forEach((m, i) => {
    const id = [...manager.shards.keys()][i];
    if (m) parts.push(labelled(m, String(id)));
  });
  return AggregatorRegistry.aggregate(parts).metrics();
}

async function serveHealth(
  port: number,
  manager: ShardingManager,
  totalShards: number,
  logger: Logger,
): Promise<Server | undefined> {
  const own = new Registry();
  collectDefaultMetrics({ register: own, prefix: "roguard_" });
  new Gauge({
    name: "roguard_shards_ready",
    help: "Shards whose process is alive and whose client is ready",
    registers: [own],
    collect() {
      this.set([...manager.shards.values()].filter((s) => s.ready && s.process).length);
    },
  });
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") {
      res.writeHead(405).end();
      return;
    }
    const fail = (err: unknown) => {
      logger.error({ err }, "could not answer a health or metrics request");
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (path === "/healthz") {
      shardsHealth(manager, totalShards).then((r) => {
        res.writeHead(r.ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(r));
      }, fail);
    } else if (path === "/metrics") {
      allMetrics(manager, own).then((text) => {
        res.writeHead(200, { "content-type": own.contentType }).end(text);
      }, fail);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    return server;
  } catch (err) {
    logger.error({ err, port }, "could not serve /healthz and /metrics");
    return undefined;
  }
}

export async function runShardManager(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  let totalShards: number;
  try {
    totalShards = config.shards === "auto" ? await recommendedShards(config) : config.shards;
  } catch (err) {
    process.stderr.write(`roguard: could not ask Discord for a shard count (${(err as Error).message}).\n`);
    process.exit(1);
  }
  // Each shard runs the entry this file came with: dist/index.js, or src/index.ts under tsx
  // (whose loader reaches the shards through execArgv).
  const self = fileURLToPath(import.meta.url);
  const manager = new ShardingManager(join(dirname(self), `index${extname(basename(self))}`), {
    token: config.discordToken,
    totalShards,
    respawn: true,
    mode: "process",
    execArgv: process.execArgv,
  });
  manager.on("shardCreate", (shard) => logger.info({ shard: shard.id, totalShards }, "shard started"));
  const health = config.httpPort
    ? await serveHealth(config.httpPort, manager, totalShards, logger)
    : undefined;
  const stop = async (signal: string) => {
    logger.info({ signal }, "stopping shards");
    setTimeout(() => process.exit(0), 9_500).unref();
    // A shard that exits now must stay down (respawn is read when a shard's process exits).
    manager.respawn = false;
    health?.close();
    await Promise.allSettled(
      [...manager.shards.values()].map(
        (shard) =>
          new Promise<void>((resolve) => {
            const child = shard.process;
            if (!child || child.exitCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  await manager.spawn({ amount: totalShards, delay: 0, timeout: 30_000 });
}
