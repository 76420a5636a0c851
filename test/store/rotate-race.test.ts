// rotate-keys while the bot runs, on SQLite and on a real Redis: a write the bot makes between
// rotate-keys' read of a row and its write of that row is never undone — neither a cookie that
// Roblox rotated nor an unlink. The interleaving is forced at the rotator's own connection: just
// before its write to the row reaches the database, the bot's write goes in on another one.
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { compareAndSet, readRaw, setIfExists } from "../../src/store/atomic.js";
import { createKeyRing, type KeyRing } from "../../src/store/crypto.js";
import { createStore, rotateAll, type Store } from "../../src/store/index.js";
import { type RedisServer, startRedis } from "../prod/redis.js";
import { beforeFirstWrite, canary, key, linkInput, tempDir } from "./helpers.js";

const oldKey = key();
const newKey = key();
const oldRing = createKeyRing(oldKey);
const bothRing = createKeyRing(newKey, [oldKey]);

const open = (url: string, ring: KeyRing): Promise<Store> =>
  createStore({ url, keyring: ring, logger: silentLogger(), defaultTimeZone: "UTC" });

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.close();
});

let t: ReturnType<typeof tempDir>;
beforeEach(async () => {
  t = tempDir();
  await redis.command("FLUSHALL");
});
afterEach(() => t.cleanup());

const backends = [
  { name: "SQLite", url: () => `sqlite://${join(t.dir, "store.sqlite")}` },
  { name: "Redis", url: () => redis.url },
];

describe.each(backends)("rotate-keys on $name while the bot writes", ({ url }) => {
  /** Three accounts, four secrets under the old key; returns the cookies. */
  async function seed(): Promise<Map<string, string>> {
    const s = await open(url(), oldRing);
    const cookies = new Map<string, string>();
    for (const [g, id, tracker] of [
      ["1", "10", "trk-10"],
      ["1", "20", undefined],
      ["2", "10", undefined],
    ] as const) {
      const c = canary(`${g}-${id}`);
      cookies.set(`${g}:${id}`, c);
      await s.accounts.upsert({ ...linkInput(g, id), cookie: c, ...(tracker ? { tracker } : {}) });
    }
    await s.close();
    return cookies;
  }

  it("a cookie Roblox rotated between rotate-keys' read and its write is kept", async () => {
    const cookies = await seed();
    const bot = await open(url(), bothRing);
    const rotator = await open(url(), bothRing);
    const botCookie = canary("rotated-by-roblox");
    const fired = await beforeFirstWrite(rotator.keyv, "acct:1:20", async () => {
      expect(await bot.accounts.setCookie("1", "20", botCookie)).toBe(true);
    });
    const result = await rotateAll(rotator.keyv, bothRing);
    expect(fired()).toBe(true);
    expect((await bot.accounts.secrets("1", "20")).cookie).toBe(botCookie);
    // The bot's cookie was sealed under the current key already: counted, not rewritten.
    expect(result).toEqual({ rotated: 3, alreadyCurrent: 1, failed: 0 });
    expect((await bot.accounts.secrets("1", "10")).cookie).toBe(cookies.get("1:10"));
    await bot.close();
    await rotator.close();
  });

  it("an account unlinked between rotate-keys' read and its write stays unlinked", async () => {
    await seed();
    const bot = await open(url(), bothRing);
    const rotator = await open(url(), bothRing);
    const fired = await beforeFirstWrite(rotator.keyv, "acct:1:20", async () => {
      expect(await bot.unlinkAccount("1", "20")).toBe(true);
    });
    const result = await rotateAll(rotator.keyv, bothRing);
    expect(fired()).toBe(true);
    expect(await bot.keyv.get("acct:1:20")).toBeUndefined();
    expect((await bot.accounts.list("1")).map((a) => a.robloxId)).toEqual(["10"]);
    expect(result).toEqual({ rotated: 3, alreadyCurrent: 0, failed: 0 });
    await bot.close();
    await rotator.close();
  });
});

describe.each(backends)("conditional writes on $name (atomic.ts)", ({ url }) => {
  it("compare-and-set writes only over the value read; set-if-exists only while the guard exists", async () => {
    const s = await open(url(), bothRing);
    const kv = s.keyv;
    expect(await compareAndSet(kv, "k", undefined, { n: 1 })).toBe(true);
    expect(await compareAndSet(kv, "k", undefined, { n: 2 })).toBe(false); // no longer absent
    const first = await readRaw(kv, "k");
    expect(first.value).toEqual({ n: 1 });
    await kv.set("k", { n: 3 }); // someone else writes
    expect(await compareAndSet(kv, "k", first.raw, { n: 4 })).toBe(false);
    const second = await readRaw(kv, "k");
    expect(await compareAndSet(kv, "k", second.raw, { n: 5 })).toBe(true);
    expect(await kv.get("k")).toEqual({ n: 5 });

    expect(await setIfExists(kv, "state", { a: 1 }, "row")).toBe(false);
    expect(await kv.get("state")).toBeUndefined();
    await kv.set("row", { here: true });
    expect(await setIfExists(kv, "state", { a: 2 }, "row")).toBe(true);
    expect(await setIfExists(kv, "state", { a: 3 }, "row")).toBe(true);
    expect(await kv.get("state")).toEqual({ a: 3 });
    await s.close();
  });
});
