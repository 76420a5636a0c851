/**
 * The SQLite connection the store's queries run on, with each statement prepared once and reused.
 * @keyv/sqlite runs every query through node-sqlite3's `db.all(sql, …)`, which prepares and
 * finalizes a new statement per call: measured on this machine, 94–108 µs of CPU per key read
 * against 39–44 µs for a prepared one (BENCHMARKS.md, "Prepared statements"), and a settings
 * command makes about eight queries. Statements are stepped to the end and reset by node-sqlite3's
 * `all`, so a kept statement holds no lock between queries. PRAGMAs, DDL and transactions run
 * unprepared, as do statements past the first MAX_PREPARED distinct ones.
 */
import sqlite3 from "sqlite3";

export type Row = Record<string, unknown>;

export interface SqliteConnection {
  query(sql: string, ...params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
  /** Distinct statements kept prepared (tests). */
  readonly prepared: number;
}

export const MAX_PREPARED = 128;
const CACHEABLE = /^\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|WITH)\b/i;

export function openConnection(file: string, busyTimeoutMs: number): Promise<SqliteConnection> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) reject(err);
      else {
        db.configure("busyTimeout", busyTimeoutMs);
        resolve(connection(db));
      }
    });
  });
}

function connection(db: sqlite3.Database): SqliteConnection {
  const statements = new Map<string, Promise<sqlite3.Statement>>();

  const unprepared = (sql: string, params: unknown[]) =>
    new Promise<Row[]>((resolve, reject) => {
      db.all(sql, ...params, (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows)));
    });

  function prepare(sql: string): Promise<sqlite3.Statement> {
    let ready = statements.get(sql);
    if (!ready) {
      ready = new Promise((resolve, reject) => {
        const statement = db.prepare(sql, (err) => (err ? reject(err) : resolve(statement)));
      });
      // A statement that does not prepare (a syntax error) is not kept; the caller gets the error.
      ready.catch(() => statements.delete(sql));
      statements.set(sql, ready);
    }
    return ready;
  }

  return {
    async query(sql, ...params) {
      if (!CACHEABLE.test(sql) || (statements.size >= MAX_PREPARED && !statements.has(sql))) {
        return unprepared(sql, params);
      }
      const statement = await prepare(sql);
      return new Promise<Row[]>((resolve, reject) => {
        statement.all(...params, (err: Error | null, rows: Row[]) => (err ? reject(err) : resolve(rows)));
      });
    },
    async close() {
      const kept = await Promise.allSettled(statements.values());
      statements.clear();
      for (const s of kept) {
        if (s.status === "fulfilled") await new Promise<void>((resolve) => s.value.finalize(() => resolve()));
      }
      await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
    },
    get prepared() {
      return statements.size;
    },
  };
}
