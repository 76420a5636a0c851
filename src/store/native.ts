/**
 * What Keyv's get/set cannot do safely when several processes share the store: sets of ids that
 * many writers change at once (which guilds have linked accounts, which guilds link a Roblox
 * account), and an append-only log of changes that other processes read by sequence.
 *
 * A Keyv value is read, changed and written back; two processes doing that to one list lose each
 * other's members. Here every change is one atomic statement of the backing store instead:
 * - SQLite: two tables beside Keyv's (`roguard_sets`, `roguard_changes`), one INSERT or DELETE per
 *   change; SQLite runs writers one at a time, so a change log row's sequence number is also its
 *   commit order.
 * - Redis: native sets (SADD/SREM/SMEMBERS) and a stream (XADD/XRANGE), under `roguard:` keys that
 *   Keyv's own `roguard::` namespace does not cover (so Keyv's iterator never meets them).
 */
import type { Keyv } from "keyv";

export interface Sets {
  add(name: string, member: string): Promise<void>;
  remove(name: string, member: string): Promise<void>;
  members(name: string): Promise<string[]>;
  /** Removes the whole set. */
  clear(name: string): Promise<void>;
}

export interface Change {
  guildId: string;
  /** The store instance that wrote it (a process skips its own: it applied them already). */
  origin: string;
}

export interface ChangeRead {
  changes: Change[];
  /** Where the next read starts. */
  cursor: string;
  /** True when entries after `after` may have been trimmed unread: read everything again. */
  gap: boolean;
}

export interface ChangeLog {
  append(change: Change): Promise<void>;
  /** The cursor of the newest entry (read from here to see only what comes next). */
  head(): Promise<string>;
  /** Entries after `after`, oldest first, at most `limit`. */
  read(after: string, limit?: number): Promise<ChangeRead>;
}

export interface Native {
  sets: Sets;
  changes: ChangeLog;
  kind: "sqlite" | "redis" | "memory";
}

/** Entries kept in the change log; a reader further behind than this reads everything again. */
export const CHANGES_KEPT = 10_000;
const READ_LIMIT = 1_000;

interface SqlAdapter {
  query: (sql: string, ...params: unknown[]) => Promise<Array<Record<string, unknown>>>;
  opts: { table?: string };
}

interface RedisLike {
  sendCommand<T = unknown>(args: string[]): Promise<T>;
}

async function sqliteNative(sql: SqlAdapter): Promise<Native> {
  await sql.query(
    "CREATE TABLE IF NOT EXISTS roguard_sets(name TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY(name, member)) WITHOUT ROWID",
  );
  await sql.query(
    "CREATE TABLE IF NOT EXISTS roguard_changes(seq INTEGER PRIMARY KEY AUTOINCREMENT, guild TEXT NOT NULL, origin TEXT NOT NULL)",
  );
  let appended = 0;
  return {
    kind: "sqlite",
    sets: {
      async add(name, member) {
        await sql.query("INSERT OR IGNORE INTO roguard_sets(name, member) VALUES(?, ?)", name, member);
      },
      async remove(name, member) {
        await sql.query("DELETE FROM roguard_sets WHERE name = ? AND member = ?", name, member);
      },
      async members(name) {
        const rows = await sql.query("SELECT member FROM roguard_sets WHERE name = ?", name);
        return rows.map((r) => String(r.member));
      },
      async clear(name) {
        await sql.query("DELETE FROM roguard_sets WHERE name = ?", name);
      },
    },
    changes: {
      async append({ guildId, origin }) {
        await sql.query("INSERT INTO roguard_changes(guild, origin) VALUES(?, ?)", guildId, origin);
        // Trim now and then (each process counts its own appends): a prefix goes, never a middle.
        if (++appended % 500 === 0) {
          await sql.query(
            "DELETE FROM roguard_changes WHERE seq <= (SELECT MAX(seq) FROM roguard_changes) - ?",
            CHANGES_KEPT,
          );
        }
      },
      async head() {
        const [row] = await sql.query("SELECT COALESCE(MAX(seq), 0) AS s FROM roguard_changes");
        return String(row?.s ?? 0);
      },
      async read(after, limit = READ_LIMIT) {
        const from = Number(after) || 0;
        const rows = await sql.query(
          "SELECT seq, guild, origin FROM roguard_changes WHERE seq > ? ORDER BY seq LIMIT ?",
          from,
          limit,
        );
        // Checked after the read: trimming removes a prefix, so if `after` is still there nothing
        // between it and what was read can have gone.
        let gap = false;
        if (from > 0) {
          const still = await sql.query("SELECT 1 AS x FROM roguard_changes WHERE seq = ?", from);
          gap = still.length === 0;
        }
        const last = rows.at(-1);
        return {
          changes: rows.map((r) => ({ guildId: String(r.guild), origin: String(r.origin) })),
          cursor: last ? String(last.seq) : String(from),
          gap,
        };
      },
    },
  };
}

const REDIS_START = "0-0";

function redisNative(client: RedisLike): Native {
  const setKey = (name: string) => `roguard:set:${name}`;
  const STREAM = "roguard:changes";
  type Entry = [string, string[]];
  const field = (fields: string[], name: string) => {
    const i = fields.indexOf(name);
    return i >= 0 && i % 2 === 0 ? (fields[i + 1] ?? "") : "";
  };
  return {
    kind: "redis",
    sets: {
      async add(name, member) {
        await client.sendCommand(["SADD", setKey(name), member]);
      },
      async remove(name, member) {
        await client.sendCommand(["SREM", setKey(name), member]);
      },
      async members(name) {
        const r = await client.sendCommand<unknown[]>(["SMEMBERS", setKey(name)]);
        return (r ?? []).map(String);
      },
      async clear(name) {
        await client.sendCommand(["DEL", setKey(name)]);
      },
    },
    changes: {
      async append({ guildId, origin }) {
        await client.sendCommand([
          "XADD",
          STREAM,
          "MAXLEN",
          "~",
          String(CHANGES_KEPT),
          "*",
          "g",
          guildId,
          "o",
          origin,
        ]);
      },
      async head() {
        const r = await client.sendCommand<Entry[]>(["XREVRANGE", STREAM, "+", "-", "COUNT", "1"]);
        return r?.[0]?.[0] ?? REDIS_START;
      },
      async read(after, limit = READ_LIMIT) {
        const from = after || REDIS_START;
        const r =
          (await client.sendCommand<Entry[]>(["XRANGE", STREAM, `(${from}`, "+", "COUNT", String(limit)])) ??
          [];
        let gap = false;
        if (from !== REDIS_START) {
          const still = await client.sendCommand<Entry[]>(["XRANGE", STREAM, from, from]);
          gap = (still ?? []).length === 0;
        }
        return {
          changes: r.map(([, fields]) => ({
            guildId: field(fields.map(String), "g"),
            origin: field(fields.map(String), "o"),
          })),
          cursor: r.at(-1)?.[0] ?? from,
          gap,
        };
      },
    },
  };
}

/** For a store that is neither (none today): one process only, kept in memory. */
function memoryNative(): Native {
  const sets = new Map<string, Set<string>>();
  const log: Change[] = [];
  return {
    kind: "memory",
    sets: {
      async add(name, member) {
        const s = sets.get(name) ?? new Set<string>();
        s.add(member);
        sets.set(name, s);
      },
      async remove(name, member) {
        sets.get(name)?.delete(member);
      },
      async members(name) {
        return [...(sets.get(name) ?? [])];
      },
      async clear(name) {
        sets.delete(name);
      },
    },
    changes: {
      async append(change) {
        log.push(change);
      },
      async head() {
        return String(log.length);
      },
      async read(after, limit = READ_LIMIT) {
        const from = Number(after) || 0;
        const changes = log.slice(from, from + limit);
        return { changes, cursor: String(from + changes.length), gap: false };
      },
    },
  };
}

/** The native structures of the store behind `keyv` (SQLite or Redis). */
export async function openNative(keyv: Keyv): Promise<Native> {
  const store = keyv.store as Partial<SqlAdapter> & { client?: unknown };
  if (store && typeof store.query === "function" && store.opts && typeof store.opts.table === "string") {
    return sqliteNative(store as SqlAdapter);
  }
  const adapter = store as { getClient?: () => Promise<unknown> } | undefined;
  const client = (typeof adapter?.getClient === "function" ? await adapter.getClient() : store?.client) as
    | Partial<RedisLike>
    | undefined;
  if (client && typeof client.sendCommand === "function") return redisNative(client as RedisLike);
  return memoryNative();
}
