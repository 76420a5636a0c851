/**
 * Claims: a short-lived lock on a name that every process sharing the store respects, for an
 * action that must happen once (a click on Accept makes one Roblox call, however many admins
 * click at once). Keyv has no compare-and-set, so this goes to the adapter underneath:
 *
 * - Redis: `SET key token NX PX ttl`; release deletes the key only while it still holds our token
 *   (one Lua script, so a claim that expired and was taken by someone else is left alone).
 * - SQLite: one `INSERT … ON CONFLICT DO UPDATE … WHERE expired … RETURNING` statement, atomic in
 *   SQLite, over the Keyv table (the row is in Keyv's own format, so the hourly sweep and
 *   `keyv.get` understand it); release deletes the row only while it holds our token.
 *
 * Every claim expires after its TTL, so a holder that crashed blocks nobody for long.
 */
import { randomBytes } from "node:crypto";
import type { Keyv } from "keyv";
import { K } from "./keys.js";
import { NAMESPACE } from "./keyv.js";

export interface Claim {
  /** Gives the claim up (no-op once it expired and someone else took it). */
  release(): Promise<void>;
}

export interface Claims {
  /** Takes `name` for `ttlMs`; undefined when someone holds it now. */
  tryAcquire(name: string, ttlMs: number): Promise<Claim | undefined>;
  /**
   * Takes `name`, retrying while someone holds it, for at most `waitMs`; undefined when it is
   * still held then.
   */
  acquire(name: string, ttlMs: number, waitMs: number): Promise<Claim | undefined>;
}

interface SqlAdapter {
  query: (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  opts: { table: string };
}

interface RedisLike {
  set(
    key: string,
    value: string,
    options: { condition: "NX"; expiration: { type: "PX"; value: number } },
  ): Promise<unknown>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

interface RedisAdapter {
  getClient(): Promise<RedisLike>;
  createKeyPrefix(key: string, namespace?: string): string;
}

const RETRY_MS = 50;

const RELEASE_LUA = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

function sqlAdapter(keyv: Keyv): SqlAdapter | undefined {
  const s = keyv.store as Partial<SqlAdapter> | undefined;
  return s && typeof s.query === "function" && typeof s.opts?.table === "string"
    ? (s as SqlAdapter)
    : undefined;
}

function redisAdapter(keyv: Keyv): RedisAdapter | undefined {
  const s = keyv.store as Partial<RedisAdapter> | undefined;
  return s && typeof s.getClient === "function" && typeof s.createKeyPrefix === "function"
    ? (s as RedisAdapter)
    : undefined;
}

function checkTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0)
    throw new RangeError("claim ttl must be a positive integer (ms)");
}

function sqliteClaims(sql: SqlAdapter, now: () => number): Claims["tryAcquire"] {
  const table = sql.opts.table;
  return async (name, ttlMs) => {
    checkTtl(ttlMs);
    const key = `${NAMESPACE}:${K.claim(name)}`;
    const at = now();
    // Keyv's row format, so keyv.get and the sweep read it like any other expiring entry.
    const value = JSON.stringify({ value: randomBytes(12).toString("hex"), expires: at + ttlMs });
    const won = await sql.query(
      `INSERT INTO ${table} (key, value) VALUES (?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value
       WHERE NOT json_valid(${table}.value) OR ifnull(json_extract(${table}.value, '$.expires'), 0) <= ?
       RETURNING key`,
      key,
      value,
      at,
    );
    if (won.length === 0) return undefined;
    return {
      release: async () => {
        await sql.query(`DELETE FROM ${table} WHERE key = ? AND value = ?`, key, value);
      },
    };
  };
}

function redisClaims(redis: RedisAdapter): Claims["tryAcquire"] {
  return async (name, ttlMs) => {
    checkTtl(ttlMs);
    const client = await redis.getClient();
    const key = redis.createKeyPrefix(K.claim(name), NAMESPACE);
    const token = randomBytes(12).toString("hex");
    const ok = await client.set(key, token, { condition: "NX", expiration: { type: "PX", value: ttlMs } });
    if (ok !== "OK") return undefined;
    return {
      release: async () => {
        await client.eval(RELEASE_LUA, { keys: [key], arguments: [token] });
      },
    };
  };
}

export function createClaims(deps: { keyv: Keyv; now?: () => number }): Claims {
  const now = deps.now ?? Date.now;
  const sql = sqlAdapter(deps.keyv);
  const redis = sql ? undefined : redisAdapter(deps.keyv);
  const tryAcquire = sql ? sqliteClaims(sql, now) : redis ? redisClaims(redis) : undefined;
  if (!tryAcquire) throw new TypeError("claims need a SQLite or Redis store");
  return {
    tryAcquire,
    async acquire(name, ttlMs, waitMs) {
      const end = Date.now() + Math.max(0, waitMs);
      for (;;) {
        const claim = await tryAcquire(name, ttlMs);
        if (claim || Date.now() >= end) return claim;
        await new Promise((r) => setTimeout(r, Math.min(RETRY_MS, Math.max(1, end - Date.now()))));
      }
    },
  };
}
