import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_PREPARED, openConnection, type SqliteConnection } from "./sqlite-connection.js";

const opened: SqliteConnection[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function open(): Promise<SqliteConnection> {
  dir ??= mkdtempSync(join(tmpdir(), "roguard-sqlite-"));
  const c = await openConnection(join(dir, "s.sqlite"), 5_000);
  opened.push(c);
  return c;
}

describe("the SQLite connection with prepared statements", () => {
  it("prepares each distinct query once and answers like db.all (rows, [] for writes)", async () => {
    const c = await open();
    await c.query("PRAGMA journal_mode=WAL");
    await c.query("CREATE TABLE kv(key TEXT PRIMARY KEY, value TEXT)");
    expect(c.prepared).toBe(0);
    const insert = "INSERT INTO kv(key, value) VALUES(?, ?)";
    await Promise.all(Array.from({ length: 50 }, (_, i) => c.query(insert, `k${i}`, `v${i}`)));
    expect(await c.query(insert, "x", "y")).toEqual([]);
    const select = "SELECT value FROM kv WHERE key = ?";
    expect(await c.query(select, "k7")).toEqual([{ value: "v7" }]);
    expect(await c.query(select, "nope")).toEqual([]);
    // an array of parameters, as @keyv/sqlite's iterator passes them
    expect(
      await c.query("SELECT key FROM kv WHERE key LIKE ? ORDER BY key LIMIT ? OFFSET ?", ["k1%", 2, 0]),
    ).toEqual([{ key: "k1" }, { key: "k10" }]);
    expect(c.prepared).toBe(3);
  });

  it("rejects a query that does not prepare and keeps nothing of it", async () => {
    const c = await open();
    await expect(c.query("SELECT * FROM missing WHERE x = ?", 1)).rejects.toThrow(/no such table/);
    expect(c.prepared).toBe(0);
    await c.query("CREATE TABLE missing(x INTEGER)");
    expect(await c.query("SELECT * FROM missing WHERE x = ?", 1)).toEqual([]);
  });

  it("holds no lock between queries: another connection writes, and the next read sees its write", async () => {
    const a = await open();
    await a.query("PRAGMA journal_mode=WAL");
    await a.query("CREATE TABLE kv(key TEXT PRIMARY KEY, value TEXT)");
    const b = await open();
    const select = "SELECT value FROM kv WHERE key = ?";
    expect(await a.query(select, "k")).toEqual([]);
    await b.query("INSERT INTO kv(key, value) VALUES(?, ?)", "k", "1");
    expect(await a.query(select, "k")).toEqual([{ value: "1" }]);
    await b.query("UPDATE kv SET value = ? WHERE key = ?", "2", "k");
    expect(await a.query(select, "k")).toEqual([{ value: "2" }]);
    await a.query("BEGIN IMMEDIATE");
    await a.query("UPDATE kv SET value = ? WHERE key = ?", "3", "k");
    await a.query("COMMIT");
    expect(await b.query(select, "k")).toEqual([{ value: "3" }]);
  });

  it("keeps at most MAX_PREPARED statements, runs the rest unprepared, and closes with them finalized", async () => {
    const c = await open();
    await c.query("CREATE TABLE kv(key TEXT PRIMARY KEY, value TEXT)");
    for (let i = 0; i < MAX_PREPARED + 5; i++) {
      expect(await c.query(`SELECT ${i} AS n FROM kv WHERE key = ? UNION ALL SELECT ${i}`, "x")).toEqual([
        { n: i },
      ]);
    }
    expect(c.prepared).toBe(MAX_PREPARED);
    await c.close();
    opened.length = 0;
  });
});
