/**
 * End-to-end world: the Roblox simulator, the fake Discord and the REAL bot, started the way
 * production starts it (the same entry, src/index.ts, as a child process, loaded with tsx so
 * tests never run a stale build), against a temporary SQLite store.
 *
 *   const w = await startWorld({ link: [{ robloxId: SEED.kid.id }], alertChannel: true });
 *   const reply = await w.run({ name: "friends", subcommand: "count" });   // final reply text
 *   await w.stop();
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { cookieFor, SEED, type Sim, startSim, trackerFor } from "../../sim/server.js";
import { commandData } from "../../src/commands/deploy-json.js";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";
import type { Json } from "./fake-discord/http.js";
import {
  type CommandInput,
  type FakeDiscord,
  type FakeMessage,
  type InteractionHandle,
  startFakeDiscord,
  visibleText,
} from "./fake-discord/index.js";

export type { FakeDiscord, FakeMessage, InteractionHandle, Sim };
export { cookieFor, SEED, trackerFor, visibleText };

const ROOT = resolve(import.meta.dirname, "../..");
const TSX = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;
export const TEST_KEY = Buffer.alloc(32, 42).toString("base64");
export const BOT_TOKEN = "fake-bot-token.roguard.e2e";

export interface LinkSpec {
  robloxId: number;
  label?: string;
  /** Defaults to the simulator's cookie for that id. */
  cookie?: string;
  tracker?: string | null;
  guildId?: string;
}

export interface WorldOptions {
  link?: LinkSpec[];
  /** Set the default guild's alert channel to #alerts before the bot starts. */
  alertChannel?: boolean;
  pollIntervalSeconds?: number;
  env?: Record<string, string>;
  shards?: number;
  /** The store the bot uses (default: a temp SQLite file); `link`, `alertChannel` and `withStore` use it too. */
  storeUrl?: string;
  /** The default guild's `preferred_locale` as Discord sends it (default en-US). */
  preferredLocale?: string;
  /** The bot's wall clock runs this far ahead (test/e2e/shift-clock.mjs), e.g. to the next Sunday. */
  clockOffsetMs?: number;
}

export interface Bot {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export interface World {
  sim: Sim;
  fake: FakeDiscord;
  storeUrl: string;
  dir: string;
  guildId: string;
  bot: Bot;
  env: Record<string, string>;
  /** Runs a command and returns the final message as a person sees it. */
  run(input: CommandInput, timeoutMs?: number): Promise<FakeMessage>;
  /** Same, as text (content, embeds, buttons). */
  runText(input: CommandInput, timeoutMs?: number): Promise<string>;
  /** Opens the store the bot uses (close it again before the bot writes a lot). */
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** Every log line the bot wrote so far (stdout + stderr). */
  logs(): string;
  /** Stops the bot (SIGTERM) and returns its exit code. */
  stopBot(): Promise<number | null>;
  startBot(): Promise<void>;
  stop(): Promise<void>;
}

async function openTestStore(storeUrl: string): Promise<Store> {
  return createStore({
    url: storeUrl,
    keyring: createKeyRing(Buffer.from(TEST_KEY, "base64"), []),
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
}

const SHIFT_CLOCK = resolve(ROOT, "test/e2e/shift-clock.mjs");

function spawnBot(env: Record<string, string>): Bot {
  const shift = env.ROGUARD_TEST_CLOCK_OFFSET_MS ? ["--import", SHIFT_CLOCK] : [];
  const child = spawn(process.execPath, [...shift, "--import", TSX, resolve(ROOT, "src/index.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += String(d);
  });
  child.stderr?.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { process: child, output: () => out, exited };
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number, bot?: Bot): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}\n--- bot output ---\n${bot?.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function startWorld(opts: WorldOptions = {}): Promise<World> {
  const sim = await startSim();
  const fake = await startFakeDiscord({ shards: opts.shards ?? 1, token: BOT_TOKEN });
  const guildId = fake.world.defaultGuild.id;
  if (opts.preferredLocale) fake.world.defaultGuild.preferred_locale = opts.preferredLocale;
  fake.registerCommands(commandData() as unknown as Json[], guildId);
  const dir = mkdtempSync(join(tmpdir(), "roguard-e2e-"));
  const storeUrl = opts.storeUrl ?? `sqlite://${join(dir, "store.sqlite")}`;

  const store = await openTestStore(storeUrl);
  for (const l of opts.link ?? []) {
    const u = sim.state.users.get(l.robloxId);
    await store.accounts.upsert({
      guildId: l.guildId ?? guildId,
      robloxId: String(l.robloxId),
      robloxName: u?.name ?? `User${l.robloxId}`,
      displayName: u?.displayName ?? u?.name ?? `User${l.robloxId}`,
      label: l.label,
      linkedBy: fake.world.people.admin.user.id,
      cookie: l.cookie ?? cookieFor(l.robloxId),
      tracker: l.tracker === null ? undefined : (l.tracker ?? trackerFor(l.robloxId)),
    });
  }
  if (opts.alertChannel) {
    await store.settings.update(guildId, { alertChannelId: fake.world.channels.alerts.id });
  }
  await store.close();

  const env: Record<string, string> = {
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: fake.world.application.id,
    DISCORD_API_URL: fake.apiUrl,
    ROBLOX_API_ORIGIN: sim.origin,
    ENCRYPTION_KEY: TEST_KEY,
    STORE_URL: storeUrl,
    POLL_INTERVAL_SECONDS: String(opts.pollIntervalSeconds ?? 3600),
    LOG_LEVEL: "debug",
    ...(opts.shards && opts.shards > 1 ? { SHARDS: String(opts.shards) } : {}),
    ...(opts.clockOffsetMs ? { ROGUARD_TEST_CLOCK_OFFSET_MS: String(opts.clockOffsetMs) } : {}),
    ...opts.env,
  };

  const world: World = {
    sim,
    fake,
    storeUrl,
    dir,
    guildId,
    env,
    bot: undefined as unknown as Bot,
    async run(input, timeoutMs = 15_000) {
      const h = await fake.runCommand(input);
      return h.waitForFinal({ timeoutMs });
    },
    async runText(input, timeoutMs) {
      return visibleText(await world.run(input, timeoutMs));
    },
    async withStore(fn) {
      const s = await openTestStore(storeUrl);
      try {
        return await fn(s);
      } finally {
        await s.close();
      }
    },
    logs: () => world.bot.output(),
    async stopBot() {
      const bot = world.bot;
      if (bot.process.exitCode !== null) return bot.process.exitCode;
      bot.process.kill("SIGTERM");
      return bot.exited;
    },
    async startBot() {
      const before = fake.sessions().length;
      world.bot = spawnBot(env);
      const shards = opts.shards ?? 1;
      await waitFor(
        "the bot's gateway session",
        () => fake.sessions().length >= before + shards,
        20_000,
        world.bot,
      );
      await waitFor("the bot to be ready", () => /"msg":"ready"/.test(world.bot.output()), 20_000, world.bot);
    },
    async stop() {
      await world.stopBot().catch(() => undefined);
      await fake.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await world.startBot();
  return world;
}
