import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Store } from "../../src/store/index.js";
import { AccountLimitError, openKeyv, StoreError } from "../../src/store/index.js";
import { canary, linkInput, openStore, tempDir } from "./helpers.js";

let t: ReturnType<typeof tempDir>;
let store: Store;
let file: string;

beforeEach(async () => {
  t = tempDir();
  file = join(t.dir, "nested", "roguard.sqlite");
  store = await openStore(file);
});
afterEach(async () => {
  await store.close().catch(() => undefined);
  t.cleanup();
});

describe("accounts", () => {
  it("first account becomes default; default moves on remove; index follows", async () => {
    const a = await store.accounts.upsert(linkInput("1", "10"));
    expect(a.created).toBe(true);
    expect(a.account.isDefault).toBe(true);
    await store.accounts.upsert(linkInput("1", "20"));
    await store.accounts.upsert(linkInput("1", "30"));
    expect((await store.accounts.getDefault("1"))?.robloxId).toBe("10");
    expect(await store.accounts.setDefault("1", "30")).toBe(true);
    expect(await store.accounts.setDefault("1", "99")).toBe(false);
    expect((await store.accounts.list("1")).map((x) => [x.robloxId, x.isDefault])).toEqual([
      ["10", false],
      ["20", false],
      ["30", true],
    ]);
    expect(await store.accounts.remove("1", "30")).toBe(true);
    expect((await store.accounts.getDefault("1"))?.robloxId).toBe("10");
    expect(await store.accounts.remove("1", "10")).toBe(true);
    expect((await store.accounts.getDefault("1"))?.robloxId).toBe("20");
    expect(await store.accounts.listGuildIds()).toEqual(["1"]);
    expect(await store.accounts.remove("1", "20")).toBe(true);
    expect(await store.accounts.remove("1", "20")).toBe(false);
    expect(await store.accounts.getDefault("1")).toBeUndefined();
    expect(await store.accounts.listGuildIds()).toEqual([]);
  });

  it("re-link replaces the cookie in place and keeps label, tracker, default and watcher state", async () => {
    const first = linkInput("1", "10", { label: "Kid", tracker: "tracker-1" });
    await store.accounts.upsert(first);
    await store.accounts.upsert(linkInput("1", "20"));
    await store.accounts.setDefault("1", "10");
    await store.accounts.setHealth("1", "10", { state: "dead" });
    await store.alertState.set("1", "10", { seen: ["5"] });
    const newCookie = canary("relink");
    const r = await store.accounts.upsert({
      ...linkInput("1", "10"),
      cookie: newCookie,
      robloxName: "Renamed",
    });
    expect(r.created).toBe(false);
    expect(r.account).toMatchObject({
      label: "Kid",
      robloxName: "Renamed",
      isDefault: true,
      health: { state: "ok" },
    });
    expect(await store.accounts.secrets("1", "10")).toEqual({ cookie: newCookie, tracker: "tracker-1" });
    expect((await store.accounts.list("1")).map((a) => a.robloxId)).toEqual(["10", "20"]);
    expect(await store.alertState.get("1", "10", z.object({ seen: z.array(z.string()) }))).toEqual({
      seen: ["5"],
    });
  });

  it("setCookie rotates the stored cookie; setHealth records since; secrets of unknown account throw", async () => {
    const { account } = await store.accounts.upsert(linkInput("1", "10"));
    const next = canary("rotated");
    expect(await store.accounts.setCookie("1", "10", next)).toBe(true);
    expect(await store.accounts.setCookie("1", "11", next)).toBe(false);
    const after = await store.accounts.get("1", "10");
    expect(after?.cookie).not.toBe(account.cookie);
    expect((await store.accounts.secrets("1", "10")).cookie).toBe(next);
    const dead = await store.accounts.setHealth("1", "10", { state: "dead" });
    expect(dead?.health.state).toBe("dead");
    expect(Date.parse(dead?.health.since ?? "")).toBeGreaterThan(0);
    await expect(store.accounts.secrets("1", "11")).rejects.toThrow(StoreError);
  });

  it("resolve finds by id, label and username (case-insensitive), default when empty", async () => {
    await store.accounts.upsert(linkInput("1", "10", { label: "Little Sis", robloxName: "SisGamer" }));
    await store.accounts.upsert(linkInput("1", "20", { robloxName: "BigBro" }));
    const id = async (q?: string) => (await store.accounts.resolve("1", q))?.robloxId;
    expect(await id("little sis")).toBe("10");
    expect(await id("SISGAMER")).toBe("10");
    expect(await id("bigbro")).toBe("20");
    expect(await id("20")).toBe("20");
    expect(await id(undefined)).toBe("10");
    expect(await id("  ")).toBe("10");
    expect(await id("nobody")).toBeUndefined();
    expect(await store.accounts.resolve("2", undefined)).toBeUndefined();
  });

  it("maxAccounts refuses a new account past the cap (two at once: one passes), re-links pass", async () => {
    await store.accounts.upsert({ ...linkInput("5", "50"), maxAccounts: 2 });
    const both = await Promise.allSettled([
      store.accounts.upsert({ ...linkInput("5", "51"), maxAccounts: 2 }),
      store.accounts.upsert({ ...linkInput("5", "52"), maxAccounts: 2 }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = both.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(AccountLimitError);
    expect(await store.accounts.ids("5")).toHaveLength(2);
    await store.accounts.upsert({ ...linkInput("5", "50"), maxAccounts: 2 });
    expect(await store.accounts.ids("5")).toHaveLength(2);
  });

  it("guildsLinking and listGuildIds see every guild that linked an account", async () => {
    await store.accounts.upsert(linkInput("1", "10"));
    await store.accounts.upsert(linkInput("2", "10"));
    await store.accounts.upsert(linkInput("3", "30"));
    expect((await store.accounts.guildsLinking("10")).sort()).toEqual(["1", "2"]);
    expect((await store.accounts.listGuildIds()).sort()).toEqual(["1", "2", "3"]);
  });

  it("a corrupt row is treated as absent (and the guild keeps working)", async () => {
    await store.accounts.upsert(linkInput("1", "10"));
    await store.accounts.upsert(linkInput("1", "20"));
    await store.keyv.set("acct:1:10", { garbage: true });
    expect((await store.accounts.list("1")).map((a) => a.robloxId)).toEqual(["20"]);
    expect(await store.accounts.get("1", "10")).toBeUndefined();
    expect((await store.accounts.getDefault("1"))?.robloxId).toBe("20");
  });

  it("unlinkAccount removes the account, its state and its watch list", async () => {
    await store.accounts.upsert(linkInput("1", "10"));
    await store.alertState.set("1", "10", { x: 1 });
    await store.settings.update("1", { watch: { "10": ["7"], "20": ["8"] } });
    expect(await store.unlinkAccount("1", "10")).toBe(true);
    expect(await store.accounts.get("1", "10")).toBeUndefined();
    expect(await store.alertState.get("1", "10", z.unknown())).toBeUndefined();
    expect((await store.settings.get("1")).watch).toEqual({ "20": ["8"] });
  });
});

describe("settings", () => {
  it("defaults: all events on except daily-summary, 20:00, no quiet hours, default zone", async () => {
    expect(await store.settings.get("1")).toEqual({
      events: {
        presence: true,
        "friend-requests": true,
        connections: true,
        restrictions: true,
        screentime: true,
        "cookie-health": true,
        "daily-summary": false,
        "parent-requests": true,
      },
      quietHours: null,
      timeZone: "UTC",
      summaryTime: "20:00",
      accessRoles: {},
      watch: {},
    });
  });

  it("update merges a patch (events deep), accepts a function, validates, and clears with undefined", async () => {
    await store.settings.update("1", { alertChannelId: "555", events: { presence: false } });
    const s = await store.settings.update("1", (cur) => ({
      ...cur,
      accessRoles: { ...cur.accessRoles, "77": "viewer" },
      quietHours: { start: "22:00", end: "07:00" },
    }));
    expect(s.events.presence).toBe(false);
    expect(s.events.restrictions).toBe(true);
    expect(s).toMatchObject({ alertChannelId: "555", accessRoles: { "77": "viewer" } });
    await expect(store.settings.update("1", { summaryTime: "25:00" })).rejects.toThrow(/summaryTime/);
    await expect(store.settings.update("1", { timeZone: "Mars/Base" })).rejects.toThrow(/time zone/);
    expect((await store.settings.update("1", { alertChannelId: undefined })).alertChannelId).toBeUndefined();
    expect((await store.settings.get("1")).quietHours).toEqual({ start: "22:00", end: "07:00" });
    expect((await store.settings.get("2")).events.presence).toBe(true);
  });

  it("a damaged field falls back to its default, the rest is kept", async () => {
    await store.keyv.set("settings:1", {
      summaryTime: "nope",
      mentionRoleId: "9",
      events: { presence: false },
    });
    const s = await store.settings.get("1");
    expect(s.summaryTime).toBe("20:00");
    expect(s.mentionRoleId).toBe("9");
    expect(s.events).toMatchObject({ presence: false, screentime: true });
  });

  it("language: a supported locale or unset (then the guild's preferred locale decides)", async () => {
    expect((await store.settings.get("1")).language).toBeUndefined();
    expect((await store.settings.update("1", { language: "de" })).language).toBe("de");
    expect((await store.settings.get("1")).language).toBe("de");
    await expect(store.settings.update("1", { language: "xx" as never })).rejects.toThrow(/language/);
    const cleared = await store.settings.update("1", { language: undefined });
    expect(cleared.language).toBeUndefined();
    expect("language" in cleared).toBe(false);
    await store.keyv.set("settings:1", { language: "klingon", summaryTime: "07:00" });
    expect(await store.settings.get("1")).toMatchObject({ summaryTime: "07:00" });
    expect((await store.settings.get("1")).language).toBeUndefined();
  });
});

describe("change notices", () => {
  it("link, re-link, unlink and settings changes call onChange with the guild; reads and health do not", async () => {
    const seen: string[] = [];
    const off = store.onChange((g) => seen.push(g));
    await store.accounts.upsert(linkInput("1", "10"));
    await store.accounts.upsert(linkInput("1", "10"));
    await store.accounts.setHealth("1", "10", { state: "dead" });
    await store.accounts.setCookie("1", "10", canary("rotated"));
    await store.accounts.list("1");
    await store.settings.get("2");
    expect(seen).toEqual(["1", "1"]);
    await store.settings.update("2", { summaryTime: "07:00" });
    await expect(store.settings.update("2", { summaryTime: "99:00" })).rejects.toThrow();
    expect(await store.accounts.remove("1", "10")).toBe(true);
    expect(await store.accounts.remove("1", "10")).toBe(false);
    expect(seen).toEqual(["1", "1", "2", "1"]);
    off();
    await store.settings.update("2", { summaryTime: "08:00" });
    expect(seen).toHaveLength(4);
  });

  it("every change is one entry of the change log that other processes sharing the store read", async () => {
    const other = await openStore(file);
    try {
      const start = await other.changes.head();
      await store.accounts.upsert(linkInput("1", "10"));
      await store.accounts.list("1");
      await store.accounts.setHealth("1", "10", { state: "dead" });
      await store.settings.update("2", { summaryTime: "07:00" });
      await store.unlinkAccount("3", "10");
      await store.unlinkAccount("1", "10");
      const r = await other.changes.read(start);
      expect(r.gap).toBe(false);
      expect(r.changes).toEqual([
        { guildId: "1", origin: store.changes.origin },
        { guildId: "2", origin: store.changes.origin },
        { guildId: "1", origin: store.changes.origin },
      ]);
      expect(store.changes.origin).not.toBe(other.changes.origin);
      const next = await other.changes.read(r.cursor);
      expect(next).toEqual({ changes: [], cursor: r.cursor, gap: false });
      // A reader whose last entry was trimmed away is told to read everything again.
      const sql = store.keyv.store as { query(q: string, ...p: unknown[]): Promise<unknown> };
      await sql.query("DELETE FROM roguard_changes WHERE seq <= ?", Number(r.cursor));
      expect((await other.changes.read(r.cursor)).gap).toBe(true);
    } finally {
      await other.close();
    }
  });

  it("a throwing listener does not break the write or the other listeners", async () => {
    const seen: string[] = [];
    store.onChange(() => {
      throw new Error("listener bug");
    });
    store.onChange((g) => seen.push(g));
    await store.settings.update("3", { summaryTime: "07:00" });
    expect(seen).toEqual(["3"]);
    expect((await store.settings.get("3")).summaryTime).toBe("07:00");
  });
});

describe("alert state, audit, cursors", () => {
  it("alert state round-trips and a row that fails the schema reads as absent", async () => {
    const schema = z.object({ n: z.number() });
    await store.alertState.set("1", "10", { n: 3 });
    expect(await store.alertState.get("1", "10", schema)).toEqual({ n: 3 });
    await store.alertState.set("1", "10", { n: "three" });
    expect(await store.alertState.get("1", "10", schema)).toBeUndefined();
    expect(await store.alertState.delete("1", "10")).toBe(true);
    expect(await store.alertState.get("1", "10", z.unknown())).toBeUndefined();
  });

  it("alert state update merges concurrent read-modify-writes without losing one", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.alertState.update("1", "10", (cur) => ({ ...(cur as object), [`k${i}`]: i })),
      ),
    );
    const all = await store.alertState.get("1", "10", z.record(z.string(), z.number()));
    expect(Object.keys(all ?? {})).toHaveLength(20);
    expect(await store.alertState.update("1", "10", () => undefined)).toEqual(all);
  });

  it("audit is newest first, bounded to 500, timestamped and scrubbed", async () => {
    // 498 older entries written directly (fast), then 7 through append: 505 in all, plus "link".
    const older = Array.from({ length: 498 }, (_, i) => ({
      at: new Date(0).toISOString(),
      actorId: "9",
      action: `a${497 - i}`,
    }));
    await store.keyv.set("audit:1", older);
    for (let i = 498; i < 505; i++) await store.audit.append("1", { actorId: "9", action: `a${i}` });
    const c = canary();
    await store.audit.append("1", { actorId: "9", action: "link", robloxId: "10", detail: `oops ${c}` });
    const all = await store.audit.list("1", 1000);
    expect(all).toHaveLength(500);
    expect(all[0]).toMatchObject({ action: "link", robloxId: "10" });
    expect(all[0]?.detail).not.toContain("WARNING");
    expect(all[1]?.action).toBe("a504");
    expect(all[499]?.action).toBe("a6");
    expect(Date.parse(all[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await store.audit.list("1", 3)).map((e) => e.action)).toEqual(["link", "a504", "a503"]);
  });
});

describe("deleteGuild", () => {
  it("removes every row of that guild and nothing of another", async () => {
    for (const g of ["1", "2"]) {
      await store.accounts.upsert(linkInput(g, "10", { tracker: "t" }));
      await store.accounts.upsert(linkInput(g, "20"));
      await store.settings.update(g, { alertChannelId: "5" });
      await store.alertState.set(g, "10", { a: 1 });
      await store.audit.append(g, { actorId: "9", action: "x" });
    }
    // A stray row that no index points to (e.g. left by a crash) goes too.
    await store.keyv.set("acct:1:99", { stray: true });
    const before = await store.keyv.get("acct:2:10");
    await store.deleteGuild("1");
    const rows = (await store.keyv.store.query("SELECT key FROM keyv")) as Array<{ key: string }>;
    const keys = rows.map((r) => r.key);
    expect(keys.filter((k) => /:1(:|$)/.test(k.replace(/^roguard:/, "")))).toEqual([]);
    expect(keys.some((k) => k.includes("acct:2:10"))).toBe(true);
    expect(await store.keyv.get("acct:2:10")).toEqual(before);
    expect(await store.accounts.listGuildIds()).toEqual(["2"]);
    expect((await store.settings.get("2")).alertChannelId).toBe("5");
    expect(await store.audit.list("2", 10)).toHaveLength(1);
    expect(await store.alertState.get("2", "10", z.unknown())).toEqual({ a: 1 });
    expect(await store.accounts.list("1")).toEqual([]);
  });
});

describe("the SQLite file", () => {
  it("never holds a cookie in plaintext (database nor WAL), and uses WAL", async () => {
    const cookies = [canary("a"), canary("b")];
    await store.accounts.upsert({ ...linkInput("1", "10"), cookie: cookies[0]!, tracker: cookies[1]! });
    await store.accounts.setCookie("1", "10", cookies[0]!);
    const files = [file, `${file}-wal`].filter(existsSync);
    expect(files).toContain(`${file}-wal`);
    const check = () => {
      for (const f of [file, `${file}-wal`].filter(existsSync)) {
        const bytes = readFileSync(f);
        for (const c of cookies) {
          expect(bytes.includes(Buffer.from(c))).toBe(false);
          expect(bytes.includes(Buffer.from("CANARY"))).toBe(false);
          expect(bytes.includes(Buffer.from(Buffer.from(c).toString("base64").slice(4, 40)))).toBe(false);
        }
      }
    };
    check();
    // Positive control: a value stored in plaintext is found by the same scan.
    await store.settings.update("1", { alertChannelId: "8675309123" });
    const hit = [file, `${file}-wal`].filter(existsSync).some((f) => readFileSync(f).includes("8675309123"));
    expect(hit).toBe(true);
    const mode = (await store.keyv.store.query("PRAGMA journal_mode")) as Array<{ journal_mode: string }>;
    expect(mode[0]?.journal_mode).toBe("wal");
    // NORMAL (1): in WAL mode commits do not wait on an fsync each; FULL (2) is SQLite's default
    const sync = (await store.keyv.store.query("PRAGMA synchronous")) as Array<{ synchronous: number }>;
    expect(sync[0]?.synchronous).toBe(1);
    await store.close();
    check();
  });

  it("ping answers true while open and false after close", async () => {
    expect(await store.ping()).toBe(true);
    await store.close();
    expect(await store.ping()).toBe(false);
  });
});

describe("openKeyv", () => {
  it("creates the folder of a relative sqlite path under cwd", async () => {
    const kv = await openKeyv("sqlite://a/b/c.sqlite", { cwd: t.dir });
    await kv.set("k", 1);
    await kv.disconnect();
    expect(existsSync(join(t.dir, "a", "b", "c.sqlite"))).toBe(true);
  });

  it("postgres, unknown schemes and unusable files fail with one clear StoreError", async () => {
    await expect(openKeyv("postgres://user:pw@db/x")).rejects.toThrow(
      /postgres:\/\/ is not supported in this build/,
    );
    await expect(openKeyv("mongodb://x")).rejects.toThrow(StoreError);
    const notDb = join(t.dir, "not-a-db.sqlite");
    writeFileSync(notDb, "hello, this is not a database file at all.".repeat(50));
    await expect(openKeyv(`sqlite://${notDb}`)).rejects.toThrow(/cannot open the SQLite store .*not-a-db/);
    const blocker = join(t.dir, "file");
    writeFileSync(blocker, "");
    await expect(openKeyv(`sqlite://${blocker}/sub/x.sqlite`)).rejects.toThrow(/cannot create the folder/);
  });

  it("an unreachable redis fails with a StoreError that hides the password", async () => {
    const err = await openKeyv("redis://user:hunter2@127.0.0.1:1").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(String((err as Error).message)).toMatch(
      /cannot connect to the Redis store redis:\/\/127\.0\.0\.1:1/,
    );
    expect(String((err as Error).message)).not.toContain("hunter2");
  }, 15_000);
});
