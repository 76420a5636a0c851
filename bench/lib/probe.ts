/** Reads the in-process figures of a bot started with bench/probe.mjs (see there). */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const PROBE_URL = pathToFileURL(resolve(import.meta.dirname, "../probe.mjs")).href;

export interface ProbeSnapshot {
  at: number;
  windowMs: number;
  loopDelayMs: { p50: number; p99: number; max: number; mean: number };
  peakRssBytes: number;
  maxRssBytes: number;
  rssBytes: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  cpuMs: number;
  gc: Record<string, { count: number; totalMs: number; maxMs: number }>;
  /** Store operations by kind and key prefix (only with BENCH_COUNT_STORE). */
  store: Record<string, number>;
  /** Gateway frame in → callback request out, per interaction (only with BENCH_TRACE_INTERACTIONS). */
  interactionsMs?: { n: number; p50: number; p95: number; p99: number; max: number };
}

/** Environment that loads the probe into a Node child (appends to NODE_OPTIONS). */
export function probeEnv(file: string, base: string | undefined = undefined): Record<string, string> {
  const opts = [base, `--import ${PROBE_URL}`].filter(Boolean).join(" ");
  return { NODE_OPTIONS: opts, BENCH_PROBE_FILE: file };
}

function read(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    return undefined; // caught mid-write
  }
}

/** Asks the probe for the figures of the window since the last call, and starts a new window. */
export async function probeSnapshot(pid: number, file: string, timeoutMs = 5000): Promise<ProbeSnapshot> {
  const before = Date.now();
  process.kill(pid, "SIGUSR2");
  const end = before + timeoutMs;
  while (Date.now() < end) {
    const s = read(file);
    if (s && typeof s.at === "number" && s.at >= before) return s as unknown as ProbeSnapshot;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the bot's probe did not answer within ${timeoutMs} ms (is bench/probe.mjs loaded?)`);
}

/** Waits until the probe wrote its first line (it is loaded). */
export async function probeReady(file: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (read(file)) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("the bot's probe never started");
}
