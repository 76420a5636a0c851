// The rooms' rule: commands/, components/ and jobs/ are thin adapters over domain/ (and roblox/,
// store/, ui/) and never import each other; what two of them share belongs in domain/.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
const ROOMS = ["commands", "components", "jobs"] as const;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Pure: the rooms a file of `room` imports that it may not (relative imports only). */
function crossings(file: string, room: string, source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\bfrom\s+["'](\.[^"']+)["']/g)) {
    const target = relative(SRC, resolve(file, "..", m[1] as string)).split(/[\\/]/)[0];
    if (target && target !== room && (ROOMS as readonly string[]).includes(target))
      out.push(`${target} (${m[1]})`);
  }
  return out;
}

describe("commands, components and jobs never import each other", () => {
  it("finds a crossing when there is one", () => {
    const file = join(SRC, "components", "x.ts");
    expect(crossings(file, "components", 'import { a } from "../commands/registry.js";')).toEqual([
      "commands (../commands/registry.js)",
    ]);
    expect(crossings(file, "components", 'import { a } from "../domain/people.js";')).toEqual([]);
  });

  it("holds for every file of the three rooms", () => {
    const bad: string[] = [];
    for (const room of ROOMS) {
      for (const file of files(join(SRC, room))) {
        for (const c of crossings(file, room, readFileSync(file, "utf8")))
          bad.push(`${relative(SRC, file)} → ${c}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
