// Claims (store/claim.ts): two store instances — as two processes would have — race for the same
// names on one SQLite file and on a real Redis; exactly one wins each name, a release lets the next
// one in, a claim expires after its TTL, and an expired holder's release leaves the new holder be.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";
import { type RedisServer, startRedis } from "../prod/redis.js";
import { key, tempDir } from "./helpers.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(url: string): Promise<Store> {
  return createStore({ url, keyring: createKeyRing(key()), logger: silentLogger(), defaultTimeZone: "UTC" });
}

function race(name: string, connect: () => Promise<{ url: string; close: () => Promise<void> }>) {
  describe(`claims on ${name}`, () => {
    let a: Store;
    let b: Store;
    let cleanup: () => Promise<void>;

    beforeAll(async () => {
      const target = await connect();
      cleanup = target.close;
      a = await open(target.url);
      b = await open(target.url);
    }, 30_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await cleanup?.();
    });

    it("two stores racing for 50 names: exactly one claim per name", async () => {
      const names = Array.from({ length: 50 }, (_, i) => `race:${i}`);
      const results = await Promise.all(
        names.flatMap((n) =>
          [a, b, a, b].map(async (s) => ({ n, won: await s.claims.tryAcquire(n, 10_000) })),
        ),
      );
      for (const n of names) {
        expect(
          results.filter((r) => r.n === n && r.won !== undefined),
          n,
        ).toHaveLength(1);
      }
      await Promise.all(results.map((r) => r.won?.release()));
    });

    it("a release lets the other store in; holding blocks it", async () => {
      const first = await a.claims.tryAcquire("req:1", 10_000);
      expect(first).toBeDefined();
      expect(await b.claims.tryAcquire("req:1", 10_000)).toBeUndefined();
      await first?.release();
      const second = await b.claims.tryAcquire("req:1", 10_000);
      expect(second).toBeDefined();
      await second?.release();
    });

    it("acquire waits for the holder to finish, or gives up after waitMs", async () => {
      const held = await a.claims.tryAcquire("req:2", 10_000);
      const t0 = Date.now();
      expect(await b.claims.acquire("req:2", 10_000, 200)).toBeUndefined();
      expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
      setTimeout(() => void held?.release(), 150);
      const next = await b.claims.acquire("req:2", 10_000, 5_000);
      expect(next).toBeDefined();
      await next?.release();
    });

    it("a claim expires after its TTL (a crashed holder blocks nobody), and its late release is harmless", async () => {
      const crashed = await a.claims.tryAcquire("req:3", 150);
      expect(crashed).toBeDefined();
      expect(await b.claims.tryAcquire("req:3", 10_000)).toBeUndefined();
      await sleep(250);
      const taker = await b.claims.tryAcquire("req:3", 10_000);
      expect(taker).toBeDefined();
      await crashed?.release(); // the first holder wakes up: it must not free the new claim
      expect(await a.claims.tryAcquire("req:3", 10_000)).toBeUndefined();
      await taker?.release();
      expect(await a.claims.tryAcquire("req:3", 10_000)).toBeDefined();
    });

    it("refuses a TTL that would never expire", async () => {
      await expect(a.claims.tryAcquire("req:4", 0)).rejects.toThrow(RangeError);
    });
  });
}

race("one SQLite file", async () => {
  const t = tempDir();
  return { url: `sqlite://${join(t.dir, "store.sqlite")}`, close: async () => t.cleanup() };
});

race("a real Redis", async () => {
  const redis: RedisServer = await startRedis();
  return { url: redis.url, close: () => redis.close() };
});
