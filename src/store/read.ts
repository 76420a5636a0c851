/**
 * One stored value read against its schema. The store never trusts what it reads back (another
 * version, a hand edit, a half-written row): a value that does not match is logged by key only
 * (never its content, which may hold a sealed cookie) and treated as absent.
 */
import type { Keyv } from "keyv";
import type { z } from "zod";
import type { Logger } from "../logger.js";

export async function readChecked<T>(
  deps: { keyv: Keyv; logger: Logger },
  key: string,
  schema: z.ZodType<T>,
  /** What the log line says of a mismatch, e.g. "corrupt account record, treated as absent". */
  mismatch: string,
  /** A further check the value must pass (e.g. the ids it is stored under). */
  belongs: (value: T) => boolean = () => true,
): Promise<T | undefined> {
  const raw = await deps.keyv.get(key);
  if (raw === undefined) return undefined;
  const r = schema.safeParse(raw);
  if (r.success && belongs(r.data)) return r.data;
  deps.logger.warn({ key }, `store: ${mismatch}`);
  return undefined;
}

/** How KeyedLock.patch reads and writes one row of a guild and account. */
export function rowIo<Row>(
  keyv: Keyv,
  read: (guildId: string, robloxId: string) => Promise<Row | undefined>,
  key: (guildId: string, robloxId: string) => string,
  guildId: string,
  robloxId: string,
): { read: () => Promise<Row | undefined>; write: (row: Row) => Promise<unknown> } {
  return { read: () => read(guildId, robloxId), write: (row) => keyv.set(key(guildId, robloxId), row) };
}

/** A row of one guild and account at `key(guildId, robloxId)`, which must carry those ids itself. */
export function readOwnRow<T extends { guildId: string; robloxId: string }>(
  deps: { keyv: Keyv; logger: Logger },
  key: (guildId: string, robloxId: string) => string,
  schema: z.ZodType<T>,
  /** e.g. "account record": logged as "corrupt account record, treated as absent". */
  what: string,
  guildId: string,
  robloxId: string,
): Promise<T | undefined> {
  const own = (row: T) => row.guildId === guildId && row.robloxId === robloxId;
  return readChecked(deps, key(guildId, robloxId), schema, `corrupt ${what}, treated as absent`, own);
}
