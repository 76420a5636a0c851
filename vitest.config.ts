import { configDefaults, defineConfig } from "vitest/config";
import { hasRedisServer, redisGate, redisTestFiles } from "./test/support/redis-gate.js";

const dirs = ["src", "test", "sim", "bench"];
const gate = redisGate(
  redisTestFiles(import.meta.dirname, dirs),
  hasRedisServer(),
  process.env.ROGUARD_REQUIRE_REDIS === "1",
);
if (gate.note) process.stderr.write(`${gate.note}\n`);

export default defineConfig({
  test: {
    include: dirs.map((d) => `${d}/**/*.test.ts`),
    exclude: [...configDefaults.exclude, ...gate.exclude],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: "forks",
  },
});
