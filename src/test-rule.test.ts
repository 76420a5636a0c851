// The test rule (README, "Testing"): a pure test sits beside the file it tests, under src/ or
// sim/; a test that starts the simulator, opens a store file, spawns a process, talks to the fake
// Discord or opens a local server lives under test/<area>/. This file reads every test's imports
// (and those of the test/ helpers it uses) so the rule cannot rot in either direction.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");

/** What makes a test impure: a module it imports (a path from the root, or a package)... */
const IMPURE: { why: string; matches: (target: string) => boolean }[] = [
  { why: "starts the simulator", matches: (t) => t === "sim/server.ts" || t === "sim/main.ts" },
  { why: "opens a store file", matches: (t) => ["@keyv/sqlite", "@keyv/redis", "sqlite3"].includes(t) },
  { why: "spawns a process", matches: (t) => t === "node:child_process" || t === "child_process" },
  { why: "talks to the fake Discord", matches: (t) => t.startsWith("test/e2e/fake-discord/") },
  {
    why: "opens a local server",
    matches: (t) => ["node:http", "node:https", "node:net", "http", "https", "net"].includes(t),
  },
];

/** ...or a function it calls that does the I/O inside src/ (importing the module alone does none). */
const IMPURE_CALLS: Record<string, string> = {
  startSim: "starts the simulator",
  createStore: "opens a store file",
  openKeyv: "opens a store file",
  openNative: "opens a store file",
  startFakeDiscord: "talks to the fake Discord",
  startHealthServer: "opens a local server",
};

/**
 * Pure tests that stay under test/, each with its reason. Keep this short: a pure test of one
 * module belongs beside it.
 */
const PURE_UNDER_TEST: Record<string, string> = {
  "test/markdown/builders.test.ts":
    "sweeps every builder in src/ with the markdown checker (test/markdown/live.ts) that test/e2e shares",
  "test/markdown/alert-locales.test.ts":
    "renders every alert kind in every locale through the same markdown checker and hostile texts",
};

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === "fixtures") continue;
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** The modules a file imports for their values (type-only imports load nothing), as targets. */
function valueImports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: string[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(re)) {
    if (m[2]) continue;
    const spec = (m[3] ?? m[4]) as string;
    if (!spec.startsWith(".")) {
      out.push(spec);
      continue;
    }
    const abs = resolve(ROOT, dirname(file), spec).replace(/\.js$/, ".ts");
    out.push(relative(ROOT, abs).split("\\").join("/"));
  }
  return out;
}

/** Why `test` is impure: its own imports, and those of the test/ helpers it reaches. */
function impurity(test: string): string[] {
  const reasons = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const [fn, why] of Object.entries(IMPURE_CALLS)) {
      if (new RegExp(`\\b${fn}\\(`).test(text)) reasons.add(`${why} (${fn})`);
    }
    for (const target of valueImports(file)) {
      for (const rule of IMPURE) if (rule.matches(target)) reasons.add(`${rule.why} (${target})`);
      if (target.startsWith("test/") && target.endsWith(".ts")) visit(target);
    }
  };
  visit(test);
  return [...reasons];
}

const tests = ["src", "sim", "test"].flatMap((d) => walk(d)).filter((f) => f.endsWith(".test.ts"));

describe("the test rule", () => {
  it("finds the tests", () => {
    expect(tests.filter((t) => t.startsWith("src/")).length).toBeGreaterThan(30);
    expect(tests.filter((t) => t.startsWith("test/")).length).toBeGreaterThan(30);
    expect(impurity("test/sim/api.test.ts")).toContain("starts the simulator (sim/server.ts)");
    expect(impurity("test/store/store.test.ts")).toContain("opens a store file (createStore)");
    expect(impurity("test/app/config.test.ts")).toContain("spawns a process (node:child_process)");
    expect(impurity("test/e2e/fake-discord.test.ts")).toContain(
      "talks to the fake Discord (startFakeDiscord)",
    );
    expect(impurity("src/ui/format.test.ts")).toEqual([]);
  });

  it("a test under src/ or sim/ is pure: no simulator, store file, process, fake Discord or server", () => {
    const wrong = tests
      .filter((t) => !t.startsWith("test/"))
      .flatMap((t) => [
        ...impurity(t).map((why) => `${t} ${why}`),
        ...valueImports(t)
          .filter((target) => target.startsWith("test/"))
          .map((target) => `${t} uses the test kit ${target}`),
      ]);
    expect(wrong, "move these to test/<area>/ (README, Testing)").toEqual([]);
  });

  it("a test under test/ does one of those things, or tests a module under test/ beside it", () => {
    const wrong = tests.filter((t) => {
      if (!t.startsWith("test/") || t in PURE_UNDER_TEST) return false;
      if (impurity(t).length > 0) return false;
      const subject = t.replace(/\.test\.ts$/, ".ts");
      return !valueImports(t).includes(subject);
    });
    expect(wrong, "pure: move beside the file they test (README, Testing)").toEqual([]);
  });

  it("a test file starts the simulator through test/support/sim-kit.ts, or is a world of its own", () => {
    const worlds = [
      "test/support/sim-kit.ts", // the kit
      "test/e2e/harness.ts", // the bot process, the fake Discord and the simulator together
      "test/jobs/kit.ts", // the watchers' world: a store, the simulator, a captured channel
      "test/prod/runtime.test.ts", // the pruned production tree against the simulator
    ];
    const starters = ["test", "src", "sim"]
      .flatMap((d) => walk(d))
      .filter((f) => /\bstartSim\(/.test(readFileSync(join(ROOT, f), "utf8")));
    const wrong = starters.filter((f) => {
      if (worlds.includes(f) || f === "sim/server.ts" || f === "sim/main.ts") return false;
      // a simulator test may start a second one with other options, beside the kit's
      return !valueImports(f).includes("test/support/sim-kit.ts");
    });
    expect(wrong, "use useSim / useSimClient from test/support/sim-kit.ts").toEqual([]);
  });

  it("the exceptions still exist and are still pure", () => {
    for (const t of Object.keys(PURE_UNDER_TEST)) {
      expect(tests, t).toContain(t);
      expect(impurity(t), t).toEqual([]);
    }
  });
});
