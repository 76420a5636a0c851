/**
 * Adapter-aware helpers that Keyv does not offer portably: listing keys by prefix (a safety net
 * behind the index keys) and sweeping expired rows (SQLite has no TTL of its own).
 */
import type { Keyv } from "keyv";
import { NAMESPACE } from "./keyv.js";

interface SqlAdapter {
  query: (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  opts: { table?: string };
}

function sqlAdapter(keyv: Keyv): SqlAdapter | undefined {
  const s = keyv.store as Partial<SqlAdapter> | undefined;
  return s && typeof s.query === "function" && s.opts && typeof s.opts.table === "string"
    ? (s as SqlAdapter)
    : undefined;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The first string after every string that starts with `prefix` (for a range on the primary key). */
function after(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

interface RedisScanner {
  sendCommand<T = unknown>(args: string[]): Promise<T>;
}

async function redisClient(keyv: Keyv): Promise<RedisScanner | undefined> {
  const s = keyv.store as { getClient?: () => Promise<unknown>; namespace?: unknown } | undefined;
  if (!s || typeof s.getClient !== "function") return undefined;
  const c = (await s.getClient()) as Partial<RedisScanner> | undefined;
  return c && typeof c.sendCommand === "function" ? (c as RedisScanner) : undefined;
}

/**
 * Keys (without the namespace) that start with `prefix`; [] when the adapter cannot list.
 * SQLite: a range on the primary key (its index, not a table scan). Redis: SCAN for key names only
 * (it walks the whole keyspace: start-up and rotate-keys use it, never a hot path).
 */
export async function listKeys(keyv: Keyv, prefix: string): Promise<string[]> {
  const sql = sqlAdapter(keyv);
  const ns = `${NAMESPACE}:`;
  if (sql) {
    const rows = await sql.query(
      `SELECT key FROM ${sql.opts.table} WHERE key >= ? AND key < ?`,
      ns + prefix,
      after(ns + prefix),
    );
    return rows.map((r) => String(r.key).slice(ns.length));
  }
  const redis = await redisClient(keyv).catch(() => undefined);
  if (redis) {
    // @keyv/redis stores Keyv's keys as `<namespace>::<key>`.
    const base = `${NAMESPACE}::`;
    const pattern = `${base}${prefix.replace(/[*?[\\\]]/g, (c) => `\\${c}`)}*`;
    const out: string[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await redis.sendCommand<[string, string[]]>([
        "SCAN",
        cursor,
        "MATCH",
        pattern,
        "COUNT",
        "1000",
      ]);
      cursor = String(next);
      for (const k of keys) out.push(String(k).slice(base.length));
    } while (cursor !== "0");
    return out;
  }
  if (typeof keyv.iterator === "function") {
    // A safety net only: the index keys remain the source of truth if iteration fails.
    const out: string[] = [];
    try {
      for await (const [key] of keyv.iterator(keyv.namespace)) {
        if (typeof key === "string" && key.startsWith(prefix)) out.push(key);
      }
    } catch {
      return out;
    }
    return out;
  }
  return [];
}

/** Deletes expired rows under `prefix` (SQLite only; Redis expires keys itself). Returns how many. */
export async function sweepExpired(keyv: Keyv, prefix: string, now = Date.now()): Promise<number> {
  const sql = sqlAdapter(keyv);
  if (!sql) return 0;
  const pattern = `${likeEscape(`${NAMESPACE}:${prefix}`)}%`;
  const where = `key LIKE ? ESCAPE '\\' AND json_valid(value) AND json_extract(value, '$.expires') < ?`;
  const [count] = await sql.query(`SELECT COUNT(*) AS n FROM ${sql.opts.table} WHERE ${where}`, pattern, now);
  await sql.query(`DELETE FROM ${sql.opts.table} WHERE ${where}`, pattern, now);
  return Number(count?.n ?? 0);
}
