/**
 * Linked Roblox accounts: several per guild, one default. Cookie and tracker are sealed
 * (crypto.ts) in the stored row; callers get them back only through `secrets()`.
 *
 * Reads validate with zod: a corrupt row is logged (key only) and treated as absent, so one
 * bad row never breaks a whole guild; re-linking the account overwrites it.
 */
import type { Keyv } from "keyv";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { type Binding, type KeyRing, open, type SecretPurpose, seal } from "./crypto.js";
import { StoreError } from "./errors.js";
import { checkId, ID, K } from "./keys.js";
import type { KeyedLock } from "./lock.js";

const healthSchema = z.object({ state: z.enum(["ok", "dead"]), since: z.string().optional() });
export type Health = z.infer<typeof healthSchema>;

export const storedAccountSchema = z.object({
  guildId: z.string().regex(ID),
  robloxId: z.string().regex(ID),
  robloxName: z.string(),
  displayName: z.string(),
  label: z.string().optional(),
  linkedBy: z.string(),
  linkedAt: z.string(),
  health: healthSchema,
  cookie: z.string(),
  tracker: z.string().optional(),
});
export type StoredAccount = z.infer<typeof storedAccountSchema>;

const indexSchema = z.object({ ids: z.array(z.string().regex(ID)), default: z.string().optional() });
type AccountIndex = z.infer<typeof indexSchema>;
const guildsSchema = z.array(z.string().regex(ID));

/** The stored row (cookie and tracker are sealed envelopes, never plaintext) plus the default flag. */
export type AccountRecord = StoredAccount & { isDefault: boolean };

export interface LinkInput {
  guildId: string;
  robloxId: string;
  robloxName: string;
  displayName: string;
  /** Kept from the previous link when omitted. */
  label?: string;
  linkedBy: string;
  linkedAt?: string;
  cookie: string;
  /** Kept from the previous link when omitted. */
  tracker?: string;
}

export interface Secrets {
  cookie: string;
  tracker?: string;
}

export interface Deps {
  keyv: Keyv;
  ring: KeyRing;
  lock: KeyedLock;
  logger: Logger;
  /** Called after the guild's set of accounts changed (link, re-link, unlink). */
  changed?: (guildId: string) => Promise<void>;
}

export type Accounts = ReturnType<typeof createAccounts>;

const bind = (a: { guildId: string; robloxId: string }, purpose: SecretPurpose): Binding => ({
  guildId: a.guildId,
  robloxId: a.robloxId,
  purpose,
});

export function createAccounts({ keyv, ring, lock, logger, changed = async () => {} }: Deps) {
  async function readIndex(guildId: string): Promise<AccountIndex> {
    const raw = await keyv.get(K.accountIndex(guildId));
    if (raw === undefined) return { ids: [] };
    const r = indexSchema.safeParse(raw);
    if (r.success) return r.data;
    logger.warn({ key: K.accountIndex(guildId) }, "store: corrupt account index, treated as empty");
    return { ids: [] };
  }

  async function readRow(guildId: string, robloxId: string): Promise<StoredAccount | undefined> {
    const key = K.account(guildId, robloxId);
    const raw = await keyv.get(key);
    if (raw === undefined) return undefined;
    const r = storedAccountSchema.safeParse(raw);
    if (r.success && r.data.guildId === guildId && r.data.robloxId === robloxId) return r.data;
    logger.warn({ key }, "store: corrupt account record, treated as absent");
    return undefined;
  }

  function view(row: StoredAccount, index: AccountIndex): AccountRecord {
    return { ...row, isDefault: defaultOf(index) === row.robloxId };
  }

  function defaultOf(index: AccountIndex): string | undefined {
    return index.default !== undefined && index.ids.includes(index.default) ? index.default : index.ids[0];
  }

  async function updateGuilds(fn: (ids: string[]) => string[]): Promise<void> {
    await lock.run(K.guilds(), async () => {
      const parsed = guildsSchema.safeParse((await keyv.get(K.guilds())) ?? []);
      const before = parsed.success ? parsed.data : [];
      const after = fn([...before]);
      if (after.length !== before.length || after.some((g, i) => g !== before[i])) {
        await keyv.set(K.guilds(), after);
      }
    });
  }

  /** The ids of the guild's linked accounts (one read: the guild's index). */
  async function ids(guildId: string): Promise<string[]> {
    return (await readIndex(guildId)).ids;
  }

  async function list(guildId: string): Promise<AccountRecord[]> {
    const index = await readIndex(guildId);
    const rows = await Promise.all(index.ids.map((id) => readRow(guildId, id)));
    return rows.filter((r): r is StoredAccount => r !== undefined).map((r) => view(r, index));
  }

  async function get(guildId: string, robloxId: string): Promise<AccountRecord | undefined> {
    const row = await readRow(guildId, robloxId);
    return row ? view(row, await readIndex(guildId)) : undefined;
  }

  async function getDefault(guildId: string): Promise<AccountRecord | undefined> {
    const index = await readIndex(guildId);
    const first = defaultOf(index);
    const row = first === undefined ? undefined : await readRow(guildId, first);
    if (row) return view(row, index);
    // The default row is missing or corrupt: fall back to the first readable account.
    return (await list(guildId))[0];
  }

  async function setDefault(guildId: string, robloxId: string): Promise<boolean> {
    return lock.run(K.accountIndex(guildId), async () => {
      const index = await readIndex(guildId);
      if (!index.ids.includes(robloxId)) return false;
      await keyv.set(K.accountIndex(guildId), { ...index, default: robloxId });
      return true;
    });
  }

  /** Links or re-links. A re-link replaces the cookie in place and keeps label, tracker, default. */
  async function upsert(input: LinkInput): Promise<{ account: AccountRecord; created: boolean }> {
    checkId(input.guildId, "guildId");
    checkId(input.robloxId, "robloxId");
    const { guildId, robloxId } = input;
    // Indexes first, row last: a crash in between leaves an index entry without a row (skipped
    // on read, cleaned by remove/deleteGuild), never a sealed cookie that no index points to.
    await updateGuilds((ids) => (ids.includes(guildId) ? ids : [...ids, guildId]));
    const linked = await lock.run(K.accountIndex(guildId), async () => {
      const old = await readRow(guildId, robloxId);
      const tracker =
        input.tracker !== undefined && input.tracker !== ""
          ? seal(ring, input.tracker, bind(input, "tracker"))
          : old?.tracker;
      const label = input.label?.trim() ? input.label.trim() : old?.label;
      const row: StoredAccount = {
        guildId,
        robloxId,
        robloxName: input.robloxName,
        displayName: input.displayName,
        ...(label !== undefined ? { label } : {}),
        linkedBy: input.linkedBy,
        linkedAt: input.linkedAt ?? new Date().toISOString(),
        health: { state: "ok" },
        cookie: seal(ring, input.cookie, bind(input, "cookie")),
        ...(tracker !== undefined ? { tracker } : {}),
      };
      const index = await readIndex(guildId);
      const ids = index.ids.includes(robloxId) ? index.ids : [...index.ids, robloxId];
      const def = index.default !== undefined && ids.includes(index.default) ? index.default : ids[0];
      const next: AccountIndex = { ids, default: def };
      if (ids !== index.ids || def !== index.default) await keyv.set(K.accountIndex(guildId), next);
      await keyv.set(K.account(guildId, robloxId), row);
      return { account: view(row, next), created: old === undefined };
    });
    await changed(guildId);
    return linked;
  }

  /** Removes the account (and its sealed cookie); the default moves to another account if any. */
  async function remove(guildId: string, robloxId: string): Promise<boolean> {
    const { existed, empty } = await lock.run(K.accountIndex(guildId), async () => {
      const index = await readIndex(guildId);
      const existed = (await keyv.delete(K.account(guildId, robloxId))) || index.ids.includes(robloxId);
      const ids = index.ids.filter((id) => id !== robloxId);
      if (ids.length === 0) await keyv.delete(K.accountIndex(guildId));
      else if (ids.length !== index.ids.length) {
        const def = index.default !== undefined && ids.includes(index.default) ? index.default : ids[0];
        await keyv.set(K.accountIndex(guildId), { ids, default: def });
      }
      return { existed, empty: ids.length === 0 };
    });
    if (empty) await updateGuilds((ids) => ids.filter((g) => g !== guildId));
    if (existed) await changed(guildId);
    return existed;
  }

  /** Decrypts the account's secrets. Throws StoreError (no such account) or CryptoError. */
  async function secrets(guildId: string, robloxId: string): Promise<Secrets> {
    const row = await readRow(guildId, robloxId);
    if (!row) throw new StoreError(`no linked account ${robloxId} in guild ${guildId}`);
    const cookie = open(ring, row.cookie, bind(row, "cookie"));
    return row.tracker === undefined
      ? { cookie }
      : { cookie, tracker: open(ring, row.tracker, bind(row, "tracker")) };
  }

  async function patchRow(
    guildId: string,
    robloxId: string,
    fn: (row: StoredAccount) => StoredAccount,
  ): Promise<AccountRecord | undefined> {
    return lock.run(K.accountIndex(guildId), async () => {
      const row = await readRow(guildId, robloxId);
      if (!row) return undefined;
      const next = fn(row);
      await keyv.set(K.account(guildId, robloxId), next);
      return view(next, await readIndex(guildId));
    });
  }

  /** Stores a cookie Roblox rotated (Set-Cookie) in place of the old one. */
  async function setCookie(guildId: string, robloxId: string, cookie: string): Promise<boolean> {
    const r = await patchRow(guildId, robloxId, (row) => ({
      ...row,
      cookie: seal(ring, cookie, bind(row, "cookie")),
    }));
    return r !== undefined;
  }

  /** Marks the cookie alive or dead; `since` defaults to now when the state changes. */
  async function setHealth(
    guildId: string,
    robloxId: string,
    health: Health,
  ): Promise<AccountRecord | undefined> {
    return patchRow(guildId, robloxId, (row) => {
      const since =
        health.since ?? (row.health.state === health.state ? row.health.since : new Date().toISOString());
      return {
        ...row,
        health: since === undefined ? { state: health.state } : { state: health.state, since },
      };
    });
  }

  async function listGuildIds(): Promise<string[]> {
    const r = guildsSchema.safeParse((await keyv.get(K.guilds())) ?? []);
    if (!r.success) logger.warn({ key: K.guilds() }, "store: corrupt guild index, treated as empty");
    return r.success ? r.data : [];
  }

  /** Guilds that have this Roblox account linked (to warn about shared cookies). */
  async function guildsLinking(robloxId: string): Promise<string[]> {
    const guilds = await listGuildIds();
    const hits = await Promise.all(
      guilds.map(async (g) => ((await readIndex(g)).ids.includes(robloxId) ? g : null)),
    );
    return hits.filter((g): g is string => g !== null);
  }

  /** By id, then label, then username (both case-insensitive); the default when option is empty. */
  async function resolve(guildId: string, accountOption?: string): Promise<AccountRecord | undefined> {
    const q = accountOption?.trim();
    if (!q) return getDefault(guildId);
    const all = await list(guildId);
    const lower = q.toLowerCase();
    return (
      all.find((a) => a.robloxId === q) ??
      all.find((a) => a.label !== undefined && a.label.toLowerCase() === lower) ??
      all.find((a) => a.robloxName.toLowerCase() === lower) ??
      all.find((a) => a.displayName.toLowerCase() === lower)
    );
  }

  return {
    ids,
    list,
    get,
    /** One account's row without the default flag (one read, for the watchers). */
    row: readRow,
    getDefault,
    setDefault,
    upsert,
    remove,
    secrets,
    setCookie,
    setHealth,
    guildsLinking,
    listGuildIds,
    resolve,
    /** Raw access for rotateAll and deleteGuild. */
    internal: { readIndex, readRow, updateGuilds },
  };
}
