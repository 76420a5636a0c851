/**
 * The guild set under concurrent writers: two store instances (as two processes would have) on one
 * SQLite file, and on one real Redis, each linking and unlinking accounts in its own guilds at the
 * same time. After every round the set of guilds that have accounts must equal the truth — the
 * guilds that still hold an account — and the reverse index (guilds linking a Roblox account)
 * must agree with it.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Store } from "../../src/store/index.js";
import { type RedisServer, startRedis } from "../prod/redis.js";
import { linkInput, tempDir, twoStores } from "./helpers.js";

const ROUNDS = 4;
const PER_ROUND = 200;

/**
 * One round: 200 operations split over the two instances, all started at once. Each guild is
 * written by one instance only (guild data belongs to one shard); both write the shared set.
 */
async function round(a: Store, b: Store, r: number, truth: Map<string, Set<string>>): Promise<void> {
  const ops: Promise<unknown>[] = [];
  for (let i = 0; i < PER_ROUND; i++) {
    const store = i % 2 === 0 ? a : b;
    // 60 guilds per instance: links, re-links and unlinks of the last account all happen.
    const guildId = String(1000 + (i % 120));
    const robloxId = String(50 + ((i * 7 + r) % 3));
    const linked = truth.get(guildId) ?? new Set<string>();
    truth.set(guildId, linked);
    if ((i + r) % 3 === 0 && linked.size > 0) {
      const victim = [...linked][0] as string;
      linked.delete(victim);
      ops.push(store.unlinkAccount(guildId, victim));
    } else {
      linked.add(robloxId);
      ops.push(store.accounts.upsert(linkInput(guildId, robloxId)));
    }
  }
  // Per guild, the operations must run in the order they were issued: they do (one instance
  // per guild, its in-process lock keeps the order); across guilds, everything is concurrent.
  await Promise.all(ops);
}

async function check(stores: Store[], truth: Map<string, Set<string>>): Promise<void> {
  const expected = [...truth].filter(([, ids]) => ids.size > 0).map(([g]) => g);
  for (const s of stores) {
    expect((await s.accounts.listGuildIds()).sort()).toEqual(expected.sort());
    for (const robloxId of ["50", "51", "52"]) {
      const linking = [...truth].filter(([, ids]) => ids.has(robloxId)).map(([g]) => g);
      expect((await s.accounts.guildsLinking(robloxId)).sort()).toEqual(linking.sort());
    }
  }
}

/** Calls of one Redis command since the server started (INFO commandstats). */
async function calls(redis: RedisServer, command: string): Promise<number> {
  const info = await redis.command("INFO", "commandstats");
  return Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
}

describe("guild set with two writers", () => {
  it("start-up reconciles the set with the per-guild index keys (and an older one-list store)", async () => {
    const { dir, cleanup } = tempDir();
    const url = `sqlite://${join(dir, "old.sqlite")}`;
    const [a] = await twoStores(url);
    try {
      await a.accounts.upsert(linkInput("11", "80"));
      await a.accounts.upsert(linkInput("12", "81"));
      // As an older version left it: the set empty, one list of guild ids (missing guild 12),
      // and a member whose guild has no index any more.
      const sql = a.keyv.store as { query(q: string, ...p: unknown[]): Promise<unknown> };
      await sql.query("DELETE FROM roguard_sets");
      await a.keyv.set("guilds", ["11"]);
      await sql.query("INSERT INTO roguard_sets(name, member) VALUES('guilds', '99')");
    } finally {
      await a.close();
    }
    const [b] = await twoStores(url);
    try {
      expect((await b.accounts.listGuildIds()).sort()).toEqual(["11", "12"]);
      expect(await b.accounts.guildsLinking("81")).toEqual(["12"]);
      expect(await b.keyv.get("guilds")).toBeUndefined();
    } finally {
      await b.close();
      cleanup();
    }
  });

  it("one SQLite file: the set equals the truth after every round", async () => {
    const { dir, cleanup } = tempDir();
    const [a, b] = await twoStores(`sqlite://${join(dir, "shared.sqlite")}`);
    try {
      const truth = new Map<string, Set<string>>();
      for (let r = 0; r < ROUNDS; r++) {
        await round(a, b, r, truth);
        await check([a, b], truth);
      }
    } finally {
      await a.close();
      await b.close();
      cleanup();
    }
  });

  describe("one Redis", () => {
    let redis: RedisServer;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await redis?.close();
    });

    it("the change log (a stream): one entry per change, read by the other instance; a trimmed log is a gap", async () => {
      const [a, b] = await twoStores(redis.url);
      try {
        const start = await b.changes.head();
        await a.accounts.upsert(linkInput("8001", "80"));
        await a.settings.update("8002", { alertChannelId: "9" });
        const r = await b.changes.read(start);
        expect(r.changes).toEqual([
          { guildId: "8001", origin: a.changes.origin },
          { guildId: "8002", origin: a.changes.origin },
        ]);
        expect(r.gap).toBe(false);
        expect(await b.changes.read(r.cursor)).toEqual({ changes: [], cursor: r.cursor, gap: false });
        await redis.command("XTRIM", "roguard:changes", "MAXLEN", "0");
        expect((await b.changes.read(r.cursor)).gap).toBe(true);
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("deleteGuild reads the guild's own keys only: no SCAN of the keyspace", async () => {
      const [a, b] = await twoStores(redis.url);
      try {
        await a.accounts.upsert(linkInput("7001", "70"));
        await a.accounts.upsert(linkInput("7001", "71"));
        await a.alertState.set("7001", "70", { n: 1 });
        await a.settings.update("7001", { alertChannelId: "9" });
        await a.accounts.upsert(linkInput("7002", "70"));
        const scans = await calls(redis, "scan");
        await a.deleteGuild("7001");
        expect(await calls(redis, "scan")).toBe(scans);
        expect(await b.accounts.listGuildIds()).not.toContain("7001");
        expect(await b.accounts.guildsLinking("70")).toEqual(["7002"]);
        expect(await b.accounts.ids("7001")).toEqual([]);
        expect(await b.alertState.get("7001", "70", z.unknown())).toBeUndefined();
        const left = await redis.command("KEYS", "roguard::*7001*");
        expect(left).toBe("*0\r\n");
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("the set equals the truth after every round", async () => {
      await redis.command("FLUSHALL");
      const [a, b] = await twoStores(redis.url);
      try {
        const truth = new Map<string, Set<string>>();
        for (let r = 0; r < ROUNDS; r++) {
          await round(a, b, r, truth);
          await check([a, b], truth);
        }
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
});
