/**
 * The scheduled watchers (README, Alerts). The lead's app calls:
 *   const jobs = startJobs(ctx, client);   // after login
 *   await jobs.stop();                      // on shutdown: timers off, in-flight polls awaited (bounded)
 * `lastPollAt()` and `pollsCompleted()` feed /healthz and /metrics.
 */
import { type Client, Events } from "discord.js";
import type { Context } from "../context.js";
import { startParentJob } from "./parents/parents-watcher.js";
import { type PollDeps, pollAccount, pollBudget } from "./scheduling/poll.js";
import { LiveRoster } from "./scheduling/roster.js";
import { Scheduler } from "./scheduling/scheduler.js";
import { dueNow, startWallClock } from "./scheduling/wallclock.js";
import { runSummary } from "./summary/summary-job.js";

export interface JobsOptions {
  /** Polling period; default POLL_INTERVAL_SECONDS. */
  intervalMs?: number;
  /** Accounts polled at once, at most (default: follows the number of accounts, 16–256). */
  concurrency?: number;
  /** How long stop() waits for running polls before aborting them (default 5 s). */
  stopGraceMs?: number;
}

export interface Jobs {
  stop(): Promise<void>;
  lastPollAt(): number | undefined;
  pollsCompleted(): number;
}

export function startJobs(ctx: Context, client: Client, opts: JobsOptions = {}): Jobs {
  const intervalMs = opts.intervalMs ?? ctx.config.pollIntervalSeconds * 1000;
  const log = ctx.logger.child({ component: "jobs" });
  let stopped = false;
  // A link, an unlink or a settings change re-reads that guild alone, in this process at once and
  // in the others through the store's change log (scheduling/roster.ts).
  const live = new LiveRoster({
    store: ctx.store,
    serves: (guildId) => client.guilds.cache.has(guildId),
    apply: (guildId, targets) => scheduler.setGuild(guildId, targets),
    logger: log,
  });
  const deps: PollDeps = {
    ctx,
    client,
    budgetMs: pollBudget(intervalMs),
    settingsOf: (guildId) => live.settingsOf(guildId),
    accountsOf: (guildId) => live.guilds.get(guildId)?.targets.length,
  };

  const scheduler = new Scheduler({
    intervalMs,
    logger: log,
    now: ctx.now,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    poll: (target, info) =>
      pollAccount(deps, target, info).then(
        () => ctx.metrics?.polls.inc({ outcome: "ok" }),
        (err: unknown) => {
          ctx.metrics?.polls.inc({ outcome: "error" });
          throw err;
        },
      ),
  });
  live.start().catch((err) => log.error({ err }, "jobs: could not read the accounts to poll"));
  // parent accounts' consent requests (parents are not in the roster of child accounts)
  const parentJob = startParentJob(ctx, client, intervalMs, pollBudget(intervalMs));

  ctx.sessions.onDeadCookie((guildId, robloxId) => {
    if (!stopped) scheduler.pollSoon(`${guildId}:${robloxId}`);
  });
  const joined = (guild: { id: string }) => live.changed(guild.id);
  const ready = () => void live.readAll();
  client.on(Events.GuildCreate, joined);
  client.on(Events.GuildDelete, joined);
  client.on(Events.ClientReady, ready);

  const wallClock = startWallClock(
    async () => {
      const now = ctx.now();
      for (const { settings, targets } of live.guilds.values()) {
        const due = dueNow(settings, now);
        for (const t of targets) {
          if (due.quietEnded) scheduler.pollSoon(t.key);
          if (due.summary) void scheduler.runExclusive(t.key, (signal) => runSummary(deps, t, signal));
        }
      }
    },
    (err) => log.error({ err }, "jobs: wall-clock job failed"),
  );
  log.info({ intervalMs }, "jobs: watchers started");

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      await wallClock.stop();
      live.stop();
      client.off(Events.GuildCreate, joined);
      client.off(Events.GuildDelete, joined);
      client.off(Events.ClientReady, ready);
      await scheduler.stop(opts.stopGraceMs ?? 5_000);
      await parentJob.stop(opts.stopGraceMs ?? 5_000);
      log.info(scheduler.stats, "jobs: watchers stopped");
    },
    lastPollAt: () => scheduler.stats.lastPollAt,
    pollsCompleted: () => scheduler.stats.completed,
  };
}
