/**
 * Keyv from STORE_URL (README, Configuration): `sqlite://path` (relative to the working directory, WAL journal,
 * 5 s busy timeout), `redis://…`/`rediss://…`, and a clear refusal for `postgres://…`.
 * Every failure to open becomes a StoreError with one clear sentence.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { Keyv } from "keyv";
import { describe, StoreError } from "./errors.js";
import { openConnection } from "./sqlite-connection.js";

export const NAMESPACE = "roguard";
export const BUSY_TIMEOUT_MS = 5000;
const CONNECT_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Base for relative SQLite paths; defaults to process.cwd(). */
  cwd?: string;
}

/** The URL without user name or password, for messages. */
export function safeUrl(storeUrl: string): string {
  try {
    const u = new URL(storeUrl);
    if (u.username || u.password) {
      u.username = "";
      u.password = "";
    }
    return u.toString();
  } catch {
    return storeUrl.replace(/\/\/[^@/]*@/, "//");
  }
}

/** `sqlite://data/x.sqlite` → absolute path (`sqlite:///abs/x.sqlite` stays absolute). */
export function sqlitePath(storeUrl: string, cwd = process.cwd()): string {
  const rest = storeUrl.replace(/^sqlite:\/\//i, "");
  if (rest === "" || rest === "/") throw new StoreError("STORE_URL sqlite:// needs a file path");
  if (rest === ":memory:") return rest;
  let decoded = rest;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    // a literal "%" in the path: keep it as written
  }
  return path.resolve(cwd, decoded);
}

async function openSqlite(storeUrl: string, cwd: string | undefined): Promise<Keyv> {
  const file = sqlitePath(storeUrl, cwd);
  if (file !== ":memory:") {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new StoreError(`cannot create the folder for the SQLite store ${file} (${describe(err)})`, {
        cause: err,
      });
    }
  }
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS });
  try {
    // The adapter's queries run on a connection that keeps its statements prepared
    // (sqlite-connection.ts); the adapter's own one is closed once it has made its table.
    await adapter.query("SELECT 1");
    await adapter.close();
    const connection = await openConnection(file, BUSY_TIMEOUT_MS);
    adapter.query = connection.query;
    adapter.close = connection.close;
    await adapter.query(
      `CREATE TABLE IF NOT EXISTS ${adapter.opts.table}(key VARCHAR(255) PRIMARY KEY, value TEXT )`,
    );
    // @keyv/sqlite 4 has no journal option: set WAL through the connection.
    const rows = (await adapter.query("PRAGMA journal_mode=WAL")) as Array<{ journal_mode?: string }>;
    const mode = rows[0]?.journal_mode;
    if (file !== ":memory:" && mode !== "wal") throw new Error(`journal_mode is ${String(mode)}, not wal`);
    await adapter.query(`PRAGMA busy_timeout=${BUSY_TIMEOUT_MS}`);
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: a process crash loses nothing
    // committed, a power cut may lose the last few writes (watcher state, re-read next poll).
    // FULL made each write wait on an fsync — the largest share of the lag at 10,000 accounts.
    await adapter.query("PRAGMA synchronous=NORMAL");
  } catch (err) {
    await adapter.close().catch(() => undefined);
    throw new StoreError(`cannot open the SQLite store ${file} (${describe(err)})`, { cause: err });
  }
  return new Keyv({ store: adapter, namespace: NAMESPACE, throwOnErrors: true });
}

async function openRedis(storeUrl: string): Promise<Keyv> {
  // Loaded only when used: it costs ~200 ms of start-up.
  const { default: KeyvRedis } = await import("@keyv/redis");
  const adapter = new KeyvRedis(storeUrl, {
    namespace: NAMESPACE,
    throwOnConnectError: true,
    throwOnErrors: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
  });
  const keyv = new Keyv({ store: adapter, namespace: NAMESPACE, useKeyPrefix: false, throwOnErrors: true });
  let lastError: unknown;
  // Errors reach callers through throwOnErrors; this listener keeps the first cause for the message.
  keyv.on("error", (err: unknown) => {
    lastError ??= err;
  });
  try {
    await adapter.getClient();
    await keyv.get("ping");
  } catch (err) {
    await adapter.disconnect(true).catch(() => undefined);
    const cause = lastError instanceof Error ? lastError : err;
    throw new StoreError(`cannot connect to the Redis store ${safeUrl(storeUrl)} (${describe(cause)})`, {
      cause: err,
    });
  }
  lastError = undefined;
  return keyv;
}

/** Opens (and checks) the store named by STORE_URL. Rejects with StoreError. */
export async function openKeyv(storeUrl: string, opts: OpenOptions = {}): Promise<Keyv> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(storeUrl)?.[1]?.toLowerCase();
  switch (scheme) {
    case "sqlite":
      return openSqlite(storeUrl, opts.cwd);
    case "redis":
    case "rediss":
      return openRedis(storeUrl);
    case "postgres":
    case "postgresql":
      throw new StoreError(
        "STORE_URL postgres:// is not supported in this build (@keyv/postgres is not installed); use sqlite:// or redis://",
      );
    default:
      throw new StoreError(
        `STORE_URL ${safeUrl(storeUrl)} is not supported: use sqlite://path/to/file.sqlite or redis://host:port`,
      );
  }
}
