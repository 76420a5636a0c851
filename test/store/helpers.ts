/** Shared by the store tests: temp SQLite stores, keys, canary cookies. */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Keyv } from "keyv";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing, type KeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";

export const key = (): Buffer => randomBytes(32);

export function canary(tag = ""): string {
  return `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${tag}${randomBytes(12).toString("hex")}`;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "roguard-store-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openStore(file: string, ring: KeyRing = createKeyRing(key())): Promise<Store> {
  return createStore({
    url: `sqlite://${file}`,
    keyring: ring,
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
}

/** Two store instances on one store URL sharing a key ring, as two processes sharing the store. */
export async function twoStores(url: string): Promise<[Store, Store]> {
  const ring = createKeyRing(key());
  const open = () => createStore({ url, keyring: ring, logger: silentLogger(), defaultTimeZone: "UTC" });
  return [await open(), await open()];
}

/** Counts the statements a SQLite store instance sends from now on: SELECTs are reads, the rest writes. */
export function countStatements(store: Store): { reads: number; writes: number } {
  const c = { reads: 0, writes: 0 };
  const sql = store.keyv.store as { query: (sql: string, ...params: unknown[]) => Promise<unknown> };
  const query = sql.query;
  sql.query = (text, ...params) => {
    if (/^\s*SELECT/i.test(text)) c.reads++;
    else c.writes++;
    return query(text, ...params);
  };
  return c;
}

export function linkInput(guildId: string, robloxId: string, extra: Record<string, string> = {}) {
  return {
    guildId,
    robloxId,
    robloxName: `User${robloxId}`,
    displayName: `Display ${robloxId}`,
    linkedBy: "1000",
    cookie: canary(robloxId),
    ...extra,
  };
}

export const ROOT = resolve(import.meta.dirname, "../..");
export const TSX = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;

/** Runs a TypeScript file of the project in a child node (no shell), with only the given env. */
export function runTs(
  file: string,
  opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    execFile(
      process.execPath,
      ["--import", TSX, resolve(ROOT, file)],
      {
        cwd: opts.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...opts.env },
        timeout: opts.timeoutMs ?? 20_000,
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== "number") return reject(err);
        done({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * Forces an interleaving across connections: runs `before` once, just before the first write
 * to `rowKey` goes out on this Keyv's own connection (SQLite or Redis); returns "did it run".
 */
export async function beforeFirstWrite(
  keyv: Keyv,
  rowKey: string,
  before: () => Promise<void>,
): Promise<() => boolean> {
  let fired = false;
  const once = async (touches: boolean) => {
    if (fired || !touches) return;
    fired = true;
    await before();
  };
  const adapter = keyv.store as {
    query?: (sql: string, ...p: unknown[]) => Promise<unknown>;
    getClient?: () => Promise<Record<string, unknown>>;
  };
  if (typeof adapter.getClient === "function") {
    const client = await adapter.getClient();
    // The commands that write one key: a plain SET, or a script (compare-and-set).
    for (const name of ["set", "eval", "evalSha"]) {
      const orig = client[name];
      if (typeof orig !== "function") continue;
      client[name] = async (...args: unknown[]) => {
        await once(JSON.stringify(args).includes(`roguard::${rowKey}`));
        return orig.apply(client, args);
      };
    }
  } else if (typeof adapter.query === "function") {
    const orig = adapter.query;
    adapter.query = async (sql: string, ...params: unknown[]) => {
      const write = /^\s*(INSERT|UPDATE|REPLACE)/i.test(sql);
      await once(write && JSON.stringify(params).includes(`roguard:${rowKey}`));
      return orig(sql, ...params);
    };
  }
  return () => fired;
}
