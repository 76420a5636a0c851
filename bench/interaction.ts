/**
 * Benchmark 3: interaction overhead. The REAL bot logged in to the fake Discord, one linked account;
 * INTERACTION_CREATE for `/roblox accounts` (store only, no Roblox call) run as the admin, one at a
 * time; time from just before the fake dispatches the event to the moment the fake receives the
 * first callback POST. bench/probe.mjs also times the bot's own share (frame in → callback out).
 */
import { performance } from "node:perf_hooks";
import { cookieFor, SEED, startSim, trackerFor } from "../sim/server.js";
import { commandData } from "../src/commands/deploy-json.js";
import type { Json } from "../test/e2e/fake-discord/http.js";
import { validateBody } from "../test/e2e/fake-discord/index.js";
import { botDescription, startBotWorld } from "./lib/bot-world.js";
import { probeSnapshot } from "./lib/probe.js";
import type { Section } from "./lib/report.js";
import { fmt, fmtInt, type Summary, summarize } from "./lib/stats.js";

export interface InteractionOptions {
  count: number;
  warmup: number;
  /** A compiled entry to run with plain node instead of tsx. */
  entry?: string;
  /** Project root to run (experiments). */
  root?: string;
  /** Extra Node flags for the bot (NODE_OPTIONS). */
  nodeOptions?: string;
}

export interface InteractionResult {
  count: number;
  warmup: number;
  command: string;
  /** Hi-res, measured in this process (includes the fake's own work). */
  ms: Summary;
  /** Inside the bot: INTERACTION_CREATE frame received → callback request created (probe). */
  botMs: { n: number; p50: number; p95: number; p99: number; max: number } | undefined;
  botGc: Record<string, { count: number; totalMs: number; maxMs: number }>;
  botLoopDelayP99Ms: number;
  callbackTypes: Record<string, number>;
  /** Time the fake spends validating one callback body against Discord's OpenAPI (ms, mean). */
  fakeValidationMs: number;
  violations: string[];
  errors: number;
  wallSeconds: number;
  entry: string | undefined;
  nodeOptions: string | undefined;
}

const COMMAND = { name: "roblox", subcommand: "accounts", user: "admin" as const };

export async function runInteractions(opts: InteractionOptions): Promise<InteractionResult> {
  const sim = await startSim({ log: false });
  const id = SEED.child.id;
  const world = await startBotWorld({
    simOrigin: sim.origin,
    sameGuild: true,
    alertChannel: false,
    accounts: [{ robloxId: id, cookie: cookieFor(id), tracker: trackerFor(id), name: SEED.child.name }],
  });
  try {
    const { fake } = world;
    fake.registerCommands(commandData() as unknown as Json[], fake.world.defaultGuild.id);
    const bot = await world.startBot({
      pollIntervalSeconds: 3600,
      probe: true,
      env: { BENCH_TRACE_INTERACTIONS: "1" },
      ...(opts.entry ? { entry: opts.entry } : {}),
      ...(opts.root ? { root: opts.root } : {}),
      ...(opts.nodeOptions ? { nodeOptions: opts.nodeOptions } : {}),
    });
    const ms: number[] = [];
    const types: Record<string, number> = {};
    let errors = 0;
    let lastBody: unknown;
    const started = performance.now();
    for (let i = 0; i < opts.warmup + opts.count; i++) {
      if (i === opts.warmup) await probeSnapshot(bot.pid, bot.probeFile!);
      const t0 = performance.now();
      const h = await fake.runCommand(COMMAND);
      const cb = await fake.waitFor(() => h.callbacks[0], 5000, "the first callback");
      const t1 = performance.now();
      if (i < opts.warmup) continue;
      ms.push(t1 - t0);
      types[String(cb.type)] = (types[String(cb.type)] ?? 0) + 1;
      if (!cb.accepted) errors++;
      lastBody = h.requests[0]?.body;
    }
    const wallSeconds = (performance.now() - started) / 1000;
    const snap = await probeSnapshot(bot.pid, bot.probeFile!);
    await bot.stop();
    // The fake's share: validating one callback body as it does on every request.
    let fakeValidationMs = Number.NaN;
    if (lastBody !== undefined) {
      const n = 500;
      const v0 = performance.now();
      for (let i = 0; i < n; i++) validateBody("POST", "/interactions/1/token/callback", lastBody, false);
      fakeValidationMs = (performance.now() - v0) / n;
    }
    return {
      count: opts.count,
      warmup: opts.warmup,
      command: "/roblox accounts (admin)",
      ms: summarize(ms),
      botMs: snap.interactionsMs,
      botGc: snap.gc,
      botLoopDelayP99Ms: snap.loopDelayMs.p99,
      callbackTypes: types,
      fakeValidationMs,
      violations: fake.violations(),
      errors,
      wallSeconds,
      entry: opts.entry,
      nodeOptions: opts.nodeOptions,
    };
  } finally {
    await world.stop();
    await sim.close();
  }
}

export function interactionSection(r: InteractionResult): Section {
  const b = r.botMs;
  const gc = Object.entries(r.botGc)
    .map(([k, g]) => `${g.count} ${k} (max ${fmt(g.maxMs, 1)} ms)`)
    .join(", ");
  return {
    id: 3,
    title: "Interaction overhead",
    method: [
      `The real bot, ${botDescription(r.entry, r.nodeOptions)} as a child process, with a temp SQLite store and one linked`,
      `account (no alert channel, so no polling), logged in to the fake Discord. ${fmtInt(r.count)} × \`${r.command}\``,
      `(store only), one at a time after ${r.warmup} warm-up runs; latency = from just before the fake builds and dispatches`,
      "INTERACTION_CREATE over the gateway to the moment the fake receives the first callback POST (performance.now()",
      "in the bench process). That includes the fake's own work (payload, WebSocket frame, HTTP parsing, OpenAPI",
      `validation ≈ ${fmt(r.fakeValidationMs, 3)} ms per callback), so it bounds the bot's share from above. The bot's own share is`,
      "also taken inside it (bench/probe.mjs: gateway frame received → callback request created, via the undici",
      "diagnostics channel).",
    ],
    figures: [
      { name: "interaction → first callback p50 (ms)", value: fmt(r.ms.p50), goal: "—", met: null },
      {
        name: "interaction → first callback p99 (ms)",
        value: fmt(r.ms.p99),
        goal: "≤ 5 ms",
        met: r.ms.p99 <= 5,
      },
      {
        name: "of which inside the bot p50 / p99 (ms)",
        value: b ? `${fmt(b.p50)} / ${fmt(b.p99)}` : "n/a",
        goal: "—",
        met: null,
      },
    ],
    notes: [
      `Also: mean ${fmt(r.ms.mean)} ms, p95 ${fmt(r.ms.p95)} ms, max ${fmt(r.ms.max)} ms; inside the bot p95 ${fmt(b?.p95 ?? Number.NaN)} ms,`,
      `max ${fmt(b?.max ?? Number.NaN)} ms; the bot's event-loop delay p99 ${fmt(r.botLoopDelayP99Ms)} ms; its garbage collections: ${gc || "none"}.`,
      `Callback types: ${Object.entries(r.callbackTypes)
        .map(([t, n]) => `${n} × type ${t}`)
        .join(", ")}; refused callbacks ${r.errors}; fake-Discord violations ${r.violations.length}.`,
      `${fmtInt(r.count + r.warmup)} interactions took ${fmt(r.wallSeconds, 1)} s.`,
    ],
  };
}
