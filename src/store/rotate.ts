/**
 * Re-encrypts every stored secret under the ring's current key (`npm run rotate-keys`).
 *
 * Safe while the bot runs, and from another process: each row is written with a compare-and-set
 * (atomic.ts) against the exact stored form that was read, so a write made in between — a
 * cookie Roblox rotated, an unlink — is never undone; the row is then read again and retried.
 * Guilds and rows come from the index keys plus, where the adapter can list keys, a key scan,
 * so a row that an index lost is rotated too. Counts are per secret (cookie or tracker).
 */
import type { Keyv } from "keyv";
import type { Logger } from "../logger.js";
import { silentLogger } from "../logger.js";
import { createAccounts, type StoredAccount, storedAccountSchema } from "./accounts.js";
import { compareAndSet, readRaw } from "./atomic.js";
import { CryptoError, type KeyRing, needsRotation, reseal, type SecretPurpose } from "./crypto.js";
import { K } from "./keys.js";
import { KeyedLock } from "./lock.js";
import { listKeys } from "./scan.js";

export interface RotationResult {
  rotated: number;
  alreadyCurrent: number;
  failed: number;
}

const PURPOSES: SecretPurpose[] = ["cookie", "tracker"];
const MAX_ATTEMPTS = 5;

/** Every (guildId, robloxId) that may hold secrets. */
async function targets(
  keyv: Keyv,
  accounts: ReturnType<typeof createAccounts>,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  const add = (g: string, id: string) => {
    const set = out.get(g) ?? new Set<string>();
    set.add(id);
    out.set(g, set);
  };
  const indexed = await accounts.listGuildIds();
  const scannedIndexes = (await listKeys(keyv, "acct-index:")).map((k) => k.slice("acct-index:".length));
  for (const g of new Set([...indexed, ...scannedIndexes])) {
    for (const id of (await accounts.internal.readIndex(g)).ids) add(g, id);
  }
  for (const key of await listKeys(keyv, "acct:")) {
    const m = /^acct:(\d{1,20}):(\d{1,20})$/.exec(key);
    if (m) add(m[1]!, m[2]!);
  }
  return out;
}

export async function rotateAll(
  target: Keyv | { keyv: Keyv },
  ring: KeyRing,
  logger: Logger = silentLogger(),
): Promise<RotationResult> {
  const keyv = "keyv" in target ? target.keyv : target;
  const lock = new KeyedLock();
  const accounts = createAccounts({ keyv, ring, lock, logger });
  const total: RotationResult = { rotated: 0, alreadyCurrent: 0, failed: 0 };

  for (const [guildId, ids] of await targets(keyv, accounts)) {
    for (const robloxId of ids) {
      const r = await rotateRow(keyv, ring, guildId, robloxId, logger);
      total.rotated += r.rotated;
      total.alreadyCurrent += r.alreadyCurrent;
      total.failed += r.failed;
    }
  }
  return total;
}

async function rotateRow(
  keyv: Keyv,
  ring: KeyRing,
  guildId: string,
  robloxId: string,
  logger: Logger,
): Promise<RotationResult> {
  const key = K.account(guildId, robloxId);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { raw, value } = await readRaw(keyv, key);
    if (raw === undefined) return { rotated: 0, alreadyCurrent: 0, failed: 0 }; // removed meanwhile
    const row = rowOf(value, guildId, robloxId);
    if (!row) {
      logger.warn({ key }, "rotate-keys: corrupt account record, not rotated");
      return { rotated: 0, alreadyCurrent: 0, failed: 1 };
    }
    const { counts, changes } = resealRow(ring, row, logger);
    if (counts.rotated === 0) return counts;
    // Written only if the row is still exactly the one read: a cookie the bot stored or an
    // unlink in between is never undone (the row is read again instead).
    if (await compareAndSet(keyv, key, raw, { ...row, ...changes } satisfies StoredAccount)) return counts;
    logger.info({ guildId, robloxId, attempt }, "rotate-keys: row changed while rotating, retrying");
  }
  logger.error({ guildId, robloxId }, "rotate-keys: row kept changing, not rotated");
  return { rotated: 0, alreadyCurrent: 0, failed: 1 };
}

function rowOf(value: unknown, guildId: string, robloxId: string): StoredAccount | undefined {
  const r = storedAccountSchema.safeParse(value);
  return r.success && r.data.guildId === guildId && r.data.robloxId === robloxId ? r.data : undefined;
}

/** Pure (but for the log line): the re-sealed secrets of one row, and the counts. */
function resealRow(
  ring: KeyRing,
  row: StoredAccount,
  logger: Logger,
): { counts: RotationResult; changes: Partial<Pick<StoredAccount, SecretPurpose>> } {
  const { guildId, robloxId } = row;
  const counts: RotationResult = { rotated: 0, alreadyCurrent: 0, failed: 0 };
  const changes: Partial<Pick<StoredAccount, SecretPurpose>> = {};
  for (const purpose of PURPOSES) {
    const envelope = row[purpose];
    if (envelope === undefined) continue;
    try {
      if (!needsRotation(ring, envelope)) {
        counts.alreadyCurrent++;
        continue;
      }
      changes[purpose] = reseal(ring, envelope, { guildId, robloxId, purpose });
      counts.rotated++;
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      counts.failed++;
      logger.error({ guildId, robloxId, purpose, reason: err.reason }, `rotate-keys: ${err.message}`);
    }
  }
  return { counts, changes };
}
