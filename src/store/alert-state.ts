/**
 * Per (guild, Roblox account) opaque JSON state of the watchers: last presence, seen requests,
 * last restriction, thresholds sent. The reader brings the schema; a row that does not match it
 * is logged (key only) and treated as absent, so the watcher records a fresh baseline.
 * A small per-guild index lists the accounts that have state, so deleteGuild finds them all.
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { setIfExists } from "./atomic.js";
import { checkId, ID, K } from "./keys.js";
import type { KeyedLock } from "./lock.js";
import { readChecked } from "./read.js";

const indexSchema = z.array(z.string().regex(ID));

export type AlertState = ReturnType<typeof createAlertState>;

/** Maps the stored value (undefined when absent) to the one to write; undefined writes nothing. */
type NextState = (current: unknown) => unknown | Promise<unknown>;

export function createAlertState(deps: { keyv: Keyv; lock: KeyedLock; logger: Logger }) {
  const { keyv, lock, logger } = deps;

  async function ids(guildId: string): Promise<string[]> {
    const r = indexSchema.safeParse((await keyv.get(K.stateIndex(guildId))) ?? []);
    return r.success ? r.data : [];
  }

  async function get<T>(guildId: string, robloxId: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return readChecked(
      { keyv, logger },
      K.state(guildId, robloxId),
      schema,
      "alert state does not match its schema, treated as absent",
    );
  }

  async function set(guildId: string, robloxId: string, value: unknown): Promise<void> {
    checkId(guildId, "guildId");
    checkId(robloxId, "robloxId");
    if (value === undefined) throw new TypeError("alert state must not be undefined (use delete)");
    await index(guildId, robloxId);
    await lock.run(K.state(guildId, robloxId), () => keyv.set(K.state(guildId, robloxId), value));
  }

  async function index(guildId: string, robloxId: string): Promise<void> {
    await lock.run(K.stateIndex(guildId), async () => {
      const list = await ids(guildId);
      if (!list.includes(robloxId)) await keyv.set(K.stateIndex(guildId), [...list, robloxId]);
    });
  }

  /** Checks the ids, indexes the account, then runs `body` under the lock of its state row. */
  async function underRowLock<T>(guildId: string, robloxId: string, body: (key: string) => Promise<T>) {
    checkId(guildId, "guildId");
    checkId(robloxId, "robloxId");
    await index(guildId, robloxId);
    const key = K.state(guildId, robloxId);
    return lock.run(key, () => body(key));
  }

  /**
   * Read-modify-write under this process's lock for the row, so two modules that keep parts of
   * the same state (watchers, button handlers) do not overwrite each other. `fn` gets the raw
   * stored value (undefined when absent) and returns the new one (undefined deletes nothing: it
   * keeps the row as it was).
   */
  async function update(guildId: string, robloxId: string, fn: NextState): Promise<unknown> {
    return underRowLock(guildId, robloxId, async (key) => {
      const current = await keyv.get(key);
      const next = await fn(current);
      if (next === undefined) return current;
      await keyv.set(key, next);
      return next;
    });
  }

  /**
   * Like `update`, but the write happens only while the account row exists, checked in the
   * same database statement (atomic.ts): a poll that ends after an unlink brings nothing back.
   * Returns whether it wrote.
   */
  async function updateIfLinked(guildId: string, robloxId: string, fn: NextState): Promise<boolean> {
    return underRowLock(guildId, robloxId, async (key) => {
      const next = await fn(await keyv.get(key));
      if (next === undefined) return false;
      return setIfExists(keyv, key, next, K.account(guildId, robloxId));
    });
  }

  async function del(guildId: string, robloxId: string): Promise<boolean> {
    const existed = await keyv.delete(K.state(guildId, robloxId));
    await lock.run(K.stateIndex(guildId), async () => {
      const list = await ids(guildId);
      if (list.includes(robloxId)) {
        const rest = list.filter((id) => id !== robloxId);
        if (rest.length === 0) await keyv.delete(K.stateIndex(guildId));
        else await keyv.set(K.stateIndex(guildId), rest);
      }
    });
    return existed;
  }

  /** Every state row of the guild, and its index. */
  async function deleteGuild(guildId: string): Promise<void> {
    await lock.run(K.stateIndex(guildId), async () => {
      for (const id of await ids(guildId)) await keyv.delete(K.state(guildId, id));
      await keyv.delete(K.stateIndex(guildId));
    });
  }

  return { get, set, update, updateIfLinked, delete: del, deleteGuild };
}
