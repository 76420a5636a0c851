/**
 * Display reads (`/roblox accounts`, `/alerts show`: accounts.listForDisplay, settings.getForDisplay)
 * are served from what this process last read or wrote (src/store/recent.ts): no store read when
 * warm, this process's writes at once, another process's within one read of the change log (the
 * roster's feed), and straight from the store when nobody follows the log.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LiveRoster } from "../../src/jobs/scheduling/roster.js";
import { silentLogger } from "../../src/logger.js";
import { countStatements as countReads, linkInput, tempDir, twoStores } from "./helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Two store instances on one SQLite file (two processes); A's roster follows the log every `feedMs`. */
async function twoProcesses(feedMs: number | undefined) {
  const { dir, cleanup } = tempDir();
  const [a, b] = await twoStores(`sqlite://${join(dir, "shared.sqlite")}`);
  const roster =
    feedMs === undefined
      ? undefined
      : new LiveRoster({
          store: a,
          serves: () => true,
          apply: () => {},
          logger: silentLogger(),
          feedEveryMs: feedMs,
        });
  await roster?.start();
  cleanups.push(async () => {
    roster?.stop();
    await a.close();
    await b.close();
    cleanup();
  });
  return { a, b, roster };
}

const names = (list: { robloxId: string; isDefault: boolean }[]) =>
  list.map((x) => `${x.robloxId}${x.isDefault ? "*" : ""}`);

async function until(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

describe("display reads from memory", () => {
  it("answer a warm guild with no store read and show this process's own writes at once", async () => {
    const { a, roster } = await twoProcesses(3_600_000);
    await roster?.follow();
    await a.accounts.upsert(linkInput("1", "10"));
    await a.accounts.upsert(linkInput("1", "20"));
    await a.settings.update("1", { alertChannelId: "42", watch: { "10": ["7"] } });
    const counted = countReads(a);
    expect(names(await a.accounts.listForDisplay("1"))).toEqual(["10*", "20"]);
    expect((await a.settings.getForDisplay("1")).watch).toEqual({ "10": ["7"] });
    expect(counted.reads).toBe(0);

    await a.accounts.setDefault("1", "20");
    await a.accounts.setHealth("1", "10", { state: "dead" });
    await a.settings.update("1", { mentionRoleId: "99" });
    counted.reads = 0;
    const shown = await a.accounts.listForDisplay("1");
    expect(names(shown)).toEqual(["10", "20*"]);
    expect(shown[0]?.health.state).toBe("dead");
    expect((await a.settings.getForDisplay("1")).mentionRoleId).toBe("99");
    expect(counted.reads).toBe(0);

    await a.unlinkAccount("1", "10");
    expect(names(await a.accounts.listForDisplay("1"))).toEqual(["20*"]);
    expect((await a.settings.getForDisplay("1")).watch).toEqual({});
    await a.deleteGuild("1");
    expect(await a.accounts.listForDisplay("1")).toEqual([]);
    expect((await a.settings.getForDisplay("1")).alertChannelId).toBeUndefined();
  });

  it("read a guild this process has not seen from the store once, then from memory", async () => {
    const { a, b, roster } = await twoProcesses(3_600_000);
    await b.accounts.upsert(linkInput("2", "30"));
    await roster?.follow();
    const counted = countReads(a);
    expect(names(await a.accounts.listForDisplay("2"))).toEqual(["30*"]);
    expect(counted.reads).toBeGreaterThan(0);
    counted.reads = 0;
    expect(names(await a.accounts.listForDisplay("2"))).toEqual(["30*"]);
    expect(counted.reads).toBe(0);
  });

  it("show another process's link, default and settings change within the roster's feed interval", async () => {
    const { a, b } = await twoProcesses(100);
    await a.accounts.upsert(linkInput("1", "10"));
    await a.settings.update("1", { alertChannelId: "42" });
    await until(async () => names(await a.accounts.listForDisplay("1")).join() === "10*", 2_000);

    await b.accounts.upsert(linkInput("1", "20"));
    await b.accounts.setDefault("1", "20");
    await b.settings.update("1", { quietHours: { start: "22:00", end: "07:00" } });
    const ms = await until(
      async () =>
        names(await a.accounts.listForDisplay("1")).join() === "10,20*" &&
        (await a.settings.getForDisplay("1")).quietHours?.start === "22:00",
      2_000,
    );
    expect(ms).toBeLessThan(1_000);

    await b.unlinkAccount("1", "10");
    await until(async () => names(await a.accounts.listForDisplay("1")).join() === "20*", 1_000);
  });

  it("read the store every time while nobody follows the change log", async () => {
    const { a, b } = await twoProcesses(undefined);
    await a.accounts.upsert(linkInput("1", "10"));
    const counted = countReads(a);
    expect(names(await a.accounts.listForDisplay("1"))).toEqual(["10*"]);
    const first = counted.reads;
    expect(first).toBeGreaterThan(0);
    await b.accounts.upsert(linkInput("1", "20"));
    expect(names(await a.accounts.listForDisplay("1"))).toEqual(["10*", "20"]);
    expect(counted.reads).toBeGreaterThan(first);
  });
});
