/**
 * Benchmark 2: scale. N linked accounts (one per guild, each watching a few friends) polled by the
 * REAL bot against the simulator in its own process with injected latency; schedule adherence
 * from the simulator's request log, in-process figures from bench/probe.mjs.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Bot, type BotWorld, startBotWorld } from "./lib/bot-world.js";
import { probeSnapshot } from "./lib/probe.js";
import { analyzeSchedule, type ScheduleReport } from "./lib/schedule.js";
import { type SimProcess, startSimProcess } from "./lib/sim-process.js";
import { MB } from "./lib/stats.js";

export interface ScaleOptions {
  sizes: number[];
  /** The (scaled) interval every size is run at, seconds. */
  intervalSeconds: number;
  /** Intervals measured after the first one (warm-up: every account's first poll). */
  measureIntervals: number;
  latencyMs: number;
  /** Watched friends per account (presence: one batched request per poll). */
  watched: number;
  /** Smallest-interval search on the largest size: candidates tried downwards (or upwards if the base run fails). */
  search?: { down: number[]; up: number[]; measureIntervals: number };
  /** Also run the largest size once at this interval (the production default, 60 s) if the search did not. */
  reference?: number;
  /** Project root to run (experiments: a patched copy of src/). */
  root?: string;
  /** A compiled entry (fresh build's dist/index.js) to run with plain node instead of tsx. */
  entry?: string;
  /** Extra bot environment. */
  env?: Record<string, string>;
  /** Extra Node flags for the bot. */
  nodeOptions?: string;
  log?: (line: string) => void;
}

export interface RunResult extends ScheduleReport {
  size: number;
  intervalSeconds: number;
  measuredSeconds: number;
  /** Requests per account per poll (window). */
  requestsPerPoll: number;
  peakRssMb: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  botCpuPct: number;
  simCpuPct: number;
  gcMaxMs: number;
  /** Memory at the end of the window (MB): rss, V8 heap used / total, external. */
  memoryMb: { rss: number; heapUsed: number; heapTotal: number; external: number };
  startSeconds: number;
  sustained: boolean;
}

export interface ScaleResult {
  runs: RunResult[];
  search: RunResult[];
  smallestSustainedSeconds: number | null;
  storeSeconds: Record<number, number>;
  opts: Omit<ScaleOptions, "log">;
}

/** Goal of benchmark 2 for one run: every account every interval, lag p99 ≤ 2 s. */
export function sustained(r: Pick<ScheduleReport, "share" | "lagMs">): boolean {
  return r.share === 1 && r.lagMs.p99 <= 2000;
}

async function measure(
  sim: SimProcess,
  world: BotWorld,
  bot: Bot,
  size: number,
  intervalSeconds: number,
  measureIntervals: number,
): Promise<RunResult> {
  const intervalMs = intervalSeconds * 1000;
  await sleep(intervalMs + 1000); // the first interval: sessions, baselines
  const from = Date.now();
  await probeSnapshot(bot.pid, bot.probeFile!);
  const sim0 = await sim.cpuMs();
  const to = from + measureIntervals * intervalMs;
  await sleep(to - Date.now() + 1500); // polls due before `to` start within the grace
  const snap = await probeSnapshot(bot.pid, bot.probeFile!);
  const sim1 = await sim.cpuMs();
  const windowMs = Date.now() - from;
  const log = await sim.log();
  await sim.clearLog();
  const report = analyzeSchedule(log, world.links, intervalMs, from, to);
  const polls = report.scheduled * report.pollsPerScheduled;
  const gcMaxMs = Math.max(0, ...Object.values(snap.gc ?? {}).map((g) => g.maxMs));
  const run: RunResult = {
    ...report,
    size,
    intervalSeconds,
    measuredSeconds: (to - from) / 1000,
    requestsPerPoll: polls > 0 ? report.requests / polls : Number.NaN,
    peakRssMb: Math.max(snap.maxRssBytes, snap.peakRssBytes) / MB,
    loopDelayP99Ms: snap.loopDelayMs.p99,
    loopDelayMaxMs: snap.loopDelayMs.max,
    botCpuPct: (100 * snap.cpuMs) / windowMs,
    simCpuPct: (100 * (sim1 - sim0)) / windowMs,
    gcMaxMs,
    memoryMb: {
      rss: snap.rssBytes / MB,
      heapUsed: snap.heapUsedBytes / MB,
      heapTotal: snap.heapTotalBytes / MB,
      external: snap.externalBytes / MB,
    },
    startSeconds: bot.startSeconds,
    sustained: false,
  };
  run.sustained = sustained(run);
  return run;
}

async function runOnce(
  sim: SimProcess,
  world: BotWorld,
  size: number,
  intervalSeconds: number,
  measureIntervals: number,
  o: ScaleOptions,
): Promise<RunResult> {
  await sim.clearLog();
  const bot = await world.startBot({
    pollIntervalSeconds: intervalSeconds,
    probe: true,
    ...(o.root ? { root: o.root } : {}),
    ...(o.entry ? { entry: o.entry } : {}),
    ...(o.nodeOptions ? { nodeOptions: o.nodeOptions } : {}),
    ...(o.env ? { env: o.env } : {}),
  });
  try {
    const r = await measure(sim, world, bot, size, intervalSeconds, measureIntervals);
    o.log?.(
      `  ${size} accounts @ ${intervalSeconds}s: on schedule ${(r.share * 100).toFixed(1)}%, lag p99 ${r.lagMs.p99} ms, ` +
        `${r.requestsPerSecond.toFixed(0)} req/s, RSS ${r.peakRssMb.toFixed(0)} MB, loop p99 ${r.loopDelayP99Ms.toFixed(1)} ms, ` +
        `bot CPU ${r.botCpuPct.toFixed(0)}%, sim CPU ${r.simCpuPct.toFixed(0)}%`,
    );
    return r;
  } finally {
    await bot.stop();
  }
}

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  const sim = await startSimProcess({ latencyMs: o.latencyMs });
  const runs: RunResult[] = [];
  const search: RunResult[] = [];
  const storeSeconds: Record<number, number> = {};
  let smallest: number | null = null;
  try {
    const largest = Math.max(...o.sizes);
    for (const size of [...o.sizes].sort((a, b) => a - b)) {
      const bulk = await sim.control<{ ids: number[]; cookies: string[]; friendIds: number[] }>(
        "POST",
        "bulk-accounts",
        { count: size, watchedFriends: o.watched },
      );
      const world = await startBotWorld({
        simOrigin: sim.origin,
        accounts: bulk.ids.map((id, i) => ({
          robloxId: id,
          cookie: bulk.cookies[i]!,
          watch: bulk.friendIds,
        })),
      });
      storeSeconds[size] = world.storeSeconds;
      try {
        const base = await runOnce(sim, world, size, o.intervalSeconds, o.measureIntervals, o);
        runs.push(base);
        if (size !== largest || !o.search) continue;
        if (base.sustained) smallest = o.intervalSeconds;
        const candidates = base.sustained ? o.search.down : o.search.up;
        for (const interval of candidates) {
          const r = await runOnce(sim, world, size, interval, o.search.measureIntervals, o);
          search.push(r);
          if (base.sustained && !r.sustained) break;
          if (r.sustained) {
            smallest = smallest === null ? interval : Math.min(smallest, interval);
            if (!base.sustained) break;
          }
        }
        const ref = o.reference;
        if (
          ref !== undefined &&
          ref !== o.intervalSeconds &&
          !search.some((r) => r.intervalSeconds === ref)
        ) {
          const r = await runOnce(sim, world, size, ref, o.search.measureIntervals, o);
          search.push(r);
          if (r.sustained && (smallest === null || ref < smallest)) smallest = ref;
        }
      } finally {
        await world.stop();
      }
    }
  } finally {
    await sim.close();
  }
  const { log: _log, ...opts } = o;
  return { runs, search, smallestSustainedSeconds: smallest, storeSeconds, opts };
}
