/**
 * Benchmark 3: interaction overhead. The REAL bot (src/index.ts as a child process, through the
 * e2e harness) logged in to the fake Discord; INTERACTION_CREATE for `/roblox accounts` (store only,
 * no Roblox call) run as the admin, one at a time; time from just before the fake dispatches the
 * event to the moment the fake receives the first callback POST.
 */
import { performance } from "node:perf_hooks";
import { validateBody } from "../test/e2e/fake-discord/index.js";
import { SEED, startWorld } from "../test/e2e/harness.js";
import type { Section } from "./lib/report.js";
import { fmt, fmtInt, type Summary, summarize } from "./lib/stats.js";

export interface InteractionOptions {
  count: number;
  warmup: number;
  /** The bot's LOG_LEVEL (production default: info). */
  logLevel?: string;
}

export interface InteractionResult {
  count: number;
  warmup: number;
  command: string;
  /** Hi-res, measured in this process (includes the fake's own work). */
  ms: Summary;
  /** As the fake records it (Date.now at dispatch and at the callback, whole ms). */
  fakeMs: Summary;
  callbackTypes: Record<string, number>;
  /** Time the fake spends validating one callback body against Discord's OpenAPI (ms, mean). */
  fakeValidationMs: number;
  violations: string[];
  errors: number;
  wallSeconds: number;
}

const COMMAND = { name: "roblox", subcommand: "accounts", user: "admin" as const };

export async function runInteractions(opts: InteractionOptions): Promise<InteractionResult> {
  const world = await startWorld({
    link: [{ robloxId: SEED.child.id }],
    env: { LOG_LEVEL: opts.logLevel ?? "info" },
  });
  try {
    const { fake } = world;
    const ms: number[] = [];
    const fakeMs: number[] = [];
    const types: Record<string, number> = {};
    let errors = 0;
    let lastBody: unknown;
    const started = performance.now();
    for (let i = 0; i < opts.warmup + opts.count; i++) {
      const t0 = performance.now();
      const h = await fake.runCommand(COMMAND);
      const cb = await fake.waitFor(() => h.callbacks[0], 5000, "the first callback");
      const t1 = performance.now();
      if (i < opts.warmup) continue;
      ms.push(t1 - t0);
      const created = (h as unknown as { t: { createdAt: number } }).t?.createdAt;
      if (typeof created === "number") fakeMs.push(cb.at - created);
      types[String(cb.type)] = (types[String(cb.type)] ?? 0) + 1;
      if (!cb.accepted) errors++;
      lastBody = h.requests[0]?.body;
    }
    const wallSeconds = (performance.now() - started) / 1000;
    // The fake's share: validating one callback body as it does on every request.
    const path = "/interactions/1/token/callback";
    let fakeValidationMs = Number.NaN;
    if (lastBody !== undefined) {
      const n = 500;
      const v0 = performance.now();
      for (let i = 0; i < n; i++) validateBody("POST", path, lastBody, false);
      fakeValidationMs = (performance.now() - v0) / n;
    }
    return {
      count: opts.count,
      warmup: opts.warmup,
      command: "/roblox accounts (admin)",
      ms: summarize(ms),
      fakeMs: summarize(fakeMs),
      callbackTypes: types,
      fakeValidationMs,
      violations: fake.violations(),
      errors,
      wallSeconds,
    };
  } finally {
    await world.stop();
  }
}

export function interactionSection(r: InteractionResult): Section {
  const met = r.ms.p99 <= 5;
  return {
    id: 3,
    title: "Interaction overhead",
    method: [
      `The real bot (\`node --import tsx src/index.ts\`, started by test/e2e/harness.ts with a temp SQLite store, one`,
      `linked account, LOG_LEVEL=info, no alert channel so no polling) logged in to the fake Discord. ${fmtInt(r.count)}`,
      `× \`${r.command}\` (needs the store only), one at a time after ${r.warmup} warm-up runs; latency = from`,
      "just before the fake builds and dispatches INTERACTION_CREATE over the gateway to the moment the fake",
      "receives the first callback POST (performance.now() in the bench process; the bot runs in its own process).",
      "This includes the fake's own work (payload, WebSocket frame, HTTP parsing and OpenAPI validation of the",
      `callback, ≈ ${fmt(r.fakeValidationMs, 3)} ms per callback for the validation alone), so it is an upper bound of the bot's share.`,
    ],
    figures: [
      { name: "interaction → first callback p50 (ms)", value: fmt(r.ms.p50), goal: "—", met: null },
      { name: "interaction → first callback p99 (ms)", value: fmt(r.ms.p99), goal: "≤ 5 ms", met },
    ],
    notes: [
      `Also: mean ${fmt(r.ms.mean)} ms, p95 ${fmt(r.ms.p95)} ms, max ${fmt(r.ms.max)} ms; as the fake's own clock records it`,
      `(whole ms, dispatch → callback) p50 ${fmt(r.fakeMs.p50, 0)} ms, p99 ${fmt(r.fakeMs.p99, 0)} ms. Callback types:`,
      `${Object.entries(r.callbackTypes)
        .map(([t, n]) => `${n} × type ${t}`)
        .join(", ")}; refused callbacks ${r.errors}; fake-Discord violations ${r.violations.length}.`,
      `${fmtInt(r.count + r.warmup)} interactions took ${fmt(r.wallSeconds, 1)} s.`,
    ],
  };
}
