/**
 * Linked parent accounts: a parent's own Roblox login, which Roblox links to one or more child
 * accounts (README, "Parent account or child account"). Kept apart from the child accounts of
 * accounts.ts, so no command, watcher or button meant for a child ever gets a parent's session.
 * The cookie is sealed with its own purpose (`parent-cookie`), so a parent envelope copied into a
 * child row (or the other way) does not open. The children Roblox listed at link time are kept
 * beside it and refreshed by `/parent children`.
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { type LinkInput, linkedRow, storedAccountSchema } from "./accounts.js";
import { type Binding, type KeyRing, needsRotation, open, reseal, seal } from "./crypto.js";
import { StoreError } from "./errors.js";
import { checkId, ID, K } from "./keys.js";
import { KeyedLock } from "./lock.js";
import { openNative, type Sets } from "./native.js";
import { readChecked, readOwnRow, rowIo } from "./read.js";
import { listKeys } from "./scan.js";

/** The native set of guilds with a parent link. */
const PARENT_GUILDS = "parent-guilds";

const childSchema = z.object({
  userId: z.string().regex(ID),
  name: z.string().optional(),
  displayName: z.string().optional(),
});
export type StoredChild = z.infer<typeof childSchema>;

/** A parent link: a linked account's row (no tracker cookie) with the children Roblox lists for it. */
export const storedParentSchema = storedAccountSchema.omit({ tracker: true, health: true }).extend({
  health: z.object({ state: z.enum(["ok", "dead"]), since: z.string().optional() }),
  children: z.array(childSchema),
});
export type StoredParent = z.infer<typeof storedParentSchema>;

const indexSchema = z.object({ ids: z.array(z.string().regex(ID)) });

/** A child account's link input without the tracker cookie or the account limit, plus the children. */
export type ParentLinkInput = Omit<LinkInput, "linkedAt" | "tracker" | "maxAccounts"> & {
  children: StoredChild[];
};

export type Parents = ReturnType<typeof createParents>;

const bind = (p: { guildId: string; robloxId: string }): Binding => ({
  guildId: p.guildId,
  robloxId: p.robloxId,
  purpose: "parent-cookie",
});

export function createParents(deps: {
  keyv: Keyv;
  ring: KeyRing;
  lock: KeyedLock;
  logger: Logger;
  changed?: (guildId: string) => Promise<void>;
  /** Native sets (native.ts): concurrent writers in several processes lose no guild. */
  sets: Sets;
}) {
  const { keyv, ring, lock, logger, sets, changed = async () => {} } = deps;

  async function ids(guildId: string): Promise<string[]> {
    const index = await readChecked(
      { keyv, logger },
      K.parentIndex(guildId),
      indexSchema,
      "corrupt parent index, treated as empty",
    );
    return index?.ids ?? [];
  }

  const get = (guildId: string, robloxId: string) =>
    readOwnRow({ keyv, logger }, K.parent, storedParentSchema, "parent record", guildId, robloxId);

  async function list(guildId: string): Promise<StoredParent[]> {
    const rows = await Promise.all((await ids(guildId)).map((id) => get(guildId, id)));
    return rows.filter((r): r is StoredParent => r !== undefined);
  }

  /** By id, label, username or display name (case-insensitive); the first linked when empty. */
  async function resolve(guildId: string, option?: string): Promise<StoredParent | undefined> {
    const all = await list(guildId);
    const q = option?.trim().toLowerCase();
    if (!q) return all[0];
    return (
      all.find((p) => p.robloxId === q) ??
      all.find((p) => p.label?.toLowerCase() === q) ??
      all.find((p) => p.robloxName.toLowerCase() === q) ??
      all.find((p) => p.displayName.toLowerCase() === q)
    );
  }

  /** Links or re-links (the new cookie replaces the old one; the label is kept when omitted). */
  async function upsert(input: ParentLinkInput): Promise<{ parent: StoredParent; created: boolean }> {
    checkId(input.guildId, "guildId");
    checkId(input.robloxId, "robloxId");
    for (const c of input.children) checkId(c.userId, "child userId");
    const { guildId, robloxId } = input;
    await sets.add(PARENT_GUILDS, guildId);
    const out = await lock.run(K.parentIndex(guildId), async () => {
      const old = await get(guildId, robloxId);
      const linkedAt = old?.linkedAt ?? new Date().toISOString();
      const row: StoredParent = {
        ...linkedRow(input, old, linkedAt, seal(ring, input.cookie, bind(input))),
        children: input.children,
      };
      const current = await ids(guildId);
      if (!current.includes(robloxId))
        await keyv.set(K.parentIndex(guildId), { ids: [...current, robloxId] });
      await keyv.set(K.parent(guildId, robloxId), row);
      return { parent: row, created: old === undefined };
    });
    await changed(guildId);
    return out;
  }

  const patch = (guildId: string, robloxId: string, fn: (row: StoredParent) => StoredParent) =>
    lock.patch(K.parentIndex(guildId), rowIo(keyv, get, K.parent, guildId, robloxId), fn, (row) => row);

  /** The parent's cookie in clear, for its session only. Throws StoreError or CryptoError. */
  async function cookie(guildId: string, robloxId: string): Promise<string> {
    const row = await get(guildId, robloxId);
    if (!row) throw new StoreError(`no linked parent ${robloxId} in guild ${guildId}`);
    return open(ring, row.cookie, bind(row));
  }

  /** A cookie Roblox rotated (Set-Cookie), sealed in place of the old one. */
  const setCookie = async (guildId: string, robloxId: string, value: string) =>
    (await patch(guildId, robloxId, (row) => ({ ...row, cookie: seal(ring, value, bind(row)) }))) !==
    undefined;

  const setChildren = (guildId: string, robloxId: string, children: StoredChild[]) =>
    patch(guildId, robloxId, (row) => ({ ...row, children }));

  const setHealth = (guildId: string, robloxId: string, state: "ok" | "dead") =>
    patch(guildId, robloxId, (row) => ({
      ...row,
      health: state === "ok" ? { state } : { state, since: row.health.since ?? new Date().toISOString() },
    }));

  async function remove(guildId: string, robloxId: string): Promise<boolean> {
    const { existed, empty } = await lock.run(K.parentIndex(guildId), async () => {
      const current = await ids(guildId);
      const had = (await keyv.delete(K.parent(guildId, robloxId))) || current.includes(robloxId);
      await keyv.delete(K.parentState(guildId, robloxId));
      const rest = current.filter((id) => id !== robloxId);
      if (rest.length === 0) await keyv.delete(K.parentIndex(guildId));
      else if (rest.length !== current.length) await keyv.set(K.parentIndex(guildId), { ids: rest });
      return { existed: had, empty: rest.length === 0 };
    });
    if (empty) await sets.remove(PARENT_GUILDS, guildId);
    if (existed) await changed(guildId);
    return existed;
  }

  /** The parent link's watcher/button memory (a plain object; {} when none). */
  async function state(guildId: string, robloxId: string): Promise<Record<string, unknown>> {
    const raw = await keyv.get(K.parentState(guildId, robloxId));
    return raw !== null && typeof raw === "object" && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  }

  /**
   * Read-modify-write of that memory under this process's lock, so the watcher and the buttons,
   * each keeping its own key, never overwrite each other. Nothing is written for a parent no
   * longer linked.
   */
  async function updateState(
    guildId: string,
    robloxId: string,
    fn: (current: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<void> {
    checkId(guildId, "guildId");
    checkId(robloxId, "robloxId");
    await lock.run(K.parentState(guildId, robloxId), async () => {
      if (!(await get(guildId, robloxId))) return;
      await keyv.set(K.parentState(guildId, robloxId), fn(await state(guildId, robloxId)));
    });
  }

  /** Every parent row of the guild (the bot left it). */
  async function deleteGuild(guildId: string): Promise<void> {
    for (const id of await ids(guildId)) {
      await keyv.delete(K.parent(guildId, id));
      await keyv.delete(K.parentState(guildId, id));
    }
    await keyv.delete(K.parentIndex(guildId));
    await sets.remove(PARENT_GUILDS, guildId);
  }

  /** Re-seals every parent cookie of the given guilds under the ring's current key. */
  async function rotate(guildIds: Iterable<string>): Promise<{ rotated: number; failed: number }> {
    let rotated = 0;
    let failed = 0;
    for (const g of guildIds) {
      for (const id of await ids(g)) {
        try {
          const row = await get(g, id);
          if (!row || !needsRotation(ring, row.cookie)) continue;
          const next = reseal(ring, row.cookie, bind(row));
          const done = await patch(g, id, (fresh) =>
            fresh.cookie === row.cookie ? { ...fresh, cookie: next } : fresh,
          );
          if (done?.cookie === next) rotated++;
        } catch (err) {
          failed++;
          logger.error(
            { guildId: g, robloxId: id, err: String((err as Error).message) },
            "rotate-keys: parent cookie",
          );
        }
      }
    }
    return { rotated, failed };
  }

  /** Guilds with a parent link (their own set: parents may be linked where no child account is). */
  async function guildIds(): Promise<string[]> {
    return (await sets.members(PARENT_GUILDS)).filter((g) => ID.test(g));
  }

  return {
    ids,
    guildIds,
    get,
    list,
    resolve,
    upsert,
    setCookie,
    setChildren,
    setHealth,
    cookie,
    remove,
    state,
    updateState,
    deleteGuild,
    rotate,
  };
}

/**
 * `rotate-keys` for parent cookies, on a bare Keyv (the script opens no full store): the guilds
 * come from a scan of the `parent-index:` keys.
 */
export async function rotateParentCookies(
  keyv: Keyv,
  ring: KeyRing,
  logger: Logger,
): Promise<{ rotated: number; failed: number }> {
  const guilds = (await listKeys(keyv, "parent-index:")).map((k) => k.slice("parent-index:".length));
  const { sets } = await openNative(keyv);
  return createParents({ keyv, ring, lock: new KeyedLock(), logger, sets }).rotate(
    guilds.filter((g) => ID.test(g)),
  );
}
