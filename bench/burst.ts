/**
 * Benchmark 6: a burst of new guilds, as a new operator meets it with plain `npm start` (no Node
 * flags: no NODE_OPTIONS, no probe). The REAL bot (`node dist/index.js`) logged in to the fake
 * Discord with N guilds, each with an alert channel; the simulator in its own process with 50 ms
 * latency on every answer.
 *   1. links: every guild runs `/roblox link` and submits the modal with its own account's
 *      cookie, started at ~32 links/s (open loop);
 *   2. configuration: every guild runs `/alerts channel` and 3 × `/alerts watch-add`, started at
 *      ~64 commands/s;
 *   3. steady polling every 10 s: after one interval (baselines), cheap commands (`/roblox
 *      accounts`, `/alerts show`) one at a time in random guilds, time to the first callback.
 * Peak RSS is the kernel's high-water mark of the bot process (/proc/<pid>/status VmHWM), CPU its
 * user + system time (/proc/<pid>/stat) over each phase. Then, on the store the bot wrote, two
 * store instances with a roster each (as two processes) count the SQL statements one change costs.
 *
 * With --shards=S the bot runs as Discord requires from 2,500 guilds: SHARDS=S (discord.js's
 * ShardingManager, one process per shard) on a Redis store (README: `redis://…` for several
 * processes); CPU and RSS are then summed over the manager and its shard processes, and each
 * process's peak RSS is reported.
 *
 *   npx tsx bench/burst.ts --n=1000 [--entry=/path/to/dist/index.js]   one size, printed
 *     [--shards=4] [--interval=30] [--probe] [--profile=<dir> [--heap]]
 * Without --entry it builds the working tree (bench/lib/build.ts) and runs that dist/index.js.
 * --probe loads bench/probe.mjs (event-loop delay and GC per phase; diagnosis, not the measured
 * runs); --profile also writes a CPU profile and an allocation profile per phase, --heap a heap snapshot.
 */
import { existsSync, readdirSync, readFileSync, renameSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { commandData } from "../src/commands/deploy-json.js";
import { LiveRoster } from "../src/jobs/scheduling/roster.js";
import type { Target } from "../src/jobs/scheduling/scheduler.js";
import type { Store } from "../src/store/index.js";
import type { Json } from "../test/e2e/fake-discord/http.js";
import { startRedis } from "../test/prod/redis.js";
import { botDescription, openBenchStore, startBotWorld } from "./lib/bot-world.js";
import { freshBuild } from "./lib/build.js";
import {
  EXCHANGE_BODY_CHARS,
  EXCHANGE_GAP_MS,
  type ExchangeCost,
  exchangeCost,
} from "./lib/exchange-cost.js";
import { probeSnapshot } from "./lib/probe.js";
import type { Section } from "./lib/report.js";
import { startSimProcess } from "./lib/sim-process.js";
import { fmt, fmtInt, type Summary, summarize } from "./lib/stats.js";

export interface BurstOptions {
  size: number;
  linksPerSecond: number;
  commandsPerSecond: number;
  pollIntervalSeconds: number;
  latencyMs: number;
  /** Cheap commands timed while polling runs. */
  cheapCommands: number;
  /** A compiled entry (a fresh build's dist/index.js, or another checkout's) run with plain node. */
  entry?: string;
  /** Node flags for the bot: diagnosis only; the measured runs pass none. */
  nodeOptions?: string;
  /** Diagnosis only: load bench/probe.mjs and write a CPU profile per phase into this folder. */
  profileDir?: string;
  /** Diagnosis only: with profileDir, a heap snapshot at each phase's end too. */
  heapSnapshots?: boolean;
  /** Diagnosis only: load bench/probe.mjs and log its event-loop delay and GC figures per phase. */
  probe?: boolean;
  /** Diagnosis only: stop after the configuration phase (A/B of CPU per link and per command). */
  skipSteady?: boolean;
  /** SHARDS for the bot (one process per shard, on a Redis store); 1 or absent: one process, SQLite. */
  shards?: number;
  /** Name of what ran, for the report (e.g. a commit). */
  label?: string;
  /** Bare HTTP exchanges timed for the machine's floor (bench/lib/exchange-cost.ts); default 1,000. */
  floorExchanges?: number;
  log?: (line: string) => void;
}

export interface BurstResult {
  size: number;
  label: string | undefined;
  entry: string | undefined;
  peakRssMb: number;
  /** Shards: peak RSS of each process (manager first) and their sum. */
  processes?: { peakRssMb: number[]; totalPeakRssMb: number; shards: number; redisRssMb: number };
  pollIntervalSeconds: number;
  loadAverage: { start: number[]; end: number[] };
  links: { ok: number; failed: number; seconds: number; perSecond: number; ms: Summary };
  config: { ok: number; failed: number; seconds: number; perSecond: number; ms: Summary };
  cpuMsPerLink: number;
  cpuMsPerCommand: number;
  /** The same minus what polling alone costs per second (measured in phase 3), times the phase. */
  cpuMsPerCommandNetOfPolling: number;
  pollingCpuPct: number;
  /**
   * From the fake writing INTERACTION_CREATE to the bot's socket to the first callback request reaching
   * the fake (the goal's figure: what Discord would see).
   */
  cheap: Summary;
  /** The same as the bench's loop saw it: also the fake building the payload and checking the callback. */
  cheapSeen: Summary;
  cheapErrors: number;
  /** SQL statements one change (a link + its alert channel) costs, in the writing process and in another. */
  readsPerChange: { writer: number; other: number } | undefined;
  startSeconds: number;
  /** One bare HTTP exchange on this machine before the bot started, and while it polled (phase 3). */
  floor: { quiet: ExchangeCost; polling: ExchangeCost | undefined };
}

const CLK_TCK = 100;

/** CPU time (ms) and peak RSS (MB) of a process, from /proc. */
function procFigures(pid: number): { cpuMs: number; peakRssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuMs, peakRssMb: Number(hwm ?? 0) / 1024 };
}

/**
 * The process and its Node children (the ShardingManager's shard processes), from /proc; other
 * children (tsx's esbuild service, when the bot runs from source) are not the bot.
 */
function processTree(pid: number): number[] {
  const children: number[] = [];
  const comm = (p: number | string) => readFileSync(`/proc/${p}/comm`, "utf8").trim();
  const own = comm(pid);
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid && comm(d) === own) children.push(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  return [pid, ...children.sort((a, b) => a - b)];
}

/** CPU summed over the process tree; peak RSS per process (the sum is an upper bound of the total). */
function treeFigures(pids: readonly number[]): { cpuMs: number; peakRssMb: number[] } {
  const f = pids.map((p) => {
    try {
      return procFigures(p);
    } catch {
      return { cpuMs: 0, peakRssMb: 0 };
    }
  });
  return { cpuMs: f.reduce((a, x) => a + x.cpuMs, 0), peakRssMb: f.map((x) => x.peakRssMb) };
}

const loadAverage = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** Starts `run(i)` for i < count at `perSecond`, at most `inFlight` running; resolves when all ended. */
async function paced(
  count: number,
  perSecond: number,
  inFlight: number,
  run: (i: number) => Promise<void>,
): Promise<number> {
  const t0 = performance.now();
  const gap = 1000 / perSecond;
  const running = new Set<Promise<void>>();
  for (let i = 0; i < count; i++) {
    const wait = t0 + i * gap - performance.now();
    if (wait > 1) await sleep(wait);
    while (running.size >= inFlight) await Promise.race(running);
    const p = run(i).finally(() => running.delete(p));
    running.add(p);
  }
  await Promise.all(running);
  return (performance.now() - t0) / 1000;
}

/** Counts the SQL statements one store instance sends (SELECTs = reads). */
function countReads(store: Store): { reads: number } {
  const c = { reads: 0 };
  const sql = store.keyv.store as { query: (q: string, ...p: unknown[]) => Promise<unknown> };
  const query = sql.query;
  sql.query = (q, ...p) => {
    if (/^\s*SELECT/i.test(q)) c.reads++;
    return query(q, ...p);
  };
  return c;
}

/** Two store instances with a roster each on the bot's store: the reads of one more guild's link + channel. */
async function readsPerChange(storeUrl: string): Promise<{ writer: number; other: number }> {
  const a = await openBenchStore(storeUrl);
  const b = await openBenchStore(storeUrl);
  const noop = (_g: string, _t: readonly Target[]) => undefined;
  const { silentLogger } = await import("../src/logger.js");
  const mk = (store: Store) =>
    new LiveRoster({
      store,
      serves: () => true,
      apply: noop,
      logger: silentLogger(),
      feedEveryMs: 3_600_000,
    });
  const ra = mk(a);
  const rb = mk(b);
  try {
    await ra.start();
    await rb.start();
    const ca = countReads(a);
    const cb = countReads(b);
    const guildId = "990000000000000001";
    await a.accounts.upsert({
      guildId,
      robloxId: "42",
      robloxName: "Bench",
      displayName: "Bench",
      linkedBy: "1",
      cookie: "_|WARNING:-bench",
    });
    await a.settings.update(guildId, { alertChannelId: "43" });
    await ra.refresh(guildId);
    await rb.follow();
    if (!rb.guilds.has(guildId)) throw new Error("the other roster did not learn of the change");
    return { writer: ca.reads, other: cb.reads };
  } finally {
    ra.stop();
    rb.stop();
    await a.close();
    await b.close();
  }
}

export async function runBurst(o: BurstOptions): Promise<BurstResult> {
  const log = o.log ?? (() => undefined);
  const shards = o.shards ?? 1;
  const load0 = loadAverage();
  const floorQuiet = await exchangeCost(o.floorExchanges);
  const sim = await startSimProcess({ latencyMs: o.latencyMs, log: false });
  // Several processes share a store: Redis, as README says for shards.
  const redis = shards > 1 ? await startRedis() : undefined;
  try {
    const bulk = await sim.control<{ ids: number[]; cookies: string[]; friendIds: number[] }>(
      "POST",
      "bulk-accounts",
      { count: o.size, watchedFriends: 3 },
    );
    const world = await startBotWorld({
      simOrigin: sim.origin,
      prepare: false,
      accounts: bulk.ids.map((id, i) => ({ robloxId: id, cookie: bulk.cookies[i]! })),
      ...(redis ? { storeUrl: redis.url, shards } : {}),
    });
    try {
      const { fake } = world;
      fake.registerCommands(commandData() as unknown as Json[]);
      const probing = o.probe === true || o.profileDir !== undefined;
      const bot = await world.startBot({
        pollIntervalSeconds: o.pollIntervalSeconds,
        ...(o.entry ? { entry: o.entry } : {}),
        ...(o.nodeOptions ? { nodeOptions: o.nodeOptions } : {}),
        ...(shards > 1 ? { readyCount: shards } : {}),
        ...(probing ? { probe: true } : {}),
        env: {
          ...(shards > 1 ? { SHARDS: String(shards) } : {}),
          ...(probing ? { BENCH_TRACE_INTERACTIONS: "1", BENCH_TIME_STORE: "1" } : {}),
          ...(o.profileDir ? { BENCH_CPU_PROFILE: join(o.profileDir, "current.cpuprofile") } : {}),
          ...(o.profileDir && o.heapSnapshots
            ? { BENCH_HEAP_SNAPSHOT: join(o.profileDir, "last.heapsnapshot") }
            : {}),
        },
        readyTimeoutMs: 300_000,
      });
      const pids = processTree(bot.pid);
      if (shards > 1) log(`  processes: manager ${pids[0]}, shards ${pids.slice(1).join(", ")}`);
      const figures = () => treeFigures(pids);
      const profile = async (phase: string) => {
        if (!probing || !bot.probeFile) return;
        const snap = await probeSnapshot(bot.pid, bot.probeFile, 60_000);
        const gc = Object.entries(snap.gc)
          .map(([k, g]) => `${k} ${g.count}× ${g.totalMs.toFixed(0)} ms (max ${g.maxMs.toFixed(1)})`)
          .join(", ");
        const inside = snap.interactionsMs;
        const gets = (snap as { storeGetMs?: { n: number; p50: number; p99: number; max: number } })
          .storeGetMs;
        log(
          `  [${phase}] inside the bot (gateway frame → callback request) ${inside ? `p50 ${inside.p50.toFixed(1)} / p99 ${inside.p99.toFixed(1)} / max ${inside.max.toFixed(1)} ms (${inside.n})` : "n/a"}; store get ${gets ? `p50 ${gets.p50.toFixed(1)} / p99 ${gets.p99.toFixed(1)} / max ${gets.max.toFixed(1)} ms (${gets.n})` : "n/a"}`,
        );
        log(
          `  [${phase}] loop delay p50 ${snap.loopDelayMs.p50.toFixed(1)} / p99 ${snap.loopDelayMs.p99.toFixed(1)} / max ${snap.loopDelayMs.max.toFixed(1)} ms; GC ${gc}; load ${loadAverage().join(" ")}`,
        );
        if (!o.profileDir) return;
        const file = join(o.profileDir, "current.cpuprofile");
        for (let i = 0; i < 600 && !existsSync(file); i++) await sleep(100);
        await sleep(500);
        renameSync(join(o.profileDir, "current.cpuprofile"), join(o.profileDir, `${phase}.cpuprofile`));
        const allocations = join(o.profileDir, "current.heapprofile");
        if (existsSync(allocations)) renameSync(allocations, join(o.profileDir, `${phase}.heapprofile`));
      };
      try {
        await profile("startup");
        const cpu0 = figures().cpuMs;

        // 1. links
        const linkMs: number[] = [];
        let linkFailed = 0;
        const linkSeconds = await paced(o.size, o.linksPerSecond, 512, async (i) => {
          const l = world.links[i]!;
          const t0 = performance.now();
          try {
            const shown = await fake.runCommand({ name: "roblox", subcommand: "link", guildId: l.guildId });
            await shown.waitForModal(60_000);
            const submit = await fake.submitModal({
              customId: "roblox-link",
              from: shown,
              fields: { cookie: bulk.cookies[i]!, tracker: "", label: "" },
            });
            const m = await submit.waitForFinal({ timeoutMs: 120_000 });
            if (!/Linked \*\*/.test(m.content ?? "")) throw new Error(m.content ?? "no content");
            linkMs.push(performance.now() - t0);
          } catch (err) {
            if (linkFailed++ < 3) log(`  link ${i} failed: ${String(err).slice(0, 300)}`);
          }
        });
        const cpu1 = figures().cpuMs;
        await profile("links");
        log(
          `  ${o.size} links in ${linkSeconds.toFixed(1)} s (${linkFailed} failed), bot CPU ${((cpu1 - cpu0) / o.size).toFixed(2)} ms/link`,
        );

        // 2. configuration: /alerts channel, then 3 × /alerts watch-add per guild
        const cmdMs: number[] = [];
        let cmdFailed = 0;
        const friends = bulk.friendIds.slice(0, 3);
        const configSeconds = await paced(o.size * 4, o.commandsPerSecond, 512, async (k) => {
          const l = world.links[Math.floor(k / 4)]!;
          const j = k % 4;
          const t0 = performance.now();
          try {
            const h =
              j === 0
                ? await fake.runCommand({
                    name: "alerts",
                    subcommand: "channel",
                    guildId: l.guildId,
                    options: { channel: l.channelId },
                  })
                : await fake.runCommand({
                    name: "alerts",
                    subcommand: "watch-add",
                    guildId: l.guildId,
                    options: { user: String(friends[j - 1]) },
                  });
            const m = await h.waitForFinal({ timeoutMs: 120_000 });
            if (/went wrong|permission/i.test(m.content ?? "")) throw new Error(m.content ?? "");
            cmdMs.push(performance.now() - t0);
          } catch (err) {
            if (cmdFailed++ < 3) log(`  command ${k} failed: ${String(err).slice(0, 300)}`);
          }
        });
        const cpu2 = figures().cpuMs;
        await profile("config");
        log(
          `  ${o.size * 4} commands in ${configSeconds.toFixed(1)} s (${cmdFailed} failed), bot CPU ${((cpu2 - cpu1) / (o.size * 4)).toFixed(2)} ms/command`,
        );

        // 3. steady polling: one interval for baselines, then polling alone, then cheap commands
        // (--no-steady: none of it; the CPU "net of polling" then equals the gross figure)
        const steady = o.skipSteady !== true;
        if (steady) await sleep(o.pollIntervalSeconds * 1000 + 2000);
        const cpu3 = figures().cpuMs;
        const quietMs = steady ? o.pollIntervalSeconds * 1000 : 0;
        await sleep(quietMs);
        const pollingCpuPerMs = steady ? (figures().cpuMs - cpu3) / quietMs : 0;
        const cheapMs: number[] = [];
        const cheapSeenMs: number[] = [];
        let cheapErrors = 0;
        // At most a minute of them: a saturated bot must not stretch the run without bound.
        const cheapEnd = Date.now() + (steady ? 60_000 : 0);
        for (let i = 0; i < o.cheapCommands && Date.now() < cheapEnd; i++) {
          const l = world.links[Math.floor(Math.random() * world.links.length)]!;
          const input =
            i % 2 === 0
              ? { name: "roblox", subcommand: "accounts", guildId: l.guildId }
              : { name: "alerts", subcommand: "show", guildId: l.guildId };
          const t0 = performance.now();
          try {
            const h = await fake.runCommand(input);
            const cb = await fake.waitFor(() => h.callbacks[0], 10_000, "the first callback");
            cheapSeenMs.push(performance.now() - t0);
            if (cb.arrivedAt === undefined || h.dispatchedAt === undefined)
              throw new Error("the fake did not stamp the dispatch or the callback");
            cheapMs.push(cb.arrivedAt - h.dispatchedAt);
            if (!cb.accepted) cheapErrors++;
          } catch (err) {
            // Unanswered within 10 s: counted, and kept out of the latency figures.
            if (cheapErrors++ < 3) log(`  cheap command ${i} failed: ${String(err).slice(0, 200)}`);
          }
          await sleep(5);
        }
        await profile("steady");
        // The same bare exchange as before the bot started, now with the bot polling beside it.
        const floorPolling = steady ? await exchangeCost(o.floorExchanges) : undefined;
        const rss = figures().peakRssMb;
        const peakRssMb = Math.max(...rss);
        // Redis's own figure (INFO memory): its RSS at the end of the run.
        const redisInfo = redis ? await redis.command("INFO", "memory") : "";
        const redisRssMb = Number(/used_memory_rss:(\d+)/.exec(redisInfo)?.[1] ?? 0) / 1048576;
        const startSeconds = bot.startSeconds;
        await bot.stop();
        // Counted at the SQLite adapter; with shards (Redis) not measured here (test/jobs/roster.test.ts).
        const reads = redis
          ? undefined
          : await readsPerChange(world.storeUrl).catch((err) => {
              log(`  reads per change not measured: ${String(err).slice(0, 200)}`);
              return undefined;
            });
        const cpuCommands = cpu2 - cpu1;
        return {
          size: o.size,
          label: o.label,
          entry: o.entry,
          peakRssMb,
          ...(shards > 1
            ? {
                processes: {
                  peakRssMb: rss,
                  totalPeakRssMb: rss.reduce((a, x) => a + x, 0),
                  shards,
                  redisRssMb,
                },
              }
            : {}),
          pollIntervalSeconds: o.pollIntervalSeconds,
          loadAverage: { start: load0, end: loadAverage() },
          links: {
            ok: linkMs.length,
            failed: linkFailed,
            seconds: linkSeconds,
            perSecond: o.size / linkSeconds,
            ms: summarize(linkMs),
          },
          config: {
            ok: cmdMs.length,
            failed: cmdFailed,
            seconds: configSeconds,
            perSecond: (o.size * 4) / configSeconds,
            ms: summarize(cmdMs),
          },
          cpuMsPerLink: (cpu1 - cpu0) / o.size,
          cpuMsPerCommand: cpuCommands / (o.size * 4),
          cpuMsPerCommandNetOfPolling:
            Math.max(0, cpuCommands - pollingCpuPerMs * configSeconds * 1000) / (o.size * 4),
          pollingCpuPct: pollingCpuPerMs * 100,
          cheap: summarize(cheapMs),
          cheapSeen: summarize(cheapSeenMs),
          cheapErrors,
          readsPerChange: reads,
          startSeconds,
          floor: { quiet: floorQuiet, polling: floorPolling },
        };
      } finally {
        await bot.stop();
      }
    } finally {
      await world.stop();
    }
  } finally {
    await redis?.close();
    await sim.close();
  }
}

const floorText = (f: ExchangeCost) => `${fmt(f.cpuMsPerExchange)} / ${fmt(f.roundTripMs.p99)} ms`;

/** The machine's floor under the goals, from the measured bare exchange (a sentence per run). */
function floorNote(r: BurstResult): string {
  const c = r.floor.quiet.cpuMsPerExchange;
  const polling = r.floor.polling;
  return [
    `Floor at ${fmtInt(r.size)} guilds: one bare HTTP exchange (bench/lib/exchange-cost.ts: undici, keep-alive, a`,
    `${fmtInt(EXCHANGE_BODY_CHARS)}-character JSON POST to node:http in another process on 127.0.0.1, one at a time`,
    `${EXCHANGE_GAP_MS} ms apart as the bot's come) cost the client`,
    `${fmt(c)} ms of CPU before the bot started${polling ? ` and ${fmt(polling.cpuMsPerExchange)} ms while it polled` : ""};`,
    `its round trip p50 / p99 was ${fmt(r.floor.quiet.roundTripMs.p50)} / ${fmt(r.floor.quiet.roundTripMs.p99)} ms quiet`,
    polling
      ? `and ${fmt(polling.roundTripMs.p50)} / ${fmt(polling.roundTripMs.p99)} ms with the bot polling.`
      : "(not measured with the bot polling: --no-steady).",
    `A link makes four such exchanges (Discord: modal, reply; Roblox: authenticated user, avatar) besides two gateway`,
    `frames, so ≥ ${fmt(4 * c)} ms of its ${fmt(r.cpuMsPerLink)} ms are this machine's network stack before any of the`,
    `bot's work; a settings command makes one (≥ ${fmt(c)} of ${r.cpuMsPerCommandNetOfPolling > 0 ? `${fmt(r.cpuMsPerCommandNetOfPolling)} ms net of polling` : `${fmt(r.cpuMsPerCommand)} ms, polling included`}).`,
  ].join(" ");
}

export function burstSection(results: BurstResult[]): Section {
  const figures = results.flatMap((r) => {
    const n = `${fmtInt(r.size)} guilds`;
    return [
      {
        name: `${n}: peak RSS${r.processes ? " (the largest process)" : ""}`,
        value: `${fmt(r.peakRssMb, 0)} MB`,
        goal: "≤ 300 MB",
        met: r.peakRssMb <= 300,
      },
      {
        name: `${n}: cheap command first callback p50 / p99, polling running`,
        value: `${fmt(r.cheap.p50)} / ${fmt(r.cheap.p99)} ms`,
        goal: "p99 ≤ 5 ms",
        met: r.cheap.p99 <= 5,
      },
      {
        name: `${n}: bot CPU per link`,
        value: `${fmt(r.cpuMsPerLink)} ms`,
        goal: "≤ 5 ms",
        met: r.cpuMsPerLink <= 5,
      },
      {
        name: `${n}: bot CPU per settings command (net of polling)`,
        value: `${fmt(r.cpuMsPerCommand)} (${r.cpuMsPerCommandNetOfPolling > 0 ? fmt(r.cpuMsPerCommandNetOfPolling) : "n/a"}) ms`,
        goal: "≤ 2 ms",
        met: r.cpuMsPerCommand <= 2,
      },
      {
        name: `${n}: one bare HTTP exchange on this machine, client CPU / round trip p99, quiet · bot polling`,
        value: `${floorText(r.floor.quiet)} · ${r.floor.polling ? floorText(r.floor.polling) : "n/a"}`,
        goal: "—",
        met: null,
      },
      {
        name: `${n}: store reads per change (writer / other process)`,
        value: r.readsPerChange ? `${r.readsPerChange.writer} / ${r.readsPerChange.other}` : "n/a",
        goal: "same at every N",
        met: null,
      },
    ];
  });
  const rows = results.map(
    (r) =>
      `| ${fmtInt(r.size)}${r.processes ? ` (${r.processes.shards} shards, Redis; polling every ${r.pollIntervalSeconds} s)` : ""} | ${r.processes ? `${r.processes.peakRssMb.map((x) => fmt(x, 0)).join(" / ")} (manager / shards; sum ${fmt(r.processes.totalPeakRssMb, 0)}; Redis ${fmt(r.processes.redisRssMb, 0)})` : fmt(r.peakRssMb, 0)} | ${fmtInt(r.links.ok)} / ${r.links.failed} in ${fmt(r.links.seconds, 1)} s (${fmt(r.links.perSecond, 1)}/s), p50 ${fmt(r.links.ms.p50, 0)} ms | ${fmt(r.cpuMsPerLink)} | ${fmtInt(r.config.ok)} / ${r.config.failed} in ${fmt(r.config.seconds, 1)} s (${fmt(r.config.perSecond, 1)}/s), p50 ${fmt(r.config.ms.p50, 0)} ms | ${fmt(r.cpuMsPerCommand)} (${r.cpuMsPerCommandNetOfPolling > 0 ? fmt(r.cpuMsPerCommandNetOfPolling) : "n/a"}) | ${fmt(r.pollingCpuPct, 0)} % | ${fmt(r.cheap.p50)} / ${fmt(r.cheap.p99)} / ${fmt(r.cheap.max)} [${fmt(r.cheapSeen.p50)} / ${fmt(r.cheapSeen.p99)}]${r.cheapErrors > 0 ? ` (${r.cheapErrors} unanswered in 10 s)` : ""} | ${r.readsPerChange ? `${r.readsPerChange.writer} / ${r.readsPerChange.other}` : "n/a"} |`,
  );
  const first = results[0];
  return {
    id: 6,
    title: "Burst",
    method: [
      `The real bot, ${botDescription(first?.entry)} with no Node flags at all (no NODE_OPTIONS, no probe: what plain`,
      "`npm start` runs), logged in to the fake Discord with N guilds, each with an alert channel, and an empty SQLite",
      "store. The simulator runs in its own process with 50 ms latency on every answer. (1) Every guild links its own",
      "account through Discord — `/roblox link`, then the modal with the cookie — started at ~32 links/s; (2) every guild",
      "runs `/alerts channel` and 3 × `/alerts watch-add`, started at ~64 commands/s (polling of the accounts whose",
      "channel is set starts meanwhile); (3) POLL_INTERVAL_SECONDS=10: after one interval, one more of polling alone,",
      "then `/roblox accounts` and `/alerts show` alternately in random guilds, one at a time, timed from the moment the",
      "fake writes INTERACTION_CREATE to the bot's socket to the moment the first callback request reaches it (in",
      "brackets: as the bench's loop sees it, also the fake building the payload and checking the callback against",
      "Discord's OpenAPI description). Peak RSS = the bot's VmHWM (/proc), over its",
      'whole life; CPU = its user + system time (/proc) over the phase ÷ links or commands; "net of polling" subtracts',
      "phase 3's polling CPU rate over the phase's length. Store reads per change: after the bot stopped, two store",
      "instances on its file, each with a roster (src/jobs/scheduling/roster.ts) as two processes would have, count the SELECTs",
      "that one more guild's link and alert channel cost in the writing instance and in the other.",
    ],
    figures,
    notes: [
      "| guilds | peak RSS (MB) | links ok / failed, rate, p50 to the final reply | CPU per link (ms) | commands ok / failed, rate, p50 | CPU per command (ms; net of polling) | polling CPU | cheap command p50 / p99 / max (ms; [seen by the loop]) | reads per change (writer / other) |",
      "|---|---|---|---|---|---|---|---|---|",
      ...rows,
      "",
      ...results.flatMap((r) => [floorNote(r), ""]),
    ],
  };
}

async function main(): Promise<void> {
  const arg = (name: string) =>
    process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined;
  const flag = (name: string) => process.argv.includes(`--${name}`);
  const size = Number(arg("n") ?? 100);
  // `npm start` runs node dist/index.js: a fresh build of the working tree unless an entry is given.
  let entry = arg("entry");
  if (!entry) {
    const build = freshBuild();
    if (!build.entry) throw new Error(`the build produced no dist/index.js\n${build.diagnostics}`);
    entry = build.entry;
    process.stdout.write(`built ${entry} in ${build.seconds.toFixed(0)} s\n`);
  }
  const r = await runBurst({
    size,
    linksPerSecond: 32,
    commandsPerSecond: 64,
    pollIntervalSeconds: Number(arg("interval") ?? 10),
    latencyMs: 50,
    cheapCommands: Number(arg("cheap") ?? 400),
    entry,
    ...(arg("shards") ? { shards: Number(arg("shards")) } : {}),
    ...(arg("label") ? { label: arg("label") } : {}),
    ...(arg("node-options") ? { nodeOptions: arg("node-options") } : {}),
    ...(arg("profile") ? { profileDir: arg("profile") } : {}),
    ...(flag("heap") ? { heapSnapshots: true } : {}),
    ...(flag("probe") ? { probe: true } : {}),
    ...(flag("no-steady") ? { skipSteady: true } : {}),
    log: (l) => process.stdout.write(`${l}\n`),
  });
  process.stdout.write(`${JSON.stringify(r, null, 1)}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) await main();
