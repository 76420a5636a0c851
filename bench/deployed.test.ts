// The bench runs the bot with the Dockerfile's NODE_OPTIONS: that reading must follow the file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { deployedNodeOptions } from "./lib/deployed.js";

const dir = mkdtempSync(join(tmpdir(), "roguard-dockerfile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (text: string) => {
  const f = join(dir, `Dockerfile.${Math.random().toString(36).slice(2)}`);
  writeFileSync(f, text);
  return f;
};

describe("deployedNodeOptions", () => {
  it("reads the project's Dockerfile: a V8 heap cap", () => {
    expect(deployedNodeOptions()).toMatch(/^--max-old-space-size=\d+$/);
  });

  it("reads quoted and bare values, inside a multi-line ENV, and none", () => {
    expect(deployedNodeOptions(file('ENV A=1 \\\n    NODE_OPTIONS="--x=1 --y" \\\n    B=2\n'))).toBe(
      "--x=1 --y",
    );
    expect(deployedNodeOptions(file("ENV NODE_OPTIONS=--z=3\n"))).toBe("--z=3");
    expect(deployedNodeOptions(file("FROM node:22\nCMD node x\n"))).toBeUndefined();
    // A comment that shows another value is not what ships.
    expect(
      deployedNodeOptions(
        file("# raise: -e NODE_OPTIONS=--max-old-space-size=512\nENV NODE_OPTIONS=--a=1\n"),
      ),
    ).toBe("--a=1");
  });
});
