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
import { createCursors } from "./cursors.js";
import { describe, StoreError } from "./errors.js";
import { checkId, K } from "./keys.js";
import { openKeyv } from "./keyv.js";
import { KeyedLock } from "./lock.js";
import { rotateAll as rotateKeyv } from "./rotate.js";
import { listKeys, sweepExpired } from "./scan.js";
import { createSettings } from "./settings.js";

export type { AccountRecord, Accounts, Health, LinkInput, Secrets, StoredAccount } from "./accounts.js";
export type { AlertState } from "./alert-state.js";
export type { Audit, AuditEntry, AuditInput } from "./audit.js";
export type { Claim, Claims } from "./claim.js";
export { type Binding, CryptoError, createKeyRing, type KeyRing } from "./crypto.js";
export type { Cursors } from "./cursors.js";
export { StoreError } from "./errors.js";
export { openKeyv } from "./keyv.js";
export type { RotationResult } from "./rotate.js";
export {
  ALERT_EVENTS,
  type AlertEventName,
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
  const listeners = new Set<(guildId: string) => void>();
  const changed = async (guildId: string) => {
    try {
      await keyv.set(K.rosterRevision(), `${Date.now().toString(36)}.${randomBytes(6).toString("hex")}`);
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
  const accounts = createAccounts({ keyv, ring, lock, logger, changed });
  const settings = createSettings({ keyv, lock, logger, defaultTimeZone: opts.defaultTimeZone, changed });
  const alertState = createAlertState({ keyv, lock, logger });
  const audit = createAudit({ keyv, lock, logger });
  const cursors = createCursors({ keyv });
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
  const sweeper = setInterval(() => void sweep(), SWEEP_EVERY_MS);
  sweeper.unref();

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

  /** Everything of one guild (when the bot leaves it): cookies, settings, state, audit. */
  async function deleteGuild(guildId: string): Promise<void> {
    checkId(guildId, "guildId");
    const ids = new Set((await accounts.internal.readIndex(guildId)).ids);
    for (const key of await listKeys(keyv, `acct:${guildId}:`)) ids.add(key.slice(`acct:${guildId}:`.length));
    for (const id of ids) await accounts.remove(guildId, id);
    await keyv.delete(K.accountIndex(guildId));
    await accounts.internal.updateGuilds((g) => g.filter((x) => x !== guildId));
    await alertState.deleteGuild(guildId);
    for (const key of await listKeys(keyv, `state:${guildId}:`)) await keyv.delete(key);
    await settings.remove(guildId);
    await audit.remove(guildId);
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
    /** A value that changes whenever any process sharing the store links, unlinks or changes settings. */
    rosterRevision: async (): Promise<string | undefined> => {
      const v = await keyv.get(K.rosterRevision());
      return typeof v === "string" ? v : undefined;
    },
    /**
     * Calls `fn(guildId)` after this process linked, re-linked or unlinked an account or changed a
     * guild's settings (the scheduler reads its roster again). Returns the unsubscribe function.
     */
    onChange(fn: (guildId: string) => void): () => void {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    /** Re-encrypts every secret under the current key (see rotate.ts). */
    rotateAll: (logger2: Logger = logger) => rotateKeyv(keyv, ring, logger2),
    /** The underlying Keyv (tests, scripts). */
    keyv: keyv as Keyv,
  };
}

/** For scripts: rotate on a Store or a bare Keyv. */
export { rotateAll } from "./rotate.js";
