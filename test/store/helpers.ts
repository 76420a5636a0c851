/** Shared by the store tests: temp SQLite stores, keys, canary cookies. */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { silentLogger } from "../../src/logger.js";
import { createKeyRing, type KeyRing } from "../../src/store/crypto.js";
import { createStore, type Store } from "../../src/store/index.js";

export const key = (): Buffer => randomBytes(32);

export function canary(tag = ""): string {
  return `_|WARNING:-DO-NOT-SHARE-THIS.--CANARY-${tag}${randomBytes(12).toString("hex")}`;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "roguard-store-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function openStore(file: string, ring: KeyRing = createKeyRing(key())): Promise<Store> {
  return createStore({
    url: `sqlite://${file}`,
    keyring: ring,
    logger: silentLogger(),
    defaultTimeZone: "UTC",
  });
}

export function linkInput(guildId: string, robloxId: string, extra: Record<string, string> = {}) {
  return {
    guildId,
    robloxId,
    robloxName: `User${robloxId}`,
    displayName: `Display ${robloxId}`,
    linkedBy: "1000",
    cookie: canary(robloxId),
    ...extra,
  };
}

export const ROOT = resolve(import.meta.dirname, "../..");
export const TSX = pathToFileURL(resolve(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href;

/** Runs a TypeScript file of the project in a child node (no shell), with only the given env. */
export function runTs(
  file: string,
  opts: { env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    execFile(
      process.execPath,
      ["--import", TSX, resolve(ROOT, file)],
      {
        cwd: opts.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...opts.env },
        timeout: opts.timeoutMs ?? 20_000,
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== "number") return reject(err);
        done({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}
