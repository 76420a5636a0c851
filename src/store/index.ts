/**
 * The store: Keyv (keyv.ts) holding linked accounts with sealed secrets, guild settings,
 * watcher state, the audit log and paged-list cursors. No discord.js here.
 */
import { randomBytes } from "node:crypto";
import type { Keyv } from "keyv";
import type { Logger } from "../logger.js";
import { createAccounts } from "./accounts.js";
import { createAlertState } from "./alert-state.js";
import { createAudit } from "./audit.js";
import { createClaims } from "./claim.js";
import type { KeyRing } from "./crypto.js";
import { createCursors, MAX_CURSORS_PER_GUILD } from "./cursors.js";
import { describe, StoreError } from "./errors.js";
import { checkId, K } from "./keys.js";
import { openKeyv } from "./keyv.js";
import { KeyedLock } from "./lock.js";
import { type ChangeRead, openNative } from "./native.js";
import { createParents } from "./parents.js";
import { Recent } from "./recent.js";
import { rotateAll as rotateKeyv } from "./rotate.js";
import { listKeys, sweepExpired } from "./scan.js";
import { createSettings } from "./settings.js";

export {
  AccountLimitError,
  type AccountRecord,
  type Accounts,
  type Health,
  type LinkInput,
  type Secrets,
  type StoredAccount,
} from "./accounts.js";
export type { AlertState } from "./alert-state.js";
export type { Audit, AuditEntry, AuditInput } from "./audit.js";
export type { Claim, Claims } from "./claim.js";
export { type Binding, CryptoError, createKeyRing, type KeyRing } from "./crypto.js";
export type { Cursors } from "./cursors.js";
export { StoreError } from "./errors.js";
export { openKeyv } from "./keyv.js";
export type { Change, ChangeRead } from "./native.js";
export type { Parents, StoredChild, StoredParent } from "./parents.js";
export type { RotationResult } from "./rotate.js";
export {
  defaultSettings,
  type GuildSettings,
  type Settings,
  type SettingsPatch,
} from "./settings.js";

export interface StoreOptions {
  /** STORE_URL. */
  url: string;
  keyring: KeyRing;
  logger: Logger;
  /** TZ_DEFAULT: the zone of guilds that set none. */
  defaultTimeZone: string;
  /** Base for a relative SQLite path (default: process.cwd()). */
  cwd?: string;
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const PING_TIMEOUT_MS = 2000;

export type Store = Awaited<ReturnType<typeof createStore>>;

/** Opens the store; rejects with StoreError (one clear sentence) when it cannot. */
export async function createStore(opts: StoreOptions) {
  const keyv = await openKeyv(opts.url, opts.cwd === undefined ? {} : { cwd: opts.cwd });
  const { logger, keyring: ring } = opts;
  const lock = new KeyedLock();
  const native = await openNative(keyv).catch(async (err) => {
    await keyv.disconnect().catch(() => undefined);
    throw new StoreError(`cannot prepare the store (${describe(err)})`, { cause: err });
  });
  /** This store instance, in the change log (a process skips the changes it wrote itself). */
  const origin = randomBytes(6).toString("hex");
  const listeners = new Set<(guildId: string) => void>();
  const changed = async (guildId: string) => {
    try {
      // One entry per change: other processes apply it to that guild alone (src/jobs/scheduling/roster.ts).
      await native.changes.append({ guildId, origin });
    } catch (err) {
      logger.warn({ err: describe(err) }, "store: could not record the change for other processes");
    }
    for (const fn of listeners) {
      try {
        fn(guildId);
      } catch (err) {
        logger.warn({ err: describe(err) }, "store: a change listener failed");
      }
    }
  };
  // Display reads from memory; dropped per guild as the change log shows other processes' changes.
  const recent = new Recent();
  const accounts = createAccounts({ keyv, ring, lock, logger, changed, sets: native.sets, recent });
  const settings = createSettings({
    keyv,
    lock,
    logger,
    defaultTimeZone: opts.defaultTimeZone,
    changed,
    recent,
  });
  const alertState = createAlertState({ keyv, lock, logger });
  const audit = createAudit({ keyv, lock, logger });
  const cursors = createCursors({ keyv });
  const parents = createParents({ keyv, ring, lock, logger, changed, sets: native.sets });
  const claims = createClaims({ keyv });

  const sweep = async () => {
    try {
      await sweepExpired(keyv, "cursor:");
      await sweepExpired(keyv, "claim:");
    } catch (err) {
      logger.warn({ err: describe(err) }, "store: could not sweep expired cursors");
    }
  };
  await sweep();
  try {
    const r = await accounts.reconcile();
    if (r.added + r.removed > 0) logger.info(r, "store: guild set reconciled with the account indexes");
  } catch (err) {
    logger.warn({ err: describe(err) }, "store: could not reconcile the guild set; it is used as it is");
  }
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  sweeper.unref();

  const listParentGuilds = async () =>
    (await listKeys(keyv, "parent-index:")).map((k) => k.slice("parent-index:".length));

  /** Unlinks one account: its sealed secrets, its watcher state and its watch list. */
  async function unlinkAccount(guildId: string, robloxId: string): Promise<boolean> {
    const existed = await accounts.remove(guildId, robloxId);
    await alertState.delete(guildId, robloxId);
    const s = await keyv.get(K.settings(guildId));
    if (s && typeof s === "object" && robloxId in ((s as { watch?: object }).watch ?? {})) {
      await settings.update(guildId, (cur) => {
        delete cur.watch[robloxId];
        return cur;
      });
    }
    return existed;
  }

  /**
   * Everything of one guild (when the bot leaves it): cookies, settings, state, audit, list cursors. Found
   * through the guild's own index keys (a few reads, whatever the size of the store); on SQLite
   * a range read of the guild's key prefixes also catches rows an index lost.
   */
  async function deleteGuild(guildId: string): Promise<void> {
    checkId(guildId, "guildId");
    const ids = new Set((await accounts.internal.readIndex(guildId)).ids);
    if (native.kind === "sqlite") {
      for (const key of await listKeys(keyv, `acct:${guildId}:`))
        ids.add(key.slice(`acct:${guildId}:`.length));
    }
    for (const id of ids) await accounts.remove(guildId, id);
    await keyv.delete(K.accountIndex(guildId));
    recent.drop(guildId);
    await accounts.internal.forgetGuild(guildId);
    await alertState.deleteGuild(guildId);
    if (native.kind === "sqlite") {
      for (const key of await listKeys(keyv, `state:${guildId}:`)) await keyv.delete(key);
      for (const key of await listKeys(keyv, `cursor:${guildId}:`)) await keyv.delete(key);
    } else {
      // No keyspace scan on Redis: the guild's cursor slots are known by name.
      await keyv.deleteMany(
        Array.from({ length: MAX_CURSORS_PER_GUILD }, (_, slot) => K.cursor(guildId, slot)),
      );
    }
    await settings.remove(guildId);
    await audit.remove(guildId);
    // parent accounts: their sealed cookies and their watcher/button memory
    await parents.deleteGuild(guildId);
  }

  /** Health check: true when a read round-trip succeeds within 2 s. */
  async function ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        keyv.get("ping").then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
        }),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  async function close(): Promise<void> {
    clearInterval(sweeper);
    try {
      await keyv.disconnect();
    } catch (err) {
      throw new StoreError(`the store did not close cleanly (${describe(err)})`, { cause: err });
    }
  }

  return {
    accounts,
    /** linked parent accounts (src/store/parents.ts) */
    parents,
    settings,
    alertState,
    audit,
    cursors,
    /** Short-lived locks every process sharing the store respects (claim.ts). */
    claims,
    unlinkAccount,
    deleteGuild,
    ping,
    close,
    /**
     * The log of changes (link, re-link, unlink, settings) by every process sharing the store:
     * `head()` is where to start reading; `read(cursor)` gives what came after it.
     */
    changes: {
      /** Where the log stands; what display reads kept before it is forgotten (recent.ts). */
      head: async (): Promise<string> => {
        const head = await native.changes.head();
        recent.clear();
        return head;
      },
      /** What came after `after`; display reads forget the guilds other processes changed. */
      read: async (after: string, limit?: number): Promise<ChangeRead> => {
        const r = await native.changes.read(after, limit);
        if (r.gap) recent.clear();
        for (const c of r.changes) if (c.origin !== origin) recent.drop(c.guildId);
        recent.followed();
        return r;
      },
      /** This instance's name in the log (its own entries carry it). */
      origin,
    },
    /**
     * Calls `fn(guildId)` after this process linked, re-linked or unlinked an account or changed a
     * guild's settings (the roster reads that guild again). Returns the unsubscribe function.
     */
    onChange(fn: (guildId: string) => void): () => void {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    /** Re-encrypts every secret under the current key (see rotate.ts). */
    rotateAll: async (logger2: Logger = logger) => {
      const r = await rotateKeyv(keyv, ring, logger2);
      // Rows were re-sealed behind the display reads' back; a read still running is not kept either.
      recent.clear();
      const p = await parents.rotate(await listParentGuilds());
      return { ...r, rotated: r.rotated + p.rotated, failed: r.failed + p.failed };
    },
    /** The underlying Keyv (tests, scripts). */
    keyv: keyv as Keyv,
  };
}

/** For scripts: rotate on a Store or a bare Keyv. */
export { rotateAll } from "./rotate.js";
