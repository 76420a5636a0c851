/**
 * The scheduled watchers (SPEC §4). The lead's app calls:
 *   const jobs = startJobs(ctx, client);   // after login
 *   await jobs.stop();                      // on shutdown: timers off, in-flight polls awaited (bounded)
 * `lastPollAt()` and `pollsCompleted()` feed /healthz and /metrics.
 */
import { type Client, Events } from "discord.js";
import type { Context } from "../context.js";
import { startParentJob } from "./parents.js";
import { type PollDeps, pollAccount, pollBudget } from "./poll.js";
import { type GuildEntry, readRoster } from "./roster.js";
import { Scheduler } from "./scheduler.js";
import { StaleGuilds } from "./stale.js";
import { runSummary } from "./summary.js";
import { dueNow, startWallClock } from "./wallclock.js";

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
  let guilds = new Map<string, GuildEntry>();
  const stale = new StaleGuilds();
  const deps: PollDeps = {
    ctx,
    client,
    budgetMs: pollBudget(intervalMs),
    settingsOf: (guildId) => (stale.has(guildId) ? undefined : guilds.get(guildId)?.settings),
  };
  const log = ctx.logger.child({ component: "jobs" });
  let stopped = false;

  const scheduler = new Scheduler({
    intervalMs,
    logger: log,
    now: ctx.now,
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    revision: () => ctx.store.rosterRevision(),
    roster: async () => {
      const done = stale.readStarted();
      const r = await readRoster(ctx, client);
      guilds = r.guilds;
      done();
      return r.targets;
    },
    poll: (target, info) =>
      pollAccount(deps, target, info).then(
        () => ctx.metrics?.polls.inc({ outcome: "ok" }),
        (err: unknown) => {
          ctx.metrics?.polls.inc({ outcome: "error" });
          throw err;
        },
      ),
  });
  scheduler.start();
  // parent accounts' consent requests (parents are not in the roster of child accounts)
  const parentJob = startParentJob(ctx, client, intervalMs, pollBudget(intervalMs));

  ctx.sessions.onDeadCookie((guildId, robloxId) => {
    if (!stopped) scheduler.pollSoon(`${guildId}:${robloxId}`);
  });
  // A link, an unlink or a settings change in this process: read the roster again now.
  // Until then its polls read the guild's settings from the store.
  const unsubscribe = ctx.store.onChange((guildId) => {
    stale.mark(guildId);
    scheduler.refreshSoon();
  });
  const refresh = () => scheduler.refreshSoon();
  client.on(Events.GuildCreate, refresh);
  client.on(Events.ClientReady, refresh);

  const wallClock = startWallClock(
    async () => {
      const now = ctx.now();
      for (const { settings, targets } of guilds.values()) {
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
      unsubscribe();
      client.off(Events.GuildCreate, refresh);
      client.off(Events.ClientReady, refresh);
      await scheduler.stop(opts.stopGraceMs ?? 5_000);
      await parentJob.stop(opts.stopGraceMs ?? 5_000);
      log.info(scheduler.stats, "jobs: watchers stopped");
    },
    lastPollAt: () => scheduler.stats.lastPollAt,
    pollsCompleted: () => scheduler.stats.completed,
  };
}
