/**
 * `npm run bench`: every benchmark against the simulator, a table on stdout and BENCHMARKS.md.
 *   npm run bench                  all six, writes BENCHMARKS.md
 *   npm run bench -- --only=2,3    a subset (printed only, as a table and as markdown; BENCHMARKS.md is left alone)
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { alertLatencySection, runAlertLatency } from "./alert-latency.js";
import { type BurstResult, burstSection, runBurst } from "./burst.js";
import { cryptoSection, runCrypto } from "./crypto.js";
import { interactionSection, runInteractions } from "./interaction.js";
import { freshBuild } from "./lib/build.js";
import { deployedNodeOptions } from "./lib/deployed.js";
import { machine } from "./lib/machine.js";
import { consoleTable, markdown, type Section } from "./lib/report.js";
import { pollCostSection, runPollCost } from "./poll-cost.js";
import { runScale } from "./scale.js";
import { scaleSection } from "./scale-report.js";

/** The full-run parameters (the smoke tests in bench/*.test.ts use small ones). */
export const FULL = {
  crypto: { durationMs: 1000 },
  interaction: { count: 10_000, warmup: 300 },
  pollCost: { watched: [1, 50, 120], steadyCycles: 10, intervalSeconds: 1, withoutLimit: true },
  alertLatency: { intervalSeconds: 3, changes: 100, perGroup: 20 },
  scale: {
    sizes: [1000, 5000, 10_000],
    intervalSeconds: 20,
    measureIntervals: 1,
    latencyMs: 50,
    watched: 5,
    search: { down: [15, 10], up: [30, 60], measureIntervals: 1 },
    reference: 60,
  },
  burst: {
    sizes: [1000, 10_000],
    linksPerSecond: 32,
    commandsPerSecond: 64,
    pollIntervalSeconds: 10,
    latencyMs: 50,
    cheapCommands: 400,
  },
};

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const only = process.argv
    .find((a) => a.startsWith("--only="))
    ?.slice("--only=".length)
    .split(",")
    .map(Number);
  const want = (id: number) => !only || only.includes(id);
  const m = machine();
  log(
    `roguard bench — ${m.date}, Node ${m.node}, ${m.cpu} × ${m.cores}, load ${m.load.start.map((l) => l.toFixed(2)).join(" ")}`,
  );
  const started = Date.now();
  // `npm start` runs node dist/index.js: measure a fresh build of the working tree, not tsx.
  const build = freshBuild();
  const entry = build.entry;
  log(
    entry
      ? `built ${entry} in ${build.seconds.toFixed(0)} s`
      : `the build produced no dist/index.js; running the bot from source with tsx\n${build.diagnostics}`,
  );
  const sections: Section[] = [];
  const step = async (id: number, name: string, fn: () => Promise<Section>) => {
    if (!want(id)) return;
    const t = Date.now();
    log(`[${id}] ${name}…`);
    sections.push(await fn());
    log(`[${id}] done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  };
  // Run the bot as the Dockerfile ships it (its NODE_OPTIONS: the V8 heap cap).
  const nodeOptions = deployedNodeOptions();
  log(`bot NODE_OPTIONS (from the Dockerfile): ${nodeOptions ?? "none"}`);
  const e = { ...(entry ? { entry } : {}), ...(nodeOptions ? { nodeOptions } : {}) };
  await step(5, "crypto", async () => cryptoSection(runCrypto(FULL.crypto)));
  await step(1, "poll cost", async () => pollCostSection(await runPollCost({ ...FULL.pollCost, ...e })));
  await step(3, "interaction overhead", async () =>
    interactionSection(await runInteractions({ ...FULL.interaction, ...e })),
  );
  await step(4, "alert latency", async () =>
    alertLatencySection(await runAlertLatency({ ...FULL.alertLatency, ...e })),
  );
  await step(2, "scale", async () => scaleSection(await runScale({ ...FULL.scale, ...e, log })));
  // Plain `npm start`: no NODE_OPTIONS at all (the goal is to need no heap flag).
  await step(6, "burst", async () => {
    const results: BurstResult[] = [];
    for (const size of FULL.burst.sizes) {
      results.push(await runBurst({ ...FULL.burst, size, ...(entry ? { entry } : {}), log }));
    }
    return burstSection(results);
  });
  sections.sort((a, b) => a.id - b.id);
  const total = (Date.now() - started) / 1000;
  log("");
  log(consoleTable(sections));
  m.load.end = loadavg();
  if (only) log(`\n${markdown(m, sections, total)}`);
  if (!only) {
    const file = resolve(import.meta.dirname, "../BENCHMARKS.md");
    // The hand-kept before/after notes of the fixes (bench/fixes.md) close the file.
    const fixes = resolve(import.meta.dirname, "fixes.md");
    writeFileSync(
      file,
      markdown(m, sections, total, existsSync(fixes) ? readFileSync(fixes, "utf8") : undefined),
    );
    log(`\nwrote ${file} (${total.toFixed(0)} s)`);
  }
}

await main();
