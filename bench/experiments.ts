/**
 * Before/after experiments: benchmarks 2 and 3 on a patched copy of src/ (src/ itself is never
 * touched), or with other Node options or environment. Usage:
 *   npx tsx bench/experiments.ts <size> <interval s> <experiment>[+<experiment>…] …
 *   npx tsx bench/experiments.ts 10000 60 baseline old-256
 *   npx tsx bench/experiments.ts interaction 5000 baseline
 * The fixes measured here before they landed (SQLite synchronous=NORMAL, the time-zone check
 * memoized, roster reads by revision, one account read per poll, discord.js cache limits) are
 * in src/ now; their before/after figures are in bench/fixes.md.
 * Experiments are text replacements; one that no longer applies fails loudly (src/ changed).
 */

import { runInteractions } from "./interaction.js";
import { freshBuild } from "./lib/build.js";
import { type Patch, patchedCopy } from "./lib/patched.js";
import { fmt, fmtInt } from "./lib/stats.js";
import { runScale } from "./scale.js";

interface Experiment {
  patches?: Patch[];
  nodeOptions?: string;
  env?: Record<string, string>;
}

export const EXPERIMENTS: Record<string, Experiment> = {
  baseline: {},
  /** Before src/discord-cache.ts: discord.js's default caches (messages, members, users, emojis…). */
  "default-caches": {
    patches: [{ file: "src/app.ts", from: "    makeCache,\n", to: "" }],
  },
  /** V8: cap the old generation (V8 otherwise lets garbage grow the heap on a big box). */
  "old-256": { nodeOptions: "--max-old-space-size=256" },
  "old-192": { nodeOptions: "--max-old-space-size=192" },
  /** V8: a larger young generation (fewer mid-lived objects promoted to the old generation). */
  "semi-32": { nodeOptions: "--max-semi-space-size=32" },
  /** V8: a smaller young generation (less memory held by it between scavenges). */
  "semi-4": { nodeOptions: "--max-semi-space-size=4" },
  /** Diagnosis: `kill -WINCH <bot pid>` writes a .heapsnapshot into the bot's working directory. */
  "heap-snapshot": { nodeOptions: "--heapsnapshot-signal=SIGWINCH" },
  /** glibc: fewer malloc arenas for sqlite3's and libuv's threads. */
  "malloc-arenas-2": { env: { MALLOC_ARENA_MAX: "2" } },
};

function combine(names: string): Experiment {
  const parts = names.split("+").map((n) => {
    const e = EXPERIMENTS[n];
    if (!e) throw new Error(`unknown experiment ${n} (known: ${Object.keys(EXPERIMENTS).join(", ")})`);
    return e;
  });
  return {
    patches: parts.flatMap((p) => p.patches ?? []),
    nodeOptions: parts
      .map((p) => p.nodeOptions ?? "")
      .join(" ")
      .trim(),
    env: Object.assign({}, ...parts.map((p) => p.env ?? {})),
  };
}

/**
 * Runs each named experiment (patched copy when it has patches, fresh build, its Node options and
 * environment) and prints one table row per experiment as it comes, then the whole table.
 */
async function runEach(
  names: string[],
  header: string[],
  row: (
    name: string,
    run: { entry: string; nodeOptions?: string; env?: Record<string, string> },
  ) => Promise<string>,
): Promise<void> {
  const out = [...header];
  for (const name of names.length ? names : ["baseline"]) {
    const e = combine(name);
    const copy = e.patches?.length ? patchedCopy(e.patches) : undefined;
    try {
      const build = freshBuild(copy?.root);
      if (!build.entry) throw new Error(`build failed:\n${build.diagnostics}`);
      out.push(
        await row(name, {
          entry: build.entry,
          ...(e.nodeOptions ? { nodeOptions: e.nodeOptions } : {}),
          ...(e.env && Object.keys(e.env).length ? { env: e.env } : {}),
        }),
      );
      process.stdout.write(`${out.at(-1)}\n`);
    } finally {
      copy?.remove();
    }
  }
  process.stdout.write(`\n${out.join("\n")}\n`);
}

/** `npx tsx bench/experiments.ts interaction <count> <experiment>…`: benchmark 3. */
function interactionExperiments(count: number, names: string[]): Promise<void> {
  const header = [
    "| experiment | interactions | p50 / p99 (ms) | inside the bot p50 / p99 (ms) | bot GC |",
    "|---|---|---|---|---|",
  ];
  return runEach(names, header, async (name, run) => {
    const r = await runInteractions({
      count,
      warmup: 300,
      entry: run.entry,
      ...(run.nodeOptions ? { nodeOptions: run.nodeOptions } : {}),
    });
    const gc = Object.entries(r.botGc)
      .map(([k, g]) => `${g.count} ${k}, max ${fmt(g.maxMs, 1)} ms`)
      .join("; ");
    return `| ${name} | ${fmtInt(count)} | ${fmt(r.ms.p50)} / ${fmt(r.ms.p99)} | ${fmt(r.botMs?.p50 ?? Number.NaN)} / ${fmt(r.botMs?.p99 ?? Number.NaN)} | ${gc} |`;
  });
}

async function main(): Promise<void> {
  if (process.argv[2] === "interaction") {
    await interactionExperiments(Number(process.argv[3] ?? 5000), process.argv.slice(4));
    return;
  }
  const [sizeArg, intervalArg, ...names] = process.argv.slice(2);
  const size = Number(sizeArg ?? 10_000);
  const interval = Number(intervalArg ?? 20);
  const header = [
    "| experiment | accounts @ interval | polled every interval | lag p50 / p99 (ms) | req/s | bot CPU | peak RSS / at end (MB) | heap used / total (MB) | loop p99 / max (ms) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  await runEach(names, header, async (name, run) => {
    const r = await runScale({
      sizes: [size],
      intervalSeconds: interval,
      measureIntervals: 1,
      latencyMs: 50,
      watched: 5,
      ...run,
      log: (l) => process.stdout.write(`${name}: ${l.trim()}\n`),
    });
    const x = r.runs[0]!;
    return `| ${name} | ${fmtInt(size)} @ ${interval} s | ${fmt(x.share * 100, 1)} % | ${fmtInt(x.lagMs.p50)} / ${fmtInt(x.lagMs.p99)} | ${fmtInt(x.requestsPerSecond)} | ${fmtInt(x.botCpuPct)} % | ${fmtInt(x.peakRssMb)} / ${fmtInt(x.memoryMb.rss)} | ${fmtInt(x.memoryMb.heapUsed)} / ${fmtInt(x.memoryMb.heapTotal)} | ${fmt(x.loopDelayP99Ms, 1)} / ${fmtInt(x.loopDelayMaxMs)} |`;
  });
}

if (process.argv[1]?.endsWith("experiments.ts")) await main();
