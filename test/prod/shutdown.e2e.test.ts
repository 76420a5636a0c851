// SIGTERM while a poll is in flight (the simulator holds its restriction call): the bot exits 0
// within 10 s, and the store it leaves is intact — on Redis (accounts decrypt, alert state
// parses) and on SQLite (the same, and PRAGMA integrity_check says ok).
import sqlite3 from "sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { accountStateSchema } from "../../src/jobs/state.js";
import { cookieFor, SEED, startWorld, trackerFor, type World } from "../e2e/harness.js";
import { link, pollTimes, waitUntil, withStore } from "./kit.js";
import { type RedisServer, startRedis } from "./redis.js";

const KID = SEED.child.id;
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

function integrity(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all("PRAGMA integrity_check", (e, rows: Array<{ integrity_check: string }>) => {
        db.close();
        if (e) reject(e);
        else resolve(rows.map((r) => r.integrity_check).join(","));
      });
    });
  });
}

/** Waits for a baseline, holds the next restriction call, sends SIGTERM; returns code and time. */
async function sigtermDuringPoll(w: World): Promise<{ code: number | null; ms: number }> {
  await waitUntil("two polls", () => pollTimes(w.sim, KID).length >= 2, 10_000, w.logs);
  w.sim.control.addFault({ pathIncludes: "/usermoderation/v2", delayMs: 60_000, times: 0 });
  const since = Date.now();
  await waitUntil(
    "a poll in flight",
    () => w.sim.log.some((e) => e.at >= since && e.path.startsWith("/usermoderation/v2") && e.status === 0),
    5_000,
    w.logs,
  );
  const t0 = Date.now();
  const code = await w.stopBot();
  return { code, ms: Date.now() - t0 };
}

async function expectIntact(storeUrl: string, guildId: string): Promise<void> {
  await withStore(storeUrl, async (s) => {
    expect((await s.accounts.list(guildId)).map((a) => a.robloxId)).toEqual([String(KID)]);
    expect(await s.accounts.secrets(guildId, String(KID))).toEqual({
      cookie: cookieFor(KID),
      tracker: trackerFor(KID),
    });
    const state = await s.alertState.get(guildId, String(KID), accountStateSchema);
    expect(state?.channelId).toBeTruthy();
  });
}

describe("SIGTERM during a poll", () => {
  it("on Redis: exit 0 within 10 s; accounts decrypt and the alert state parses after", async () => {
    const redis: RedisServer = await startRedis();
    cleanups.push(() => redis.close());
    const w = await startWorld({ pollIntervalSeconds: 1, env: { STORE_URL: redis.url } });
    cleanups.push(() => w.stop());
    await withStore(redis.url, (s) =>
      link(s, w.sim, {
        guildId: w.guildId,
        robloxId: KID,
        channelId: w.fake.world.channels.alerts.id,
        linkedBy: w.fake.world.people.admin.user.id,
      }),
    );
    const { code, ms } = await sigtermDuringPoll(w);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(w.logs()).toContain('"msg":"shutting down"');
    expect(w.logs()).not.toContain(SEED.cookiePrefix);
    await expectIntact(redis.url, w.guildId);
  }, 40_000);

  it("on SQLite: exit 0 within 10 s; integrity_check ok, accounts decrypt, state parses", async () => {
    const w = await startWorld({ link: [{ robloxId: KID }], alertChannel: true, pollIntervalSeconds: 1 });
    cleanups.push(() => w.stop());
    const { code, ms } = await sigtermDuringPoll(w);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(w.logs()).not.toContain(SEED.cookiePrefix);
    expect(await integrity(w.storeUrl.replace(/^sqlite:\/\//, ""))).toBe("ok");
    await expectIntact(w.storeUrl, w.guildId);
  }, 40_000);
});
