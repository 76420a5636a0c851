import { describe, expect, it } from "vitest";
import { Recent } from "./recent.js";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function followed(opts: ConstructorParameters<typeof Recent>[0] = {}) {
  const c = clock();
  const r = new Recent({ now: c.now, ...opts });
  r.followed();
  return { r, c };
}

describe("Recent: what display reads may use instead of the store", () => {
  it("serves a read or a write of this process, and knows an absent value from an unknown one", () => {
    const { r } = followed();
    expect(r.peek("1", "settings:1")).toBeUndefined();
    r.filled("1", "settings:1", undefined, r.token());
    expect(r.peek("1", "settings:1")).toEqual({ value: undefined });
    r.wrote("1", "settings:1", { a: 1 });
    expect(r.peek("1", "settings:1")).toEqual({ value: { a: 1 } });
    r.wrote("1", "settings:1", undefined);
    expect(r.peek("1", "settings:1")).toEqual({ value: undefined });
  });

  it("does not keep a read that started before a write of its guild (it may hold the old value)", () => {
    const { r } = followed();
    const before = r.token();
    r.wrote("1", "acct-index:1", { ids: ["10", "20"] });
    r.filled("1", "acct-index:1", { ids: ["10"] }, before);
    expect(r.peek("1", "acct-index:1")).toEqual({ value: { ids: ["10", "20"] } });
    // a read of another guild is not affected
    r.filled("2", "acct-index:2", { ids: ["30"] }, before);
    expect(r.peek("2", "acct-index:2")).toEqual({ value: { ids: ["30"] } });
  });

  it("does not keep a read that started before another process's change was seen, even of a guild it held nothing of", () => {
    const { r } = followed();
    const before = r.token();
    r.drop("1");
    r.filled("1", "settings:1", { old: true }, before);
    expect(r.peek("1", "settings:1")).toBeUndefined();
    const after = r.token();
    r.filled("1", "settings:1", { fresh: true }, after);
    expect(r.peek("1", "settings:1")).toEqual({ value: { fresh: true } });
  });

  it("drop forgets one guild; clear forgets all and refuses reads that started before it", () => {
    const { r } = followed();
    r.wrote("1", "settings:1", { a: 1 });
    r.wrote("2", "settings:2", { b: 1 });
    r.drop("1");
    expect(r.peek("1", "settings:1")).toBeUndefined();
    expect(r.peek("2", "settings:2")).toEqual({ value: { b: 1 } });
    const before = r.token();
    r.clear();
    expect(r.peek("2", "settings:2")).toBeUndefined();
    r.filled("3", "settings:3", { c: 1 }, before);
    expect(r.peek("3", "settings:3")).toBeUndefined();
  });

  it("serves nothing unless the change log was read in the last followWindowMs, and nothing older than maxAgeMs", () => {
    const c = clock();
    const r = new Recent({ now: c.now, followWindowMs: 5_000, maxAgeMs: 60_000 });
    r.wrote("1", "settings:1", { a: 1 });
    expect(r.peek("1", "settings:1")).toBeUndefined(); // the log was never read
    r.followed();
    expect(r.peek("1", "settings:1")).toEqual({ value: { a: 1 } });
    c.advance(5_001);
    expect(r.peek("1", "settings:1")).toBeUndefined();
    r.followed();
    expect(r.peek("1", "settings:1")).toEqual({ value: { a: 1 } });
    c.advance(55_000);
    r.followed();
    expect(r.peek("1", "settings:1")).toBeUndefined();
  });

  it("holds at most maxGuilds, dropping the oldest, and refuses reads running across an eviction", () => {
    const { r } = followed({ maxGuilds: 2 });
    r.wrote("1", "k1", 1);
    r.wrote("2", "k2", 2);
    const before = r.token();
    r.wrote("3", "k3", 3);
    expect(r.size).toBe(2);
    expect(r.peek("1", "k1")).toBeUndefined();
    expect(r.peek("3", "k3")).toEqual({ value: 3 });
    r.filled("1", "k1", "old", before);
    expect(r.peek("1", "k1")).toBeUndefined();
  });

  it("keeps a frozen copy: the writer's later edits do not leak in, and a reader cannot edit it", () => {
    const { r } = followed();
    const settings = { watch: { "10": ["1"] } as Record<string, string[]> };
    r.wrote("1", "settings:1", settings);
    settings.watch["10"]?.push("2");
    const kept = r.peek<typeof settings>("1", "settings:1")?.value;
    expect(kept).toEqual({ watch: { "10": ["1"] } });
    expect(() => kept?.watch["10"]?.push("3")).toThrow(TypeError);
  });
});
