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
import { openNative, type Sets } from "./native.js";
import { readChecked, readOwnRow } from "./read.js";
import { Recent } from "./recent.js";
import { listKeys } from "./scan.js";

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

/**
 * Native sets (native.ts), one atomic add or remove per change, so concurrent writers in several
 * processes never lose a member: the guilds that have linked accounts (what the watchers poll),
 * and per Roblox account the guilds that link it (the shared-cookie warning, in one read).
 * Both are kept a superset of the truth: a member is added before the index is written (a crash
 * in between leaves an extra member: the roster finds no accounts in that guild, start-up
 * reconciliation removes it from the guild set, guildsLinking checks each member's index) and
 * again after it (so an unlink racing a link of the same guild cannot remove it for good).
 */
export const GUILD_SET = "guilds";
export const linkedSet = (robloxId: string) => `linked:${robloxId}`;
/** Member of the "meta" set once the reverse index was built from the account indexes. */
const LINKED_BUILT = "linked-v1";

/** `/roblox link` past MAX_ACCOUNTS_PER_GUILD: nothing was stored. */
export class AccountLimitError extends StoreError {
  constructor(readonly limit: number) {
    super(`the guild already has ${limit} linked accounts`);
    this.name = "AccountLimitError";
  }
}

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
  /** Refuse (AccountLimitError) a new account when the guild already has this many; re-links pass. */
  maxAccounts?: number;
}

/**
 * The fields a link or re-link writes that a child's row and a parent's row share: a fresh health,
 * the sealed cookie, and the label kept from the previous row when none is given.
 */
export function linkedRow(
  input: Pick<LinkInput, "guildId" | "robloxId" | "robloxName" | "displayName" | "label" | "linkedBy">,
  old: { label?: string | undefined } | undefined,
  linkedAt: string,
  sealedCookie: string,
) {
  const label = input.label?.trim() ? input.label.trim() : old?.label;
  return {
    guildId: input.guildId,
    robloxId: input.robloxId,
    robloxName: input.robloxName,
    displayName: input.displayName,
    ...(label !== undefined ? { label } : {}),
    linkedBy: input.linkedBy,
    linkedAt,
    health: { state: "ok" as const },
    cookie: sealedCookie,
  };
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
  /** The store's native sets (default: opened from `keyv` on first use). */
  sets?: Sets;
  /** Called after the guild's set of accounts changed (link, re-link, unlink, default). */
  changed?: (guildId: string) => Promise<void>;
  /** What display reads may use instead of store reads (recent.ts; default: a private one). */
  recent?: Recent;
}

export type Accounts = ReturnType<typeof createAccounts>;

/** The native sets of `keyv`, opened on first use (for scripts that build accounts on a bare Keyv). */
function lazySets(keyv: Keyv): Sets {
  let native: ReturnType<typeof openNative> | undefined;
  const get = async () => {
    native ??= openNative(keyv);
    return (await native).sets;
  };
  return {
    add: async (n, m) => (await get()).add(n, m),
    remove: async (n, m) => (await get()).remove(n, m),
    members: async (n) => (await get()).members(n),
    clear: async (n) => (await get()).clear(n),
  };
}

const bind = (a: { guildId: string; robloxId: string }, purpose: SecretPurpose): Binding => ({
  guildId: a.guildId,
  robloxId: a.robloxId,
  purpose,
});

export function createAccounts({ keyv, ring, lock, logger, changed = async () => {}, ...deps }: Deps) {
  const sets = deps.sets ?? lazySets(keyv);
  const recent = deps.recent ?? new Recent();
  /** Every write of an index or a row goes through here, so display reads see it at once. */
  async function write(guildId: string, key: string, value: unknown): Promise<void> {
    if (value === undefined) await keyv.delete(key);
    else await keyv.set(key, value);
    recent.wrote(guildId, key, value);
  }
  async function readIndex(guildId: string): Promise<AccountIndex> {
    const index = await readChecked(
      { keyv, logger },
      K.accountIndex(guildId),
      indexSchema,
      "corrupt account index, treated as empty",
    );
    return index ?? { ids: [] };
  }

  const readRow = (guildId: string, robloxId: string) =>
    readOwnRow({ keyv, logger }, K.account, storedAccountSchema, "account record", guildId, robloxId);

  function view(row: StoredAccount, index: AccountIndex): AccountRecord {
    return { ...row, isDefault: defaultOf(index) === row.robloxId };
  }

  function defaultOf(index: AccountIndex): string | undefined {
    return index.default !== undefined && index.ids.includes(index.default) ? index.default : index.ids[0];
  }

  /**
   * After removing `guildId` from a set: if the guild's index says it belongs there after all (a
   * link of the same guild ran meanwhile), add it back. Called under the guild's lock.
   */
  async function recheck(guildId: string, robloxId?: string): Promise<void> {
    const index = await readIndex(guildId);
    if (index.ids.length > 0) await sets.add(GUILD_SET, guildId);
    if (robloxId !== undefined && index.ids.includes(robloxId)) await sets.add(linkedSet(robloxId), guildId);
  }

  /** The ids of the guild's linked accounts (one read: the guild's index). */
  async function ids(guildId: string): Promise<string[]> {
    return (await readIndex(guildId)).ids;
  }

  /** The guild's index and its rows (undefined where a row is missing or corrupt), in index order. */
  async function readGuild(guildId: string) {
    const index = await readIndex(guildId);
    return { index, rows: await Promise.all(index.ids.map((id) => readRow(guildId, id))) };
  }

  const views = (index: AccountIndex, rows: (StoredAccount | undefined)[]): AccountRecord[] =>
    rows.filter((r): r is StoredAccount => r !== undefined).map((r) => view(r, index));

  async function list(guildId: string): Promise<AccountRecord[]> {
    const { index, rows } = await readGuild(guildId);
    return views(index, rows);
  }

  /**
   * For display only (never for secrets or a change): the guild's accounts as this process last read
   * or wrote them when recent.ts says they are fresh, else read from the store.
   */
  async function listForDisplay(guildId: string): Promise<AccountRecord[]> {
    const known = recent.peek<AccountIndex>(guildId, K.accountIndex(guildId));
    if (known) {
      const index = known.value ?? { ids: [] };
      const rows: (StoredAccount | undefined)[] = [];
      for (const id of index.ids) {
        const row = recent.peek<StoredAccount>(guildId, K.account(guildId, id));
        if (!row) return readForDisplay(guildId);
        rows.push(row.value);
      }
      return views(index, rows);
    }
    return readForDisplay(guildId);
  }

  async function readForDisplay(guildId: string): Promise<AccountRecord[]> {
    const token = recent.token();
    const { index, rows } = await readGuild(guildId);
    recent.filled(guildId, K.accountIndex(guildId), index.ids.length === 0 ? undefined : index, token);
    index.ids.forEach((id, i) => {
      recent.filled(guildId, K.account(guildId, id), rows[i], token);
    });
    return views(index, rows);
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
    const done = await lock.run(K.accountIndex(guildId), async () => {
      const index = await readIndex(guildId);
      if (!index.ids.includes(robloxId)) return false;
      await write(guildId, K.accountIndex(guildId), { ...index, default: robloxId });
      return true;
    });
    if (done) await changed(guildId);
    return done;
  }

  /** Links or re-links. A re-link replaces the cookie in place and keeps label, tracker, default. */
  async function upsert(input: LinkInput): Promise<{ account: AccountRecord; created: boolean }> {
    checkId(input.guildId, "guildId");
    checkId(input.robloxId, "robloxId");
    const { guildId, robloxId } = input;
    // Sets and index first, row last: a crash in between leaves an index entry without a row
    // (skipped on read, cleaned by remove/deleteGuild), never a sealed cookie no index points to.
    const linked = await lock.run(K.accountIndex(guildId), async () => {
      const old = await readRow(guildId, robloxId);
      const before = await readIndex(guildId);
      const max = input.maxAccounts;
      if (max !== undefined && !before.ids.includes(robloxId) && before.ids.length >= max) {
        throw new AccountLimitError(max);
      }
      await sets.add(GUILD_SET, guildId);
      await sets.add(linkedSet(robloxId), guildId);
      const tracker =
        input.tracker !== undefined && input.tracker !== ""
          ? seal(ring, input.tracker, bind(input, "tracker"))
          : old?.tracker;
      const linkedAt = input.linkedAt ?? new Date().toISOString();
      const row: StoredAccount = {
        ...linkedRow(input, old, linkedAt, seal(ring, input.cookie, bind(input, "cookie"))),
        ...(tracker !== undefined ? { tracker } : {}),
      };
      const index = before;
      const ids = index.ids.includes(robloxId) ? index.ids : [...index.ids, robloxId];
      const def = index.default !== undefined && ids.includes(index.default) ? index.default : ids[0];
      const next: AccountIndex = { ids, default: def };
      if (ids !== index.ids || def !== index.default) {
        await write(guildId, K.accountIndex(guildId), next);
        await sets.add(GUILD_SET, guildId);
        await sets.add(linkedSet(robloxId), guildId);
      }
      await write(guildId, K.account(guildId, robloxId), row);
      return { account: view(row, next), created: old === undefined };
    });
    await changed(guildId);
    return linked;
  }

  /** Removes the account (and its sealed cookie); the default moves to another account if any. */
  async function remove(guildId: string, robloxId: string): Promise<boolean> {
    const existed = await lock.run(K.accountIndex(guildId), async () => {
      const index = await readIndex(guildId);
      const existed = (await keyv.delete(K.account(guildId, robloxId))) || index.ids.includes(robloxId);
      recent.wrote(guildId, K.account(guildId, robloxId), undefined);
      const ids = index.ids.filter((id) => id !== robloxId);
      if (ids.length === 0) await write(guildId, K.accountIndex(guildId), undefined);
      else if (ids.length !== index.ids.length) {
        const def = index.default !== undefined && ids.includes(index.default) ? index.default : ids[0];
        await write(guildId, K.accountIndex(guildId), { ids, default: def });
      }
      await sets.remove(linkedSet(robloxId), guildId);
      if (ids.length === 0) await sets.remove(GUILD_SET, guildId);
      await recheck(guildId, robloxId);
      return existed;
    });
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

  const patchRow = (guildId: string, robloxId: string, fn: (row: StoredAccount) => StoredAccount) =>
    lock.patch(
      K.accountIndex(guildId),
      {
        read: () => readRow(guildId, robloxId),
        write: (row: StoredAccount) => write(guildId, K.account(guildId, robloxId), row),
      },
      fn,
      async (row) => view(row, await readIndex(guildId)),
    );

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

  /** The guilds that have linked accounts (one read of the guild set). */
  async function listGuildIds(): Promise<string[]> {
    return sets.members(GUILD_SET);
  }

  /**
   * Guilds that have this Roblox account linked (to warn about shared cookies): one read of the
   * reverse index, then each of those guilds' index (usually none or one) to confirm.
   */
  async function guildsLinking(robloxId: string): Promise<string[]> {
    const members = await sets.members(linkedSet(robloxId));
    const hits = await Promise.all(
      members.map(async (g) => ((await readIndex(g)).ids.includes(robloxId) ? g : null)),
    );
    return hits.filter((g): g is string => g !== null);
  }

  /** Removes a guild that has no accounts left from the guild set (deleteGuild). */
  async function forgetGuild(guildId: string): Promise<void> {
    await lock.run(K.accountIndex(guildId), async () => {
      await sets.remove(GUILD_SET, guildId);
      await recheck(guildId);
    });
  }

  /**
   * Start-up: the sets follow the per-guild index keys. Guilds whose index exists join the guild
   * set (a store written before the sets, or by an older version, and its one-list `guilds` key);
   * members without an index leave it; the reverse index is built from the indexes once.
   */
  async function reconcile(): Promise<{ added: number; removed: number }> {
    const indexed = new Set(
      (await listKeys(keyv, "acct-index:"))
        .map((k) => k.slice("acct-index:".length))
        .filter((g) => ID.test(g)),
    );
    const legacy = guildsSchema.safeParse((await keyv.get(K.guilds())) ?? []);
    const legacyIds = legacy.success ? legacy.data : [];
    const listed = new Set(await sets.members(GUILD_SET));
    let added = 0;
    let removed = 0;
    for (const g of new Set([...indexed, ...legacyIds])) {
      if (listed.has(g)) continue;
      if (!indexed.has(g) && (await readIndex(g)).ids.length === 0) continue;
      await sets.add(GUILD_SET, g);
      added++;
    }
    for (const g of listed) {
      if (indexed.has(g)) continue;
      // Not listed among the index keys: remove it only if its index is really empty.
      await lock.run(K.accountIndex(g), async () => {
        if ((await readIndex(g)).ids.length > 0) return;
        await sets.remove(GUILD_SET, g);
        await recheck(g);
        removed++;
      });
    }
    if (!(await sets.members("meta")).includes(LINKED_BUILT)) {
      for (const g of await sets.members(GUILD_SET)) {
        for (const id of (await readIndex(g)).ids) await sets.add(linkedSet(id), g);
      }
      await sets.add("meta", LINKED_BUILT);
    }
    if (legacyIds.length > 0 || legacy.success === false) await keyv.delete(K.guilds());
    return { added, removed };
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
    listForDisplay,
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
    reconcile,
    /** Raw access for rotateAll and deleteGuild. */
    internal: { readIndex, readRow, forgetGuild },
  };
}
