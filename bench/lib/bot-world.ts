/**
 * A world for the polling benchmarks: the fake Discord (this process) with one guild per linked
 * account, a temp SQLite store prepared through the real store API, and the REAL bot
 * (`node --import tsx src/index.ts`, the production entry) as a child process, optionally with
 * bench/probe.mjs loaded. The simulator is given by origin (it may live in another process).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";
import { type FakeDiscord, startFakeDiscord } from "../../test/e2e/fake-discord/index.js";
import { BOT_TOKEN, TEST_KEY } from "../../test/e2e/harness.js";
import { probeEnv, probeReady } from "./probe.js";

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;

export interface AccountSpec {
  robloxId: number;
  cookie: string;
  tracker?: string;
  name?: string;
  /** Watched user ids (the guild's watch list for this account). */
  watch?: number[];
}

export interface BotWorldOptions {
  simOrigin: string;
  accounts: AccountSpec[];
  /** Put every account in the fake's default guild instead of one guild each. */
  sameGuild?: boolean;
  /** Set each guild's alert channel (default true; without it the bot polls nothing). */
  alertChannel?: boolean;
  /** Link the accounts in the store before the bot starts (default true; false: guilds only). */
  prepare?: boolean;
  /** Another store than the world's own SQLite file (e.g. a Redis started by the benchmark). */
  storeUrl?: string;
  /** Gateway shards the fake Discord recommends; their IDENTIFYs are accepted at once. */
  shards?: number;
}

export interface BotOptions {
  pollIntervalSeconds: number;
  /** Load bench/probe.mjs into the bot. */
  probe?: boolean;
  env?: Record<string, string>;
  /** How long to wait for the bot to be ready (default 120 s). */
  readyTimeoutMs?: number;
  /** Project root whose src/index.ts runs (default: this checkout; experiments pass a patched copy). */
  root?: string;
  /** Run this compiled entry (e.g. a fresh build's dist/index.js) with plain node instead of tsx. */
  entry?: string;
  /** Extra Node flags (NODE_OPTIONS), e.g. "--max-old-space-size=256". */
  nodeOptions?: string;
  /** "ready" lines to wait for: one per shard process under SHARDS (default 1). */
  readyCount?: number;
}

export interface Link {
  robloxId: number;
  guildId: string;
  channelId: string;
}

export interface Bot {
  pid: number;
  probeFile: string | undefined;
  output(): string;
  /** Seconds from spawn to "ready" in the bot's log. */
  startSeconds: number;
  /** SIGTERM, then waits for the exit (SIGKILL after 12 s). */
  stop(): Promise<void>;
}

export interface BotWorld {
  fake: FakeDiscord;
  links: Link[];
  storeUrl: string;
  dir: string;
  /** Seconds spent preparing the store. */
  storeSeconds: number;
  startBot(opts: BotOptions): Promise<Bot>;
  stop(): Promise<void>;
}

/** How the bot was run, for the report. */
export function botDescription(entry: string | undefined, nodeOptions?: string): string {
  const flags = nodeOptions ? ` with NODE_OPTIONS=${nodeOptions} (the Dockerfile's)` : "";
  return entry
    ? `\`node dist/index.js\` (a fresh build of the working tree, as \`npm start\` runs it)${flags}`
    : `\`node --import tsx src/index.ts\` (the production entry, from source)${flags}`;
}

export async function openBenchStore(storeUrl: string): Promise<Store> {
  return createStore({
    url: storeUrl,
    keyring: createKeyRing(Buffer.from(TEST_KEY, "base64"), []),
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function prepareStore(
  storeUrl: string,
  fake: FakeDiscord,
  links: Link[],
  accounts: AccountSpec[],
  alertChannel: boolean,
) {
  const store = await openBenchStore(storeUrl);
  try {
    // Setup only (this connection): no fsync per write. The bot opens the file with its own defaults.
    await (store.keyv.store as { query(sql: string): Promise<unknown> }).query("PRAGMA synchronous=OFF");
    const admin = fake.world.people.admin.user.id;
    await eachLimit(accounts, 64, async (a, i) => {
      const l = links[i]!;
      const name = a.name ?? `Bulk${a.robloxId}`;
      await store.accounts.upsert({
        guildId: l.guildId,
        robloxId: String(a.robloxId),
        robloxName: name,
        displayName: name,
        linkedBy: admin,
        cookie: a.cookie,
        tracker: a.tracker,
      });
    });
    const byGuild = new Map<string, { channelId: string; watch: Record<string, string[]> }>();
    for (let i = 0; i < accounts.length; i++) {
      const l = links[i]!;
      const g = byGuild.get(l.guildId) ?? { channelId: l.channelId, watch: {} };
      const w = accounts[i]!.watch;
      if (w?.length) g.watch[String(l.robloxId)] = w.map(String);
      byGuild.set(l.guildId, g);
    }
    await eachLimit([...byGuild], 64, async ([guildId, g]) => {
      await store.settings.update(guildId, {
        ...(alertChannel ? { alertChannelId: g.channelId } : {}),
        watch: g.watch,
      });
    });
  } finally {
    await store.close();
  }
}

export async function startBotWorld(opts: BotWorldOptions): Promise<BotWorld> {
  const fake = await startFakeDiscord({
    token: BOT_TOKEN,
    ...(opts.shards ? { shards: opts.shards, maxConcurrency: opts.shards } : {}),
  });
  const links: Link[] = opts.accounts.map((a) => {
    if (opts.sameGuild) {
      const g = fake.world.defaultGuild;
      return { robloxId: a.robloxId, guildId: g.id, channelId: fake.world.channels.alerts.id };
    }
    const g = fake.world.addGuild({ name: `Family ${a.robloxId}` });
    const channel = fake.world.addChannel(g.id, "alerts");
    return { robloxId: a.robloxId, guildId: g.id, channelId: channel.id };
  });
  const dir = mkdtempSync(join(tmpdir(), "roguard-bench-"));
  const storeUrl = opts.storeUrl ?? `sqlite://${join(dir, "store.sqlite")}`;
  const t0 = Date.now();
  if (opts.prepare !== false)
    await prepareStore(storeUrl, fake, links, opts.accounts, opts.alertChannel ?? true);
  const bots = new Set<Bot>();
  let runs = 0;
  return {
    fake,
    links,
    storeUrl,
    dir,
    storeSeconds: (Date.now() - t0) / 1000,
    async startBot(b) {
      const probeFile = b.probe ? join(dir, `probe-${++runs}.json`) : undefined;
      const bot = await spawnBot(
        b,
        {
          DISCORD_CLIENT_ID: fake.world.application.id,
          DISCORD_API_URL: fake.apiUrl,
          ROBLOX_API_ORIGIN: opts.simOrigin,
          STORE_URL: storeUrl,
          ...(probeFile
            ? probeEnv(probeFile, b.nodeOptions)
            : b.nodeOptions
              ? { NODE_OPTIONS: b.nodeOptions }
              : {}),
        },
        probeFile,
      );
      bots.add(bot);
      return bot;
    },
    async stop() {
      for (const b of bots) await b.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function spawnBot(
  b: BotOptions,
  worldEnv: Record<string, string>,
  probeFile: string | undefined,
): Promise<Bot> {
  const root = b.root ?? ROOT;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    DISCORD_TOKEN: BOT_TOKEN,
    ENCRYPTION_KEY: TEST_KEY,
    POLL_INTERVAL_SECONDS: String(b.pollIntervalSeconds),
    LOG_LEVEL: "info",
    ...worldEnv,
    ...b.env,
  };
  const started = Date.now();
  const args = b.entry ? [b.entry] : ["--import", TSX, resolve(root, "src/index.ts")];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  // "ready" lines counted as they come (the kept output is trimmed; shards may log a lot first).
  let readyLines = 0;
  let tail = "";
  const keep = (d: Buffer) => {
    const text = tail + String(d);
    readyLines += text.match(/"msg":"ready"/g)?.length ?? 0;
    tail = text.slice(-20).replace(/"msg":"ready"/g, "");
    out += String(d);
    if (out.length > 4_000_000) out = out.slice(-2_000_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 12_000);
      await exited;
      clearTimeout(t);
    }
  };
  try {
    const end = started + (b.readyTimeoutMs ?? 120_000);
    while (readyLines < (b.readyCount ?? 1)) {
      if (child.exitCode !== null || Date.now() > end)
        throw new Error(`the bot did not get ready\n--- bot output ---\n${out.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    if (probeFile) await probeReady(probeFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    pid: child.pid!,
    probeFile,
    output: () => out,
    startSeconds: (Date.now() - started) / 1000,
    stop,
  };
}
