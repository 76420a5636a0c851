// The Docker runtime stage, without Docker: a clean copy of the tracked files, built, then pruned
// to production dependencies (`npm prune --omit=dev`), runs `node dist/index.js` against the fake
// Discord and the simulator: it gets ready on the default SQLite store, answers a command that
// uses the Roblox client, the store and the native chart renderer, and exits 0 on SIGTERM.
// Offline: the repository's node_modules (sqlite3 already compiled) is copied instead of `npm ci`.
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { cookieFor, SEED, startSim, trackerFor } from "../../sim/server.js";
import { commandData } from "../../src/commands/deploy-json.js";
import type { Json } from "../e2e/fake-discord/http.js";
import { startFakeDiscord } from "../e2e/fake-discord/index.js";
import { BOT_TOKEN, TEST_KEY } from "../e2e/harness.js";
import { healthBecomes, waitUntil, withStore } from "./kit.js";
import { freePort } from "./redis.js";

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const KID = SEED.child.id;
const dir = mkdtempSync(join(tmpdir(), "roguard-runtime-"));
const cleanups: Array<() => Promise<unknown> | undefined> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

/** The tracked files as they are in the working tree (what `git archive` would give, uncommitted edits included). */
async function cleanCopy(): Promise<void> {
  const { stdout } = await run("git", ["ls-files", "-z"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  for (const file of stdout.split("\0").filter(Boolean)) {
    const from = join(ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(from, join(dir, file));
  }
  expect(existsSync(join(dir, "dist"))).toBe(false);
  await run("cp", ["-a", join(ROOT, "node_modules"), join(dir, "node_modules")]);
}

const npm = (args: string[]) =>
  run("npm", [...args, "--no-audit", "--no-fund", "--offline"], { cwd: dir, timeout: 120_000 });

it("a pruned production tree runs dist/index.js: ready, answers /screentime show, SIGTERM → 0", async () => {
  await cleanCopy();
  await npm(["run", "build"]);
  await npm(["prune", "--omit=dev"]);
  for (const dev of ["typescript", "vitest", "tsx", "@biomejs/biome", "fast-check"])
    expect(existsSync(join(dir, "node_modules", dev)), dev).toBe(false);
  for (const prod of ["discord.js", "sqlite3", "@resvg/resvg-js", "dejavu-fonts-ttf"])
    expect(existsSync(join(dir, "node_modules", prod)), prod).toBe(true);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { main: string };
  expect(existsSync(join(dir, pkg.main))).toBe(true);

  const sim = await startSim();
  cleanups.push(() => sim.close());
  const fake = await startFakeDiscord({ token: BOT_TOKEN });
  cleanups.push(() => fake.close());
  const guildId = fake.world.defaultGuild.id;
  fake.registerCommands(commandData() as unknown as Json[], guildId);
  // The default STORE_URL (sqlite://data/roguard.sqlite, relative to the working directory).
  await withStore(`sqlite://${join(dir, "data/roguard.sqlite")}`, async (s) => {
    await s.accounts.upsert({
      guildId,
      robloxId: String(KID),
      robloxName: SEED.child.name,
      displayName: SEED.child.displayName,
      linkedBy: fake.world.people.admin.user.id,
      cookie: cookieFor(KID),
      tracker: trackerFor(KID),
    });
  });

  const env = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_URL: fake.apiUrl,
    ROBLOX_API_ORIGIN: sim.origin,
    ENCRYPTION_KEY: TEST_KEY,
  };
  let { out, exited, bot } = start(pkg.main, env);
  await waitUntil("the bot to be ready", () => /"msg":"ready"/.test(out()), 30_000, out);

  const h = await fake.runCommand({ name: "screentime", subcommand: "show" });
  const m = await h.waitForFinal({ timeoutMs: 15_000 });
  expect(JSON.stringify(m.embeds)).toContain("Screen time of KidAccount");
  const files = Object.values(m.files);
  expect(files.map((f) => f.filename)).toEqual(["screentime.png"]);
  expect(files[0]?.data.subarray(1, 4).toString()).toBe("PNG");
  expect(fake.violations()).toEqual([]);

  const t0 = Date.now();
  bot.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(Date.now() - t0).toBeLessThan(10_000);
  expect(out()).not.toContain(SEED.cookiePrefix);
  expect(existsSync(join(dir, "data/roguard.sqlite"))).toBe(true);

  // The same tree, sharded: the ShardingManager spawns dist/index.js per shard; it serves /healthz.
  const port = await freePort();
  ({ out, exited, bot } = start(pkg.main, { ...env, SHARDS: "2", HTTP_PORT: String(port) }));
  await fake.waitFor(() => fake.sessions().filter((x) => x.ready).length === 2, 30_000, "two shard sessions");
  const h2 = await healthBecomes(port, 200, 15_000, out);
  expect(h2.body).toMatchObject({
    ok: true,
    shards: [
      { id: 0, ok: true },
      { id: 1, ok: true },
    ],
  });
  bot.kill("SIGTERM");
  expect(await exited).toBe(0);
}, 180_000);

function start(main: string, env: Record<string, string>) {
  const bot = spawn(process.execPath, [main], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  bot.stdout.on("data", (d) => {
    text += String(d);
  });
  bot.stderr.on("data", (d) => {
    text += String(d);
  });
  const exited = new Promise<number | null>((r) => bot.once("exit", (code) => r(code)));
  cleanups.push(() => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    return undefined;
  });
  return { bot, exited, out: () => text };
}
