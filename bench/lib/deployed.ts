/** The Node options the bot is deployed with: the Dockerfile's `NODE_OPTIONS`, so the bench measures what ships. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export function deployedNodeOptions(
  dockerfile = resolve(import.meta.dirname, "../../Dockerfile"),
): string | undefined {
  // Comment lines are left out: one shows how to raise the cap, which is not what ships.
  const text = readFileSync(dockerfile, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\r?\n/g, " ");
  const m = /\bNODE_OPTIONS=("([^"]*)"|(\S+))/.exec(text);
  const value = (m?.[2] ?? m?.[3])?.trim();
  return value ? value : undefined;
}
