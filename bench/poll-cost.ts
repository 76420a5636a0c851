/**
 * Benchmark 1: poll cost. Roblox requests per account per steady cycle divided by the theoretical
 * minimum, for W watched users (with and without a daily limit), side by side with the naive
 * baseline (bench/naive.ts) — all against one simulator, in the same run.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Sim, startSim } from "../sim/server.js";
import { botDescription, startBotWorld } from "./lib/bot-world.js";
import { type CycleCount, countCycles, cyclesOf, minimumPerCycle, naivePerCycle } from "./lib/cycles.js";
import type { Section } from "./lib/report.js";
import { fmt } from "./lib/stats.js";
import { runNaive } from "./naive.js";

export interface PollCostOptions {
  watched: number[];
  /** Steady cycles counted (a multiple of 5: screen time is read every 5th). */
  steadyCycles: number;
  intervalSeconds: number;
  /** Also run each W without a daily limit (s = 1). */
  withoutLimit?: boolean;
  /** A compiled entry to run with plain node instead of tsx. */
  entry?: string;
  /** Extra Node flags for the bot (NODE_OPTIONS). */
  nodeOptions?: string;
}

export interface PollCostRow {
  watched: number;
  dailyLimit: boolean;
  minimum: number;
  roguard: CycleCount;
  ratio: number;
  naive: CycleCount;
  naiveRatio: number;
  naiveExpected: number;
  /** CSRF handshakes over the whole run (one per session expected). */
  csrf: { roguard: number; naive: number };
}

export interface PollCostResult {
  rows: PollCostRow[];
  unattributed: number;
  opts: PollCostOptions;
  seconds: number;
}

interface Case {
  watched: number;
  dailyLimit: boolean;
  bot: number;
  naive: number;
}

function setUp(sim: Sim, o: PollCostOptions) {
  const cases: Omit<Case, "bot" | "naive">[] = [];
  for (const w of o.watched) {
    cases.push({ watched: w, dailyLimit: true });
    if (o.withoutLimit) cases.push({ watched: w, dailyLimit: false });
  }
  const bulk = sim.control.bulkAccounts({ count: cases.length * 2, watchedFriends: Math.max(...o.watched) });
  const full: Case[] = cases.map((c, i) => ({ ...c, bot: bulk.ids[2 * i]!, naive: bulk.ids[2 * i + 1]! }));
  for (const c of full) {
    for (const id of [c.bot, c.naive])
      sim.control.setScreenTime({ userId: id, dailyLimit: c.dailyLimit ? 120 : 0 });
  }
  const cookieOf = (id: number) => bulk.cookies[bulk.ids.indexOf(id)]!;
  return { cases: full, watchIds: bulk.friendIds, cookieOf };
}

export async function runPollCost(o: PollCostOptions): Promise<PollCostResult> {
  if (o.steadyCycles % 5 !== 0) throw new Error("steadyCycles must be a multiple of 5");
  const started = Date.now();
  const sim = await startSim({ logLimit: 1_000_000 });
  try {
    const { cases, watchIds, cookieOf } = setUp(sim, o);
    const world = await startBotWorld({
      simOrigin: sim.origin,
      accounts: cases.map((c) => ({
        robloxId: c.bot,
        cookie: cookieOf(c.bot),
        watch: watchIds.slice(0, c.watched),
      })),
    });
    try {
      const intervalMs = o.intervalSeconds * 1000;
      const bot = await world.startBot({
        pollIntervalSeconds: o.intervalSeconds,
        ...(o.entry ? { entry: o.entry } : {}),
        ...(o.nodeOptions ? { nodeOptions: o.nodeOptions } : {}),
      });
      try {
        // Cycle 0 (baseline, CSRF handshakes) + the steady cycles + one more to close the last.
        const need = o.steadyCycles + 2;
        const naive = runNaive(
          sim.origin,
          cases.map((c) => ({
            robloxId: c.naive,
            cookie: cookieOf(c.naive),
            watch: watchIds.slice(0, c.watched),
          })),
          need,
          intervalMs,
        );
        const deadline = Date.now() + (need + 4) * intervalMs + 15_000;
        while (cases.some((c) => cyclesOf(sim.log, c.bot).length < need)) {
          if (Date.now() > deadline) throw new Error(`poll-cost: the bot did not poll ${need} times in time`);
          await sleep(100);
        }
        await naive;
      } finally {
        await bot.stop();
      }
    } finally {
      await world.stop();
    }
    const rows = cases.map((c): PollCostRow => {
      const minimum = minimumPerCycle(c.watched, c.dailyLimit);
      const roguard = countCycles(sim.log, c.bot, 1, o.steadyCycles);
      const naive = countCycles(sim.log, c.naive, 1, o.steadyCycles);
      return {
        watched: c.watched,
        dailyLimit: c.dailyLimit,
        minimum,
        roguard,
        ratio: roguard.perCycle / minimum,
        naive,
        naiveRatio: naive.perCycle / minimum,
        naiveExpected: naivePerCycle(c.watched, c.dailyLimit),
        csrf: {
          roguard: sim.log.filter((e) => e.userId === c.bot && e.csrfRejected).length,
          naive: sim.log.filter((e) => e.userId === c.naive && e.csrfRejected).length,
        },
      };
    });
    const unattributed = sim.log.filter((e) => e.userId === null).length;
    return { rows, unattributed, opts: o, seconds: (Date.now() - started) / 1000 };
  } finally {
    await sim.close();
  }
}

export function pollCostSection(r: PollCostResult): Section {
  const figures = r.rows.map((row) => ({
    name: `poll cost W=${row.watched}${row.dailyLimit ? " (daily limit, s=2)" : " (no limit, s=1)"}: roguard / naive`,
    value: `${fmt(row.ratio)} / ${fmt(row.naiveRatio)}`,
    goal: "roguard = 1.00",
    met: Math.abs(row.ratio - 1) < 1e-9,
  }));
  const table = [
    "| W | daily limit | minimum / cycle | roguard / cycle | roguard ratio | naive / cycle | naive ratio | CSRF handshakes (roguard, naive; all cycles) |",
    "|---|---|---|---|---|---|---|---|",
    ...r.rows.map(
      (row) =>
        `| ${row.watched} | ${row.dailyLimit ? "yes (s=2)" : "no (s=1)"} | ${fmt(row.minimum)} | ${fmt(row.roguard.perCycle)} | **${fmt(row.ratio)}** | ${fmt(row.naive.perCycle)} | ${fmt(row.naiveRatio)} | ${row.csrf.roguard}, ${row.csrf.naive} |`,
    ),
  ];
  return {
    id: 1,
    title: "Poll cost",
    method: [
      `The real bot, ${botDescription(r.opts.entry, r.opts.nodeOptions)} as a child process, polls one linked account per case at POLL_INTERVAL_SECONDS=${r.opts.intervalSeconds},`,
      "against the simulator (in the bench process); each account watches W of its friends. In the same run the naive",
      "baseline (bench/naive.ts: same Roblox client and checks, presence asked for each watched user on its own) polls",
      "its own accounts with the same W and limits. From the simulator's request log, per account: a cycle starts at",
      `its restriction check; cycle 0 (baseline, CSRF handshakes) is left out and ${r.opts.steadyCycles} steady cycles are counted;`,
      "CSRF handshakes (403 + x-csrf-token, one per session) are not counted. Minimum = ⌈W/50⌉ presence + 1 friend",
      "requests + 1 restriction + s/5 screen time (s = 2 with a daily limit: settings + weekly usage; 1 without).",
    ],
    figures,
    notes: [
      ...table,
      "",
      `Requests without an authenticated account during the run (public lookups): ${r.unattributed}.`,
      `Requests by path for the largest W (roguard): ${JSON.stringify(r.rows.at(-1)?.roguard.byPath ?? {})}.`,
    ],
  };
}
