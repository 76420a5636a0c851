/**
 * Roblox sessions of the linked accounts, built from the store on demand and cached so the
 * CSRF token survives between calls (one extra round trip per token lifetime, not per call).
 * Rotated cookies go back to the store (encrypted); a 401 marks the account's cookie dead.
 *
 * Races this guards against (each one would mark a working cookie dead): concurrent cache
 * misses share one lookup, so an account has one session at a time; a rotation relabels only
 * the cache entry of the session it happened on; and a 401 is retried once with the stored
 * cookie (another session or process may have stored a rotated one) before the account is
 * marked dead.
 */
import type { Logger } from "./logger.js";
import type { RobloxClient, RobloxSession } from "./roblox/index.js";
import type { Store, StoredAccount } from "./store/index.js";

export type DeadCookieListener = (guildId: string, robloxId: string) => void;

interface Entry {
  guildId: string;
  robloxId: string;
  session: RobloxSession;
  /** The sealed cookie the session's cookie was read from (or was stored as). */
  envelope: string;
}

const keyOf = (guildId: string, robloxId: string) => `${guildId}:${robloxId}`;

export class Sessions {
  readonly #cache = new Map<string, Entry>();
  readonly #building = new Map<string, Promise<Entry>>();
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
    const key = keyOf(account.guildId, account.robloxId);
    const cached = this.#cache.get(key);
    if (cached && cached.envelope === account.cookie) return cached.session;
    let pending = this.#building.get(key);
    if (pending === undefined) {
      const started = this.#build(account.guildId, account.robloxId);
      pending = started;
      this.#building.set(key, started);
      void started
        .then((entry) => {
          // Not cached when forgotten (unlinked) while it was being built.
          if (this.#building.get(key) === started) this.#cache.set(key, entry);
        })
        .catch(() => undefined)
        .finally(() => {
          if (this.#building.get(key) === started) this.#building.delete(key);
        });
    }
    return (await pending).session;
  }

  /** A session for a cookie that is not stored yet (linking). */
  transient(cookie: string, tracker?: string): RobloxSession {
    return this.roblox.session({ cookie, tracker });
  }

  forget(guildId: string, robloxId?: string): void {
    const mine = (key: string) =>
      robloxId ? key === keyOf(guildId, robloxId) : key.startsWith(`${guildId}:`);
    for (const key of this.#cache.keys()) if (mine(key)) this.#cache.delete(key);
    for (const key of this.#building.keys()) if (mine(key)) this.#building.delete(key);
  }

  async #build(guildId: string, robloxId: string): Promise<Entry> {
    // The row first: if a write lands between the two reads, the envelope is the older one and
    // the next lookup rebuilds; the session never carries an older cookie than its label says.
    const row = await this.store.accounts.row(guildId, robloxId);
    const secrets = await this.store.accounts.secrets(guildId, robloxId);
    const entry = { guildId, robloxId, envelope: row?.cookie ?? "" } as Entry;
    entry.session = this.roblox.session({
      id: keyOf(guildId, robloxId),
      cookie: secrets.cookie,
      tracker: secrets.tracker,
      onCookieRotated: (cookie) => this.#rotated(entry, cookie),
      storedCookie: () => this.#storedCookie(entry),
      onUnauthenticated: () => this.#refused(entry),
    });
    return entry;
  }

  /** Roblox rotated the cookie on this entry's session: store it, relabel this entry only. */
  async #rotated(entry: Entry, cookie: string): Promise<void> {
    const { guildId, robloxId } = entry;
    await this.store.accounts.setCookie(guildId, robloxId, cookie);
    const fresh = await this.store.accounts.row(guildId, robloxId);
    if (fresh) entry.envelope = fresh.cookie;
    this.logger.info({ guildId, robloxId }, "Roblox rotated the cookie; stored the new one");
  }

  /** The stored cookie, for one retry after a 401 (undefined when unlinked). */
  async #storedCookie(entry: Entry): Promise<string | undefined> {
    const { guildId, robloxId } = entry;
    const row = await this.store.accounts.row(guildId, robloxId);
    if (!row) return undefined;
    const { cookie } = await this.store.accounts.secrets(guildId, robloxId);
    entry.envelope = row.cookie;
    return cookie;
  }

  /** A 401 that the stored cookie did not cure: the account's cookie is dead. */
  async #refused(entry: Entry): Promise<void> {
    const { guildId, robloxId } = entry;
    const key = keyOf(guildId, robloxId);
    if (this.#cache.get(key) === entry) this.#cache.delete(key);
    const current = await this.store.accounts.row(guildId, robloxId);
    if (!current || current.health.state === "dead") return;
    // Re-linked (or rotated elsewhere) since this session last read the store: not this cookie.
    if (current.cookie !== entry.envelope) return;
    await this.store.accounts.setHealth(guildId, robloxId, {
      state: "dead",
      since: new Date().toISOString(),
    });
    this.logger.warn({ guildId, robloxId }, "Roblox refused the cookie (401); account paused");
    for (const l of this.#deadListeners) l(guildId, robloxId);
  }
}
