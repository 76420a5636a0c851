import { describe, expect, it } from "vitest";
import { silentLogger } from "../../logger.js";
import { type PollInfo, Scheduler, type Target } from "./scheduler.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `cond` holds (at most `ms`), so a loaded machine does not fail a timing test. */
async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(5);
}
const target = (i: number): Target => ({ key: `1:${i}`, guildId: "1", robloxId: String(i) });

function make(
  targets: Target[],
  poll: (t: Target, info: PollInfo) => Promise<void>,
  o: { intervalMs?: number; concurrency?: number } = {},
) {
  let roster = targets;
  const s = new Scheduler({
    intervalMs: o.intervalMs ?? 40,
    concurrency: o.concurrency ?? 16,
    rosterEveryMs: 20,
    logger: silentLogger(),
    roster: async () => roster,
    poll,
  });
  return { s, setRoster: (t: Target[]) => (roster = t) };
}

describe("Scheduler", () => {
  it("polls every account about once per interval, counting cycles from 0", async () => {
    const seen = new Map<string, number[]>();
    const { s } = make([target(1), target(2)], async (t, info) => {
      seen.set(t.key, [...(seen.get(t.key) ?? []), info.cycle]);
    });
    s.start();
    await sleep(230);
    await s.stop();
    for (const k of ["1:1", "1:2"]) {
      const cycles = seen.get(k) ?? [];
      expect(cycles.length).toBeGreaterThanOrEqual(3);
      expect(cycles.length).toBeLessThanOrEqual(7);
      expect(cycles).toEqual(cycles.map((_, i) => i));
    }
    expect(s.stats.completed).toBe([...seen.values()].flat().length);
  });

  it("never overlaps two polls of one account; slow polls skip ticks", async () => {
    let running = 0;
    let maxRunning = 0;
    let polls = 0;
    const { s } = make([target(1)], async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(130);
      running--;
      polls++;
    });
    s.start();
    await sleep(400);
    await s.stop();
    expect(maxRunning).toBe(1);
    expect(polls).toBeLessThanOrEqual(4);
    expect(s.stats.skipped).toBeGreaterThan(0);
  });

  it("keeps at most `concurrency` accounts in flight", async () => {
    let running = 0;
    let maxRunning = 0;
    let polls = 0;
    const { s } = make(
      Array.from({ length: 30 }, (_, i) => target(i)),
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await sleep(15);
        running--;
        polls++;
      },
      { concurrency: 3, intervalMs: 60 },
    );
    s.start();
    await sleep(300);
    await s.stop();
    expect(maxRunning).toBe(3);
    expect(polls).toBeGreaterThan(10);
  });

  it("a poll that throws does not stop the scheduler", async () => {
    let calls = 0;
    const { s } = make([target(1)], async () => {
      calls++;
      throw new Error("boom");
    });
    s.start();
    await sleep(200);
    await s.stop();
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it("follows the roster: a removed account stops, an added one starts", async () => {
    const seen: string[] = [];
    const { s, setRoster } = make([target(1)], async (t) => {
      seen.push(t.key);
    });
    s.start();
    await sleep(120);
    setRoster([target(2)]);
    await sleep(60);
    const cut = seen.length;
    await sleep(150);
    await s.stop();
    const after = seen.slice(cut);
    expect(after).toContain("1:2");
    expect(after).not.toContain("1:1");
  });

  it("setGuild arms and disarms one guild's accounts, leaving the other guilds' timers and cycles alone", async () => {
    const seen: { key: string; cycle: number }[] = [];
    const s = new Scheduler({
      intervalMs: 40,
      concurrency: 16,
      logger: silentLogger(),
      poll: async (t, info) => {
        seen.push({ key: t.key, cycle: info.cycle });
      },
    });
    const g = (guildId: string, i: number): Target => ({
      key: `${guildId}:${i}`,
      guildId,
      robloxId: String(i),
    });
    s.start();
    s.setGuild("1", [g("1", 1)]);
    s.setGuild("2", [g("2", 1), g("2", 2)]);
    await until(() => seen.filter((e) => e.key === "2:2").length >= 2);
    expect([...s.guilds()].sort()).toEqual(["1", "2"]);
    s.setGuild("2", [g("2", 1)]);
    s.setGuild("1", [g("1", 1), g("1", 3)]);
    const cut = seen.length;
    await until(() => seen.slice(cut).filter((e) => e.key === "1:3").length >= 2);
    const after = seen.slice(cut);
    expect(after.some((e) => e.key === "2:2")).toBe(false);
    // 1:1 and 2:1 kept their timers: their cycles go on counting, not from 0 again.
    expect(after.filter((e) => e.key === "1:1").every((e) => e.cycle > 0)).toBe(true);
    expect(after.filter((e) => e.key === "2:1").every((e) => e.cycle > 0)).toBe(true);
    s.setGuild("1", []);
    expect([...s.guilds()]).toEqual(["2"]);
    expect(s.stats.accounts).toBe(1);
    await s.stop();
  });

  it("pollSoon polls at once (coalesced) and runExclusive waits for the running poll", async () => {
    const events: string[] = [];
    const { s } = make(
      [target(1)],
      async (_t, info) => {
        events.push(`poll${info.cycle}`);
        await sleep(30);
      },
      { intervalMs: 10_000 },
    );
    s.start();
    await s.settled();
    s.pollSoon("1:1");
    s.pollSoon("1:1");
    const ex = s.runExclusive("1:1", async () => {
      events.push("task");
    });
    await ex;
    await sleep(50);
    await s.stop();
    expect(events).toEqual(["poll0", "task"]);
  });

  it("stop() waits for running polls (bounded), then aborts them", async () => {
    let finished = false;
    let aborted = false;
    const { s } = make([target(1)], async () => {
      await sleep(60);
      finished = true;
    });
    s.start();
    await sleep(70); // the first poll is running
    await s.stop(1_000);
    expect(finished).toBe(true);

    const slow = make([target(2)], (_t, info) => {
      return new Promise<void>((resolve) => {
        info.signal.addEventListener("abort", () => {
          aborted = true;
          resolve();
        });
      });
    });
    slow.s.start();
    await sleep(70);
    const t0 = Date.now();
    await slow.s.stop(100);
    expect(aborted).toBe(true);
    expect(Date.now() - t0).toBeLessThan(900);
    const count = slow.s.stats.completed;
    await sleep(100);
    expect(slow.s.stats.completed).toBe(count);
  });
});

describe("Scheduler concurrency default", () => {
  it("follows the number of accounts per second of interval, within 16–256", async () => {
    const sizes: [number, number, number][] = [
      [10, 60_000, 16],
      [3_000, 60_000, 100],
      [10_000, 60_000, 256],
      [100, 1_000, 200],
    ];
    for (const [n, intervalMs, expected] of sizes) {
      const s = new Scheduler({
        intervalMs,
        logger: silentLogger(),
        roster: async () => Array.from({ length: n }, (_, i) => target(i)),
        poll: async () => {},
      });
      s.start();
      await s.settled();
      expect(s.concurrency, `${n} accounts every ${intervalMs} ms`).toBe(expected);
      await s.stop();
    }
  });
});
