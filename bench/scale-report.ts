/** Benchmark 2 as a report section (pure). */
import { botDescription } from "./lib/bot-world.js";
import type { Figure, Section } from "./lib/report.js";
import { fmt, fmtInt } from "./lib/stats.js";
import type { RunResult, ScaleResult } from "./scale.js";

const RSS_GOAL_MB = 300;
const LOOP_GOAL_MS = 50;
const LAG_GOAL_MS = 2000;

function runRow(r: RunResult): string {
  return [
    fmtInt(r.size),
    `${r.intervalSeconds} s`,
    `${fmt(r.measuredSeconds, 0)} s`,
    `${fmt(r.share * 100, 1)} %`,
    `${fmtInt(r.missed)} / ${fmtInt(r.scheduled)}`,
    `${fmtInt(r.lagMs.p50)} / ${fmtInt(r.lagMs.p99)} / ${fmtInt(r.lagMs.max)}`,
    fmtInt(r.requestsPerSecond),
    fmt(r.requestsPerPoll),
    fmtInt(r.peakRssMb),
    `${fmt(r.loopDelayP99Ms, 1)} / ${fmt(r.loopDelayMaxMs, 0)}`,
    `${fmtInt(r.botCpuPct)} % / ${fmtInt(r.simCpuPct)} %`,
    r.sustained ? "yes" : "no",
  ].join(" | ");
}

const GOAL_INTERVAL_S = 20;

/** Figures of one run; a search run below the goal interval only looks for the limit (no verdicts). */
function sizeFigures(r: RunResult, probe = false): Figure[] {
  const n = `${fmtInt(r.size)} accounts @ ${r.intervalSeconds} s`;
  const figures: Figure[] = [
    {
      name: `${n}: polled every interval`,
      value: `${fmt(r.share * 100, 1)} %`,
      goal: "100 %",
      met: r.share === 1,
    },
    {
      name: `${n}: lag p50 / p99`,
      value: `${fmtInt(r.lagMs.p50)} / ${fmtInt(r.lagMs.p99)} ms`,
      goal: "p99 ≤ 2 s",
      met: r.lagMs.p99 <= LAG_GOAL_MS,
    },
    { name: `${n}: Roblox requests/s`, value: fmtInt(r.requestsPerSecond), goal: "—", met: null },
    {
      name: `${n}: peak RSS`,
      value: `${fmtInt(r.peakRssMb)} MB`,
      goal: "≤ 300 MB",
      met: r.peakRssMb <= RSS_GOAL_MB,
    },
    {
      name: `${n}: event-loop delay p99`,
      value: `${fmt(r.loopDelayP99Ms, 1)} ms`,
      goal: "≤ 50 ms",
      met: r.loopDelayP99Ms <= LOOP_GOAL_MS,
    },
  ];
  return probe
    ? figures.map((f) => ({
        ...f,
        goal: f.met === null ? f.goal : "— (below the 20 s goal: search)",
        met: null,
      }))
    : figures;
}

export function scaleSection(s: ScaleResult): Section {
  const o = s.opts;
  const largest = Math.max(...o.sizes);
  const tried = [...s.runs.filter((r) => r.size === largest), ...s.search].sort(
    (a, b) => a.intervalSeconds - b.intervalSeconds,
  );
  const fastest = tried.reduce<RunResult | undefined>(
    (m, r) => (m === undefined || r.requestsPerSecond > m.requestsPerSecond ? r : m),
    undefined,
  );
  // Throughput the bot showed at the largest size: polls per second it completed.
  const pollsPerSec = fastest ? fastest.requestsPerSecond / fastest.requestsPerPoll : Number.NaN;
  const estimate = largest / pollsPerSec;
  const smallest = s.smallestSustainedSeconds;
  const figures: Figure[] = [
    ...s.runs.flatMap((r) => sizeFigures(r)),
    ...s.search.flatMap((r) => sizeFigures(r, r.intervalSeconds < GOAL_INTERVAL_S)),
    {
      name: `smallest interval sustained for ${fmtInt(largest)} accounts`,
      value:
        smallest !== null
          ? `${smallest} s`
          : `none of ${tried.map((r) => `${r.intervalSeconds} s`).join(", ")} (throughput ≈ ${fmtInt(pollsPerSec)} polls/s → ≈ ${fmtInt(estimate)} s)`,
      goal: `≤ ${GOAL_INTERVAL_S} s`,
      met: smallest !== null && smallest <= GOAL_INTERVAL_S,
    },
  ];
  const perPoll = s.runs[0]?.requestsPerPoll ?? Number.NaN;
  return {
    id: 2,
    title: "Scale",
    method: [
      `The real bot, ${botDescription(o.entry, o.nodeOptions)} as a child process (no client stub), logged in`,
      `to the fake Discord (bench process), which puts it in one guild per linked account, each with an alert channel.`,
      `The simulator runs in its own process (bench/lib/sim-child.ts) with ${o.latencyMs} ms injected latency on every response;`,
      `each account watches ${o.watched} friends. Store: a temp SQLite file prepared through the store API before the bot starts.`,
      `Shortened run: every size at a scaled interval of ${o.intervalSeconds} s (${fmt(60 / o.intervalSeconds, 0)}× the request rate of`,
      "POLL_INTERVAL_SECONDS=60, so a pass here is a pass at 60 s); the first interval after start-up (sessions, baselines) is",
      `not measured, then ${o.measureIntervals} interval(s) are. The smallest-interval search restarts the bot on the ${fmtInt(largest)}-account`,
      `world at ${o.search ? `${o.search.down.join(", ")} s (if ${o.intervalSeconds} s holds) or ${o.search.up.join(", ")} s (if not), stopping at the first change of verdict` : "—"}, measuring ${o.search?.measureIntervals ?? 0} interval(s) each${o.reference ? `; the same world is also run once at the production default of ${o.reference} s` : ""}.`,
      "",
      "How each figure is taken: a poll starts with the account's restriction check (src/jobs/scheduling/poll.ts asks it first); from",
      "the simulator's request log, every scheduled fire time in the window (src/jobs/scheduling/offsets.ts: the fixed offset of",
      '`guildId:robloxId`) must be followed by a poll start within the interval ("polled every interval"); lag = poll',
      "start − scheduled time. Requests/s = every request the simulator received in the window. Peak RSS = the kernel's",
      "maxRSS of the bot process over its life (start-up included); event-loop delay = perf_hooks.monitorEventLoopDelay",
      "(10 ms resolution, resolution subtracted) inside the bot over the window — both from bench/probe.mjs, loaded with",
      "NODE_OPTIONS=--import, src/ untouched. CPU = process CPU time / window (2 cores).",
      `At POLL_INTERVAL_SECONDS=60 the request rate is accounts × ${fmt(perPoll)} requests per poll / 60 s (e.g. ${fmtInt((largest * perPoll) / 60)}/s for ${fmtInt(largest)}).`,
    ],
    figures,
    notes: [
      "| accounts | interval | window | polled every interval | missed / scheduled | lag p50 / p99 / max (ms) | req/s | req/poll | peak RSS (MB) | loop delay p99 / max (ms) | CPU bot / sim | sustained |",
      "|---|---|---|---|---|---|---|---|---|---|---|---|",
      ...[...s.runs, ...s.search].map((r) => `| ${runRow(r)} |`),
      "",
      `Store preparation: ${Object.entries(s.storeSeconds)
        .map(([n, sec]) => `${fmtInt(Number(n))} accounts ${fmt(sec, 1)} s`)
        .join(
          ", ",
        )}; bot start-up (spawn → ready): ${[...s.runs, ...s.search].map((r) => `${fmt(r.startSeconds, 1)} s`).join(", ")}.`,
    ],
  };
}
