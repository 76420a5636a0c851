// An unlink while a poll runs: the poll's save of the watcher state must not bring back the
// state of an account that is no longer linked. The unlink is forced in between the poll's
// reads and its write (just before the write reaches the database), on SQLite and on Redis.
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Context } from "../../src/context.js";
import { loadState, saveState } from "../../src/jobs/scheduling/persist.js";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";
import { type RedisServer, startRedis } from "../prod/redis.js";
import { beforeFirstWrite, key, linkInput, tempDir } from "../store/helpers.js";

const ring = createKeyRing(key());
const open = (url: string): Promise<Store> =>
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

describe.each([
  { name: "SQLite", url: () => `sqlite://${join(t.dir, "store.sqlite")}` },
  { name: "Redis", url: () => redis.url },
])("unlink during a poll on $name", ({ url }) => {
  it("the poll's save after the unlink writes nothing: no state, no account", async () => {
    const bot = await open(url());
    const admin = await open(url()); // the /roblox unlink, on its own connection
    await bot.accounts.upsert(linkInput("1", "1001"));
    const ctx = { store: bot } as unknown as Context;
    const first = await loadState(ctx, "1", "1001", "900");
    await saveState(ctx, "1", "1001", first); // the baseline
    const poll = await loadState(ctx, "1", "1001", "900");
    poll.state.summaryDate = "2026-11-22"; // the poll changed something, so it saves
    const fired = await beforeFirstWrite(bot.keyv, "state:1:1001", async () => {
      expect(await admin.unlinkAccount("1", "1001")).toBe(true);
    });
    await saveState(ctx, "1", "1001", poll);
    expect(fired()).toBe(true);
    expect(await admin.alertState.get("1", "1001", z.unknown())).toBeUndefined();
    expect(await admin.accounts.get("1", "1001")).toBeUndefined();
    await bot.close();
    await admin.close();
  });

  it("while the account stays linked, the save goes through", async () => {
    const bot = await open(url());
    await bot.accounts.upsert(linkInput("1", "1001"));
    const ctx = { store: bot } as unknown as Context;
    const l = await loadState(ctx, "1", "1001", "900");
    l.state.summaryDate = "2026-11-22";
    await saveState(ctx, "1", "1001", l);
    expect(await bot.alertState.get("1", "1001", z.object({ summaryDate: z.string() }))).toMatchObject({
      summaryDate: "2026-11-22",
    });
    await bot.close();
  });
});
