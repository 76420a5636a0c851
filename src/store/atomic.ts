/**
 * Conditional writes, which Keyv has no portable way to make. Each one is a single statement
 * in the database (an UPDATE/INSERT … WHERE on SQLite, a Lua script on Redis), so a writer in
 * another process (rotate-keys, another shard) cannot slip in between the check and the write:
 *
 * - `readRaw` + `compareAndSet`: write a key only if its stored form is still the one read;
 * - `setIfExists`: write a key only while another key (the account row) exists.
 *
 * Values are serialized exactly as `keyv.set` does (no expiry), so ordinary reads see them.
 */
import type { Keyv } from "keyv";
import { NAMESPACE } from "./keyv.js";

export interface RawRead {
  /** The stored form, to hand back to compareAndSet; undefined when the key is absent. */
  raw: string | undefined;
  /** The value as `keyv.get` returns it; undefined when absent or expired. */
  value: unknown;
}

interface SqlAdapter {
  query: (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  opts: { table: string };
}

interface RedisClient {
  get(key: string): Promise<string | null>;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

interface RedisAdapter {
  getClient(): Promise<RedisClient>;
  createKeyPrefix(key: string, namespace?: string): string;
  namespace?: string | undefined;
}

type Backend =
  | { kind: "sql"; sql: SqlAdapter; key: (k: string) => string }
  | { kind: "redis"; redis: RedisAdapter; key: (k: string) => string };

function backendOf(keyv: Keyv): Backend {
  const s = keyv.store as Partial<SqlAdapter & RedisAdapter> | undefined;
  if (s && typeof s.query === "function" && typeof s.opts?.table === "string") {
    return { kind: "sql", sql: s as SqlAdapter, key: (k) => `${NAMESPACE}:${k}` };
  }
  if (s && typeof s.getClient === "function" && typeof s.createKeyPrefix === "function") {
    const redis = s as RedisAdapter;
    return { kind: "redis", redis, key: (k) => redis.createKeyPrefix(k, redis.namespace) };
  }
  throw new TypeError("this store cannot write conditionally (SQLite and Redis can)");
}

const serialize = async (keyv: Keyv, value: unknown): Promise<string> => {
  const out = await keyv.serializeData({ value, expires: undefined });
  if (typeof out !== "string") throw new TypeError("the store's serializer did not give a string");
  return out;
};

/** The stored form of `key` and its value. */
export async function readRaw(keyv: Keyv, key: string, now = Date.now()): Promise<RawRead> {
  const b = backendOf(keyv);
  let raw: string | undefined;
  if (b.kind === "sql") {
    const rows = await b.sql.query(`SELECT value FROM ${b.sql.opts.table} WHERE key = ?`, b.key(key));
    const v = rows[0]?.value;
    raw = typeof v === "string" ? v : undefined;
  } else {
    raw = (await (await b.redis.getClient()).get(b.key(key))) ?? undefined;
  }
  if (raw === undefined) return { raw, value: undefined };
  const data = await keyv.deserializeData<unknown>(raw);
  const expired = typeof data?.expires === "number" && data.expires < now;
  return { raw, value: expired ? undefined : data?.value };
}

const REDIS_CAS = `
local cur = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if cur ~= ARGV[2] then return 0 end
elseif cur then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1`;

/**
 * Writes `value` only if the stored form of `key` is still `expected` (undefined: still
 * absent). Returns whether it wrote; false means someone else wrote or deleted it meanwhile.
 */
export async function compareAndSet(
  keyv: Keyv,
  key: string,
  expected: string | undefined,
  value: unknown,
): Promise<boolean> {
  const b = backendOf(keyv);
  const next = await serialize(keyv, value);
  if (b.kind === "sql") {
    const t = b.sql.opts.table;
    const rows =
      expected === undefined
        ? await b.sql.query(
            `INSERT INTO ${t} (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`,
            b.key(key),
            next,
          )
        : await b.sql.query(
            `UPDATE ${t} SET value = ? WHERE key = ? AND value = ? RETURNING key`,
            next,
            b.key(key),
            expected,
          );
    return rows.length === 1;
  }
  const client = await b.redis.getClient();
  const args = expected === undefined ? ["0", "", next] : ["1", expected, next];
  return Number(await client.eval(REDIS_CAS, { keys: [b.key(key)], arguments: args })) === 1;
}

const REDIS_SET_IF_EXISTS = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1`;

/** Writes `value` to `key` only while `guard` exists. Returns whether it wrote. */
export async function setIfExists(keyv: Keyv, key: string, value: unknown, guard: string): Promise<boolean> {
  const b = backendOf(keyv);
  const next = await serialize(keyv, value);
  if (b.kind === "sql") {
    const t = b.sql.opts.table;
    const rows = await b.sql.query(
      `INSERT INTO ${t} (key, value) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM ${t} WHERE key = ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value RETURNING key`,
      b.key(key),
      next,
      b.key(guard),
    );
    return rows.length === 1;
  }
  const client = await b.redis.getClient();
  const keys = [b.key(key), b.key(guard)];
  return Number(await client.eval(REDIS_SET_IF_EXISTS, { keys, arguments: [next] })) === 1;
}
