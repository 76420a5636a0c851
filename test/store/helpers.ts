/** Shared by the store tests: temp SQLite stores, keys, canary cookies. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
