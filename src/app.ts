/**
 * One bot process: config → logger → store → Roblox client → discord.js client → jobs;
 * shutdown in reverse on SIGTERM/SIGINT, exit 0 within 10 s (in-flight work gets 7 of them);
 * the same shutdown, exiting 1, after an uncaught exception or unhandled rejection (fatal.ts).
 */

import { Client, Events, GatewayIntentBits, Status } from "discord.js";
import { confirmOperations, pagers } from "./commands/registry.js";
import type { Config } from "./config.js";
import type { Context } from "./context.js";
import { makeCache, REST_SWEEPS } from "./discord-cache.js";
import { createGuildDeleteHandler } from "./events/guildDelete.js";
import { createInteractionHandler } from "./events/interactionCreate.js";
import { fatalHandler, installFatalHandlers } from "./fatal.js";
import { startHeapWatch } from "./heap-watch.js";
import { startJobs } from "./jobs/index.js";
import { createLogger, type Logger } from "./logger.js";
import { Lookups } from "./lookups.js";
import { createMetrics, type HealthSource, healthReport, startHealthServer } from "./metrics.js";
import { createRobloxClient } from "./roblox/index.js";
import { Sessions } from "./sessions.js";
import type { ShardProbe } from "./sharding.js";
import { createKeyRing } from "./store/crypto.js";
import { createStore, type Store } from "./store/index.js";

const INFLIGHT_GRACE_MS = 7_000;
const HARD_EXIT_MS = 9_500;

/** Tracks in-flight work so shutdown can wait for it (bounded). */
class InFlight {
  readonly #pending = new Set<Promise<unknown>>();
  track<T>(p: Promise<T>): void {
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p)).catch(() => undefined);
  }
  async drain(ms: number): Promise<void> {
    const timeout = new Promise((r) => setTimeout(r, ms).unref());
    await Promise.race([Promise.allSettled([...this.#pending]), timeout]);
  }
}

async function openStore(config: Config, logger: Logger): Promise<Store> {
  try {
    return await createStore({
      url: config.storeUrl,
      keyring: createKeyRing(config.encryptionKey, config.encryptionKeysPrevious),
      logger,
      defaultTimeZone: config.tzDefault,
    });
  } catch (err) {
    process.stderr.write(`roguard: could not open the store at STORE_URL (${(err as Error).message}).\n`);
    process.exit(1);
  }
}

export async function runApp(config: Config): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  if (config.pollIntervalSeconds < 30) {
    logger.warn(
      { pollIntervalSeconds: config.pollIntervalSeconds },
      "POLL_INTERVAL_SECONDS is under 30: Roblox may rate-limit the account",
    );
  }
  // Set once the app is up; until then a fatal error exits at once (nothing to drain yet).
  let shutdown: ((reason: string, code: number) => Promise<void>) | undefined;
  installFatalHandlers(
    process,
    fatalHandler({ logger, shutdown: () => shutdown, exit: (code) => process.exit(code) }),
  );

  const store = await openStore(config, logger);
  const metrics = createMetrics();
  const roblox = createRobloxClient({
    origin: config.robloxApiOrigin,
    logger,
    onRequest: (m) => metrics.robloxRequests.inc({ endpoint: m.endpoint, status: String(m.status) }),
  });
  const ctx: Context = {
    config,
    logger,
    store,
    roblox,
    sessions: new Sessions(store, roblox, logger),
    lookups: new Lookups(roblox),
    now: Date.now,
    metrics,
    operations: { confirm: (op) => confirmOperations.get(op), pager: (kind) => pagers.get(kind) },
  };

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache,
    rest: { ...REST_SWEEPS, ...(config.discordApiUrl ? { api: config.discordApiUrl } : {}) },
    allowedMentions: { parse: [] },
  });
  const inflight = new InFlight();
  let accepting = true;
  const onInteraction = createInteractionHandler(ctx, (kind, ms, outcome) => {
    metrics.interactions.observe({ kind, outcome }, ms / 1000);
    if (outcome === "error") metrics.errors.inc({ kind: "interaction" });
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) inflight.track(onInteraction(interaction));
  });
  client.on(
    Events.GuildDelete,
    createGuildDeleteHandler(ctx, (p) => inflight.track(p)),
  );
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.once(Events.ClientReady, (c) =>
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, "ready"),
  );

  try {
    await client.login(config.discordToken);
  } catch (err) {
    process.stderr.write(
      `roguard: Discord did not accept the login (${(err as Error).message}). Check DISCORD_TOKEN.\n`,
    );
    await store.close().catch(() => undefined);
    process.exit(1);
  }

  const jobs = startJobs(ctx, client);
  const stopHeapWatch = startHeapWatch(logger);
  const healthSource: HealthSource = {
    // client.ws.status stays Ready after the first READY; each shard's own status follows drops.
    gatewayConnected: () =>
      client.ws.status === Status.Ready && client.ws.shards.every((s) => s.status === Status.Ready),
    storeReachable: () => store.ping(),
    lastPollAt: () => jobs.lastPollAt(),
    maxPollAgeMs: config.pollIntervalSeconds * 1000 * 5 + 60_000,
  };
  // A shard process binds no port: the ShardingManager serves /healthz and /metrics for every
  // shard and asks each one through this probe (src/sharding.ts).
  const probe: ShardProbe = {
    health: () => healthReport(healthSource),
    metrics: () => {
      const last = jobs.lastPollAt();
      metrics.lastPollAge.set(last === undefined ? -1 : (Date.now() - last) / 1000);
      return metrics.registry.getMetricsAsJSON();
    },
  };
  Object.assign(client, { roguard: probe });
  const health =
    config.httpPort && process.env.SHARDING_MANAGER === undefined
      ? await startHealthServer(config.httpPort, metrics, healthSource).catch((err) => {
          logger.error({ err, port: config.httpPort }, "could not serve /healthz and /metrics");
          return undefined;
        })
      : undefined;

  let stopping = false;
  let exitCode = 0;
  shutdown = async (signal: string, code: number) => {
    exitCode = Math.max(exitCode, code); // a fatal error during a SIGTERM shutdown still counts
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    setTimeout(() => process.exit(exitCode), HARD_EXIT_MS).unref();
    accepting = false;
    health?.close();
    stopHeapWatch();
    await jobs.stop().catch((err) => logger.warn({ err }, "jobs did not stop cleanly"));
    await inflight.drain(INFLIGHT_GRACE_MS);
    await roblox.close().catch(() => undefined);
    await client.destroy().catch(() => undefined);
    await store.close().catch((err) => logger.warn({ err }, "store did not close cleanly"));
    logger.flush();
    process.exit(exitCode);
  };
  const stop = shutdown;
  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  process.once("SIGINT", () => void stop("SIGINT", 0));
}
