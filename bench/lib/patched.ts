/**
 * Local experiments on src/ without touching it: a temporary copy of the project's src/ (with
 * node_modules linked) where a few exact text replacements are applied. The bench can run the bot
 * from that copy to measure a proposed fix (before/after figures for /work/notes/REQUESTS.md).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");

export interface Patch {
  /** Path relative to the project root, e.g. "src/jobs/scheduling/scheduler.ts". */
  file: string;
  from: string;
  to: string;
}

export interface PatchedCopy {
  root: string;
  remove(): void;
}

export function patchedCopy(patches: readonly Patch[]): PatchedCopy {
  const root = mkdtempSync(join(tmpdir(), "roguard-experiment-"));
  cpSync(resolve(ROOT, "src"), join(root, "src"), { recursive: true });
  for (const f of ["package.json", "tsconfig.json", "tsconfig.build.json"])
    cpSync(resolve(ROOT, f), join(root, f));
  symlinkSync(resolve(ROOT, "node_modules"), join(root, "node_modules"), "dir");
  for (const p of patches) {
    const path = join(root, p.file);
    const text = readFileSync(path, "utf8");
    if (!text.includes(p.from))
      throw new Error(`experiment: ${p.file} no longer contains ${JSON.stringify(p.from)}`);
    writeFileSync(path, text.split(p.from).join(p.to));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
