import { describe, expect, it } from "vitest";
import { redisGate, redisTestFiles } from "./redis-gate.js";

describe("the Redis gate", () => {
  const files = ["test/prod/a.e2e.test.ts", "test/prod/b.e2e.test.ts"];

  it("runs everything when redis-server is there", () => {
    expect(redisGate(files, true, false)).toEqual({ exclude: [] });
    expect(redisGate(files, true, true)).toEqual({ exclude: [] });
  });

  it("skips the Redis-backed files with one line saying what to install", () => {
    const g = redisGate(files, false, false);
    expect(g.exclude).toEqual(files);
    expect(g.note).toContain("apt-get install redis-server");
    expect(g.note).toContain("ROGUARD_REQUIRE_REDIS=1");
    expect(g.note?.split("\n")).toHaveLength(1);
  });

  it("fails instead when ROGUARD_REQUIRE_REDIS=1", () => {
    expect(() => redisGate(files, false, true)).toThrow(/redis-server is not on PATH/);
  });

  it("finds the files that start a redis-server", () => {
    const found = redisTestFiles(`${import.meta.dirname}/../..`, ["test/prod"]);
    expect(found).toContain("test/prod/health.e2e.test.ts");
    expect(found).not.toContain("test/prod/runtime.test.ts");
  });
});
