/**
 * The roster follows changes guild by guild: a link made by one process reaches its own roster at
 * once and another process's through the change log, and costs the same store reads at 100 and at
 * 10,000 guilds (every SQL statement is counted at the SQLite adapter of each store instance).
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LiveRoster } from "../../src/jobs/scheduling/roster.js";
import type { Target } from "../../src/jobs/scheduling/scheduler.js";
import { silentLogger } from "../../src/logger.js";
import type { Store } from "../../src/store/index.js";
import { countStatements, linkInput, tempDir, twoStores } from "../store/helpers.js";

type Sql = { query: (sql: string, ...params: unknown[]) => Promise<unknown> };

function roster(store: Store, applied: Map<string, readonly Target[]>): LiveRoster {
  return new LiveRoster({
    store,
    serves: () => true,
    apply: (guildId, targets) => applied.set(guildId, targets),
    logger: silentLogger(),
    // Driven by hand (follow()), so the counts are exact.
    feedEveryMs: 3_600_000,
  });
}

/** N guilds, each with one linked account and an alert channel, written in one transaction. */
async function populate(store: Store, n: number): Promise<void> {
  const sql = store.keyv.store as Sql;
  await sql.query("BEGIN");
  for (let i = 0; i < n; i++) {
    const guildId = String(100_000 + i);
    await store.accounts.upsert(linkInput(guildId, String(500_000 + i)));
    await store.settings.update(guildId, { alertChannelId: "42" });
  }
  await sql.query("COMMIT");
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function world(n: number) {
  const { dir, cleanup } = tempDir();
  const [a, b] = await twoStores(`sqlite://${join(dir, "shared.sqlite")}`);
  await populate(a, n);
  const appliedA = new Map<string, readonly Target[]>();
  const appliedB = new Map<string, readonly Target[]>();
  const ra = roster(a, appliedA);
  const rb = roster(b, appliedB);
  await ra.start();
  await rb.start();
  cleanups.push(async () => {
    ra.stop();
    rb.stop();
    await a.close();
    await b.close();
    cleanup();
  });
  return { a, b, ra, rb, appliedA, appliedB };
}

/** One change made through process A: a guild links an account and sets its alert channel. */
async function oneChange(n: number) {
  const w = await world(n);
  expect(w.ra.guilds.size).toBe(n);
  expect(w.rb.guilds.size).toBe(n);
  const ca = countStatements(w.a);
  const cb = countStatements(w.b);
  const guildId = "900000000000000001";
  await w.a.accounts.upsert(linkInput(guildId, "77"));
  await w.a.settings.update(guildId, { alertChannelId: "43" });
  // This process: through the store's listeners, at once.
  await w.ra.refresh(guildId);
  expect(w.appliedA.get(guildId)?.map((t) => t.key)).toEqual([`${guildId}:77`]);
  const afterA = { reads: ca.reads, writes: ca.writes };
  // The other process: one read of the change log, then that guild alone.
  await w.rb.follow();
  expect(w.appliedB.get(guildId)?.map((t) => t.key)).toEqual([`${guildId}:77`]);
  expect(w.rb.settingsOf(guildId)?.alertChannelId).toBe("43");
  const afterB = { reads: cb.reads, writes: cb.writes };
  // And an unlink: the other process stops polling it.
  await w.a.unlinkAccount(guildId, "77");
  await w.rb.follow();
  expect(w.appliedB.get(guildId)).toEqual([]);
  expect(w.rb.guilds.has(guildId)).toBe(false);
  return { a: afterA, b: afterB };
}

describe("incremental roster", () => {
  it("a change costs the same store reads at 100 and at 10,000 guilds, in both processes", async () => {
    const small = await oneChange(100);
    const large = await oneChange(10_000);
    expect(large).toEqual(small);
    // Writing process: the link and settings writes plus their own guild's re-read; reading
    // process: the change log (read + trimmed check) and the guild (settings + account ids).
    expect(small.b.reads).toBe(4);
    expect(small.b.writes).toBe(0);
  }, 120_000);

  it("another process learns of a change within 5 s on its own (the change log is read every second)", async () => {
    const { dir, cleanup } = tempDir();
    const [a, b] = await twoStores(`sqlite://${join(dir, "timed.sqlite")}`);
    const applied = new Map<string, readonly Target[]>();
    const rb = new LiveRoster({
      store: b,
      serves: () => true,
      apply: (g, t) => applied.set(g, t),
      logger: silentLogger(),
    });
    cleanups.push(async () => {
      rb.stop();
      await a.close();
      await b.close();
      cleanup();
    });
    await rb.start();
    const t0 = Date.now();
    await a.accounts.upsert(linkInput("31", "310"));
    await a.settings.update("31", { alertChannelId: "9" });
    while (!applied.get("31")?.length && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 20));
    expect(applied.get("31")?.map((t) => t.key)).toEqual(["31:310"]);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it("a full reconciliation is spread over its time, not one burst", async () => {
    const w = await world(40);
    const sql = w.b.keyv.store as Sql;
    const query = sql.query;
    const at: number[] = [];
    sql.query = (text, ...params) => {
      if (/FROM keyv/i.test(text)) at.push(Date.now());
      return query(text, ...params);
    };
    const t0 = Date.now();
    await w.rb.readAll(800);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(600);
    // 40 guilds × 2 reads, in slices: no more than half of them in the first 100 ms.
    expect(at.length).toBe(80);
    expect(at.filter((t) => t - t0 < 100).length).toBeLessThanOrEqual(40);
  });
});

describe("settings of a guild changed in this process", () => {
  it("stay unread from the roster until a re-read that started after the change has finished", async () => {
    const release: (() => void)[] = [];
    let reads = 0;
    const settings = { alertChannelId: "9" } as never;
    const store = {
      settings: {
        get: async () => {
          reads++;
          // Each read waits for the test: the change arrives while the first one runs.
          await new Promise<void>((r) => release.push(r));
          return settings;
        },
      },
      accounts: { ids: async () => ["1"], listGuildIds: async () => [] },
      changes: {
        head: async () => "0",
        read: async () => ({ changes: [], cursor: "0", gap: false }),
        origin: "x",
      },
      onChange: () => () => undefined,
    } as unknown as Store;
    const r = new LiveRoster({ store, serves: () => true, apply: () => undefined, logger: silentLogger() });
    const first = r.refresh("5");
    r.changed("5");
    expect(r.settingsOf("5")).toBeUndefined();
    release.shift()?.();
    await first;
    // The read that started before the change is done, the one after it not yet: still unread.
    expect(r.settingsOf("5")).toBeUndefined();
    while (release.length === 0) await new Promise((res) => setTimeout(res, 5));
    release.shift()?.();
    await new Promise((res) => setTimeout(res, 20));
    expect(reads).toBe(2);
    expect(r.settingsOf("5")).toBe(settings);
    r.stop();
  });
});
