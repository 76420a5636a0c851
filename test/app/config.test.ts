// Pure parsing of the environment is tested beside it (src/config.test.ts); this file runs the
// entry point as a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const KEY = Buffer.alloc(32, 7).toString("base64");
const base = { DISCORD_TOKEN: "t0k3n", ENCRYPTION_KEY: KEY };

describe("npm start without configuration (child process)", () => {
  const entry = resolve("src/index.ts");
  const TSX = pathToFileURL(resolve("node_modules/tsx/dist/esm/index.mjs")).href;
  const run = (env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), "roguard-cfg-"))) =>
    spawnSync(process.execPath, ["--import", TSX, entry], {
      cwd,
      env: { PATH: process.env.PATH ?? "", NODE_PATH: resolve("node_modules"), ...env },
      encoding: "utf8",
      timeout: 10_000,
    });

  it.each([
    [{}, "DISCORD_TOKEN"],
    [{ DISCORD_TOKEN: "x" }, "ENCRYPTION_KEY"],
    [{ ...base, POLL_INTERVAL_SECONDS: "-3" }, "POLL_INTERVAL_SECONDS"],
  ])("env %j → one line naming %s, exit 2", (env, variable) => {
    const r = run(env);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(r.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/); // no stack trace
  });

  it("reads .env from the working directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "roguard-env-"));
    writeFileSync(join(dir, ".env"), "DISCORD_TOKEN=abc\nENCRYPTION_KEY=bad\n");
    const r = run({}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("ENCRYPTION_KEY");
  });
});
