/**
 * Local experiments behind /work/notes/REQUESTS.md: benchmarks 2 and 3 on a patched copy of src/
 * (src/ itself is never touched), before/after. Usage:
 *   npx tsx bench/experiments.ts <size> <interval s> <experiment>[+<experiment>…] …
 *   npx tsx bench/experiments.ts 10000 20 baseline tz-memo reads
 *   npx tsx bench/experiments.ts interaction 5000 baseline tz-memo
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
  /** settings.get re-validates the stored zone with a new Intl.DateTimeFormat on every read. */
  "tz-memo": {
    patches: [
      {
        file: "src/store/settings.ts",
        from: "function isTimeZone(zone: string): boolean {\n  try {",
        to: [
          "const zoneValidity = new Map<string, boolean>();",
          "function isTimeZone(zone: string): boolean {",
          "  const known = zoneValidity.get(zone);",
          "  if (known !== undefined) return known;",
          "  const ok = checkTimeZone(zone);",
          "  if (zoneValidity.size < 1000) zoneValidity.set(zone, ok);",
          "  return ok;",
          "}",
          "function checkTimeZone(zone: string): boolean {",
          "  try {",
        ].join("\n"),
      },
    ],
  },
  /** settings.get served from memory for 5 s (invalidated by update/remove in this process). */
  "settings-cache": {
    patches: [
      {
        file: "src/store/settings.ts",
        from: "  async function get(guildId: string): Promise<GuildSettings> {\n    const raw = await keyv.get(K.settings(guildId));",
        to: [
          "  const cache = new Map<string, { at: number; value: GuildSettings }>();",
          "  async function get(guildId: string): Promise<GuildSettings> {",
          "    const hit = cache.get(guildId);",
          "    if (hit && Date.now() - hit.at < 5000) return structuredClone(hit.value);",
          "    const value = await read(guildId);",
          "    cache.set(guildId, { at: Date.now(), value });",
          "    return structuredClone(value);",
          "  }",
          "  async function read(guildId: string): Promise<GuildSettings> {",
          "    const raw = await keyv.get(K.settings(guildId));",
        ].join("\n"),
      },
      {
        file: "src/store/settings.ts",
        from: "      await keyv.set(K.settings(guildId), r.data);",
        to: "      await keyv.set(K.settings(guildId), r.data);\n      cache.delete(guildId);",
      },
      {
        file: "src/store/settings.ts",
        from: "remove: (guildId: string) => keyv.delete(K.settings(guildId))",
        to: "remove: (guildId: string) => (cache.delete(guildId), keyv.delete(K.settings(guildId)))",
      },
    ],
  },
  /** SQLite WAL with synchronous=NORMAL (no fsync per commit; a process crash loses nothing committed). */
  "sync-normal": {
    patches: [
      {
        file: "src/store/keyv.ts",
        from: "    const mode = rows[0]?.journal_mode;",
        to: '    await adapter.query("PRAGMA synchronous=NORMAL");\n    const mode = rows[0]?.journal_mode;',
      },
    ],
  },
  /** The roster needs account ids only: read the guild's account index, not every account row. */
  "roster-ids": {
    patches: [
      {
        file: "src/jobs/roster.ts",
        from: "for (const a of await ctx.store.accounts.list(guildId)) {",
        to: "for (const a of (await ctx.store.accounts.internal.readIndex(guildId)).ids.map((robloxId) => ({ robloxId }))) {",
      },
    ],
  },
  /** Read the roster every 60 s whatever the interval (changes already signal a refresh). */
  "roster-60s": {
    patches: [
      {
        file: "src/jobs/scheduler.ts",
        from: "rosterEveryMs: opts.rosterEveryMs ?? Math.min(60_000, Math.max(1_000, intervalMs)),",
        to: "rosterEveryMs: opts.rosterEveryMs ?? 60_000,",
      },
    ],
  },
  /** Diagnosis: the roster read once per 10 minutes (how much of the lag tail is the roster pass?). */
  "roster-600s": {
    patches: [
      {
        file: "src/jobs/scheduler.ts",
        from: "rosterEveryMs: opts.rosterEveryMs ?? Math.min(60_000, Math.max(1_000, intervalMs)),",
        to: "rosterEveryMs: opts.rosterEveryMs ?? 600_000,",
      },
    ],
  },
  /** A poll takes its guild's settings from the roster pass and reads the account row without the index. */
  "poll-reads": {
    patches: [
      {
        file: "src/jobs/poll.ts",
        from: "  const account = await ctx.store.accounts.get(guildId, robloxId);",
        to: [
          "  const row = await ctx.store.accounts.internal.readRow(guildId, robloxId);",
          "  const account = row ? { ...row, isDefault: false } : undefined;",
        ].join("\n"),
      },
      {
        file: "src/jobs/poll.ts",
        from: "  const settings = await ctx.store.settings.get(guildId);",
        to: "  const settings = deps.settingsOf?.(guildId) ?? (await ctx.store.settings.get(guildId));",
      },
      {
        file: "src/jobs/poll.ts",
        from: "  budgetMs: number;\n}",
        to: '  budgetMs: number;\n  settingsOf?: (guildId: string) => import("../store/index.js").GuildSettings | undefined;\n}',
      },
      {
        file: "src/jobs/index.ts",
        from: "const deps: PollDeps = { ctx, client, budgetMs: pollBudget(intervalMs) };",
        to: "const deps: PollDeps = { ctx, client, budgetMs: pollBudget(intervalMs), settingsOf: (g) => guilds.get(g)?.settings };",
      },
    ],
  },
  /** V8: cap the old generation (V8 otherwise lets garbage grow the heap on a big box). */
  "old-256": { nodeOptions: "--max-old-space-size=256" },
  "old-192": { nodeOptions: "--max-old-space-size=192" },
  /** V8: a larger young generation (fewer mid-lived objects promoted to the old generation). */
  "semi-32": { nodeOptions: "--max-semi-space-size=32" },
  /** glibc: fewer malloc arenas for sqlite3's and libuv's threads. */
  "malloc-arenas-2": { env: { MALLOC_ARENA_MAX: "2" } },
};

const ALIASES: Record<string, string> = {
  reads: "tz-memo+roster-ids+roster-60s+poll-reads",
  "reads-600": "tz-memo+roster-ids+roster-600s+poll-reads",
};

function combine(names: string): Experiment {
  const expanded = names
    .split("+")
    .flatMap((n) => (ALIASES[n] ?? n).split("+"))
    .join("+");
  const parts = expanded.split("+").map((n) => {
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

/** `npx tsx bench/experiments.ts interaction <count> <experiment>…`: benchmark 3 on patched copies. */
async function interactionExperiments(count: number, names: string[]): Promise<void> {
  const out = [
    "| experiment | interactions | p50 / p99 (ms) | inside the bot p50 / p99 (ms) | bot GC |",
    "|---|---|---|---|---|",
  ];
  for (const name of names.length ? names : ["baseline"]) {
    const e = combine(name);
    const copy = e.patches?.length ? patchedCopy(e.patches) : undefined;
    try {
      const build = freshBuild(copy?.root);
      if (!build.entry) throw new Error(`build failed:\n${build.diagnostics}`);
      const r = await runInteractions({ count, warmup: 300, entry: build.entry });
      const gc = Object.entries(r.botGc)
        .map(([k, g]) => `${g.count} ${k}, max ${fmt(g.maxMs, 1)} ms`)
        .join("; ");
      out.push(
        `| ${name} | ${fmtInt(count)} | ${fmt(r.ms.p50)} / ${fmt(r.ms.p99)} | ${fmt(r.botMs?.p50 ?? Number.NaN)} / ${fmt(r.botMs?.p99 ?? Number.NaN)} | ${gc} |`,
      );
      process.stdout.write(`${out.at(-1)}\n`);
    } finally {
      copy?.remove();
    }
  }
  process.stdout.write(`\n${out.join("\n")}\n`);
}

async function main(): Promise<void> {
  if (process.argv[2] === "interaction") {
    await interactionExperiments(Number(process.argv[3] ?? 5000), process.argv.slice(4));
    return;
  }
  const [sizeArg, intervalArg, ...names] = process.argv.slice(2);
  const size = Number(sizeArg ?? 10_000);
  const interval = Number(intervalArg ?? 20);
  const out: string[] = [
    "| experiment | accounts @ interval | polled every interval | lag p50 / p99 (ms) | req/s | bot CPU | peak RSS / at end (MB) | heap used / total (MB) | loop p99 / max (ms) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const name of names.length ? names : ["baseline"]) {
    const e = combine(name);
    const copy = e.patches?.length ? patchedCopy(e.patches) : undefined;
    try {
      const build = freshBuild(copy?.root);
      if (!build.entry) throw new Error(`build failed:\n${build.diagnostics}`);
      const r = await runScale({
        sizes: [size],
        intervalSeconds: interval,
        measureIntervals: 1,
        latencyMs: 50,
        watched: 5,
        entry: build.entry,
        ...(e.nodeOptions ? { nodeOptions: e.nodeOptions } : {}),
        ...(e.env && Object.keys(e.env).length ? { env: e.env } : {}),
        log: (l) => process.stdout.write(`${name}: ${l.trim()}\n`),
      });
      const x = r.runs[0]!;
      out.push(
        `| ${name} | ${fmtInt(size)} @ ${interval} s | ${fmt(x.share * 100, 1)} % | ${fmtInt(x.lagMs.p50)} / ${fmtInt(x.lagMs.p99)} | ${fmtInt(x.requestsPerSecond)} | ${fmtInt(x.botCpuPct)} % | ${fmtInt(x.peakRssMb)} / ${fmtInt(x.memoryMb.rss)} | ${fmtInt(x.memoryMb.heapUsed)} / ${fmtInt(x.memoryMb.heapTotal)} | ${fmt(x.loopDelayP99Ms, 1)} / ${fmtInt(x.loopDelayMaxMs)} |`,
      );
    } finally {
      copy?.remove();
    }
  }
  process.stdout.write(`\n${out.join("\n")}\n`);
}

if (process.argv[1]?.endsWith("experiments.ts")) await main();
