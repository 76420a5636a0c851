/**
 * A fresh production build for the polling benchmarks: `npm start` runs `node dist/index.js`, so the
 * bench measures compiled JavaScript, not tsx. Built from the working tree into
 * node_modules/.cache/roguard-bench (never the project's dist/), with tsconfig.build.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface Build {
  /** dist/index.js of the fresh build, or undefined when the build did not produce one. */
  entry: string | undefined;
  seconds: number;
  /** tsc's complaints (type errors still emit JavaScript). */
  diagnostics: string;
}

export function freshBuild(root = ROOT): Build {
  const started = Date.now();
  const dir = join(ROOT, "node_modules/.cache/roguard-bench", root === ROOT ? "main" : "experiment");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Inside node_modules the nearest package.json decides the module format: say ESM.
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const out = join(dir, "dist");
  const r = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", out],
    { cwd: root, encoding: "utf8" },
  );
  const entry = join(out, "index.js");
  const fresh = existsSync(entry) && statSync(entry).mtimeMs >= started - 1000;
  return {
    entry: fresh ? entry : undefined,
    seconds: (Date.now() - started) / 1000,
    diagnostics: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim(),
  };
}
