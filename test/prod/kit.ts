/**
 * Helpers for the production tests (test/prod): the store the bot uses (any STORE_URL), linking
 * accounts straight into it, /healthz and /metrics over HTTP, and poll counting from the
 * simulator's request log (every poll asks usermoderation v2 once, with the account's cookie).
 */
import { readdirSync, readFileSync } from "node:fs";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";
import { cookieFor, type Sim, TEST_KEY, trackerFor } from "../e2e/harness.js";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function openStore(url: string): Promise<Store> {
  return createStore({
    url,
    keyring: createKeyRing(Buffer.from(TEST_KEY, "base64"), []),
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
}

export async function withStore<T>(url: string, fn: (s: Store) => Promise<T>): Promise<T> {
  const s = await openStore(url);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}

export interface Link {
  guildId: string;
  robloxId: number;
  channelId: string;
  linkedBy: string;
}

/** Links the simulator's account into a guild and sets the guild's alert channel. */
export async function link(store: Store, sim: Sim, l: Link): Promise<void> {
  const u = sim.state.users.get(l.robloxId);
  await store.accounts.upsert({
    guildId: l.guildId,
    robloxId: String(l.robloxId),
    robloxName: u?.name ?? `User${l.robloxId}`,
    displayName: u?.displayName ?? `User${l.robloxId}`,
    linkedBy: l.linkedBy,
    cookie: cookieFor(l.robloxId),
    tracker: trackerFor(l.robloxId),
  });
  await store.settings.update(l.guildId, { alertChannelId: l.channelId });
}

/** Arrival times (ms) of the polls of one account: its usermoderation v2 requests. */
export function pollTimes(sim: Sim, robloxId: number, since = 0): number[] {
  return sim.log
    .filter((e) => e.at >= since && e.userId === robloxId && e.path.startsWith("/usermoderation/v2"))
    .map((e) => e.at);
}

/**
 * Polls per interval-long window, the windows centred on the account's own poll phase (its fixed
 * offset), starting with the first poll in `times`: once per interval is [1, 1, 1, …].
 */
export function pollsPerInterval(times: number[], intervalMs: number, windows: number): number[] {
  const start = (times[0] ?? 0) - intervalMs / 2;
  const out = new Array<number>(windows).fill(0);
  for (const t of times) {
    const i = Math.floor((t - start) / intervalMs);
    if (i >= 0 && i < windows) out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  context: () => string = () => "",
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${context()}`);
    await sleep(50);
  }
}

export interface Health {
  status: number;
  body: Record<string, unknown>;
}

export async function health(port: number): Promise<Health> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  const text = await res.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: res.status, body };
}

/** Waits until /healthz answers `status` (connection refused counts as "not yet"). */
export async function healthBecomes(
  port: number,
  status: number,
  timeoutMs: number,
  logs: () => string = () => "",
): Promise<Health> {
  let last: Health | string = "no answer";
  return waitUntil(
    `/healthz ${status}`,
    async () => {
      const h = await health(port).catch((err: Error) => err.message);
      last = h;
      return typeof h !== "string" && h.status === status ? h : undefined;
    },
    timeoutMs,
    () => `last: ${JSON.stringify(last)}\n--- bot ---\n${logs().slice(-4000)}`,
  );
}

/** Prometheus text exposition → series (`name{labels}`) → value. Throws on a line that is not. */
export function parseProm(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const seenMeta = new Set<string>();
  for (const line of text.split("\n")) {
    if (!line) continue;
    const meta = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) /.exec(line);
    if (meta) {
      const key = `${meta[1]} ${meta[2]}`;
      if (seenMeta.has(key)) throw new Error(`duplicate ${key}`);
      seenMeta.add(key);
      continue;
    }
    if (line.startsWith("#")) continue;
    const m =
      /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (-?[0-9.eE+-]+|NaN|\+Inf|-Inf)( -?\d+)?$/.exec(
        line,
      );
    if (!m) throw new Error(`not Prometheus text: ${line}`);
    if (out.has(m[1]!)) throw new Error(`duplicate series: ${m[1]}`);
    out.set(m[1]!, Number(m[2]));
  }
  return out;
}

/** Sum of every series of a metric (name, or a pattern of names) whose labels include all of `labels`. */
export function sumOf(
  series: Map<string, number>,
  name: string | RegExp,
  labels: Record<string, string> = {},
): number {
  let total = 0;
  for (const [key, v] of series) {
    const brace = key.indexOf("{");
    const n = brace === -1 ? key : key.slice(0, brace);
    if (typeof name === "string" ? n !== name : !name.test(n)) continue;
    if (Object.entries(labels).every(([k, val]) => key.includes(`${k}="${val}"`))) total += v;
  }
  return total;
}

export async function metrics(port: number): Promise<{ contentType: string; series: Map<string, number> }> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`/metrics ${res.status}: ${text}`);
  return { contentType: res.headers.get("content-type") ?? "", series: parseProm(text) };
}

/** Pids of the live processes whose environment contains `marker` (Linux /proc; e.g. a unique STORE_URL). */
export function processesWith(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, "utf8");
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
      // Bot processes only: tsx's esbuild service inherits the environment too (on a cold cache).
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8");
      const isBot = cmd.split("\0").some((arg) => /index\.(ts|js)$/.test(arg));
      if (state !== "Z" && isBot && env.split("\0").includes(marker)) out.push(Number(name));
    } catch {
      // gone, or not ours
    }
  }
  return out.sort((x, y) => x - y);
}
