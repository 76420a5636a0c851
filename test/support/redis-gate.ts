/**
 * Which test files need a real redis-server, and what to do when the machine has none: on a fresh
 * machine `npm ci && npm test` skips them with one line saying what to install; with
 * ROGUARD_REQUIRE_REDIS=1 (CI sets it) a missing redis-server is an error instead.
 * A test file needs Redis when it starts one (`startRedis(` from test/prod/redis.ts).
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export function hasRedisServer(): boolean {
  const r = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return r.error === undefined && r.status === 0;
}

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith(".test.ts")) out.push(p);
  }
  return out;
}

/** Test files (relative to `root`) that start a redis-server. */
export function redisTestFiles(root: string, dirs: readonly string[]): string[] {
  return dirs
    .flatMap((d) => testFiles(join(root, d)))
    .filter((f) => readFileSync(f, "utf8").includes("startRedis("))
    .map((f) => relative(root, f));
}

export interface Gate {
  exclude: string[];
  /** The one line to print, when files are skipped. */
  note?: string;
}

/** Pure: what to exclude, given whether redis-server exists and whether it is required. */
export function redisGate(files: readonly string[], available: boolean, required: boolean): Gate {
  if (available || files.length === 0) return { exclude: [] };
  if (required) {
    throw new Error(
      `ROGUARD_REQUIRE_REDIS=1 but redis-server is not on PATH: install it (apt-get install redis-server) to run ${files.length} Redis-backed test files`,
    );
  }
  return {
    exclude: [...files],
    note: `roguard: skipping ${files.length} Redis-backed test files (${files.join(", ")}): redis-server is not on PATH — install it (apt-get install redis-server) to run them; ROGUARD_REQUIRE_REDIS=1 makes this an error (CI sets it)`,
  };
}
