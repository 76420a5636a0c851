/**
 * Roblox sessions of the linked accounts, built from the store on demand and cached so the
 * CSRF token survives between calls (one extra round trip per token lifetime, not per call).
 * Rotated cookies go back to the store (encrypted); a 401 marks the account's cookie dead.
 */
import type { Logger } from "./logger.js";
import type { RobloxClient, RobloxSession } from "./roblox/index.js";
import type { Store, StoredAccount } from "./store/index.js";

export type DeadCookieListener = (guildId: string, robloxId: string) => void;

export class Sessions {
  readonly #cache = new Map<string, { session: RobloxSession; cookieEnvelope: string }>();
  readonly #deadListeners: DeadCookieListener[] = [];

  constructor(
    private readonly store: Store,
    private readonly roblox: RobloxClient,
    private readonly logger: Logger,
  ) {}

  /** Called (once per 401) when a linked cookie stops working. */
  onDeadCookie(listener: DeadCookieListener): void {
    this.#deadListeners.push(listener);
  }

  /** The session of a linked account; rebuilt when the stored cookie changed (re-link). */
  async get(account: StoredAccount): Promise<RobloxSession> {
    const key = `${account.guildId}:${account.robloxId}`;
    const cached = this.#cache.get(key);
    if (cached && cached.cookieEnvelope === account.cookie) return cached.session;
    const secrets = await this.store.accounts.secrets(account.guildId, account.robloxId);
    const { guildId, robloxId } = account;
    let envelope = account.cookie;
    const session = this.roblox.session({
      id: key,
      cookie: secrets.cookie,
      tracker: secrets.tracker,
      onCookieRotated: async (cookie) => {
        await this.store.accounts.setCookie(guildId, robloxId, cookie);
        const fresh = await this.store.accounts.get(guildId, robloxId);
        if (fresh) envelope = fresh.cookie;
        const entry = this.#cache.get(key);
        if (entry) entry.cookieEnvelope = envelope;
        this.logger.info({ guildId, robloxId }, "Roblox rotated the cookie; stored the new one");
      },
      onUnauthenticated: async () => {
        this.#cache.delete(key);
        const current = await this.store.accounts.get(guildId, robloxId);
        if (!current || current.health.state === "dead") return;
        await this.store.accounts.setHealth(guildId, robloxId, {
          state: "dead",
          since: new Date().toISOString(),
        });
        this.logger.warn({ guildId, robloxId }, "Roblox refused the cookie (401); account paused");
        for (const l of this.#deadListeners) l(guildId, robloxId);
      },
    });
    this.#cache.set(key, { session, cookieEnvelope: envelope });
    return session;
  }

  /** A session for a cookie that is not stored yet (linking). */
  transient(cookie: string, tracker?: string): RobloxSession {
    return this.roblox.session({ cookie, tracker });
  }

  forget(guildId: string, robloxId?: string): void {
    for (const key of this.#cache.keys()) {
      if (robloxId ? key === `${guildId}:${robloxId}` : key.startsWith(`${guildId}:`))
        this.#cache.delete(key);
    }
  }
}
