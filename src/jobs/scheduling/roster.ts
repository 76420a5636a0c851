/**
 * Which accounts this process polls: those of guilds with an alert channel, and (in a sharded
 * process) only guilds this client has in its cache. Paused accounts (dead cookie) stay listed so
 * their one cookie-health alert can be retried; their polls make no Roblox call.
 *
 * Kept up to date guild by guild, so the work of one change does not grow with the number of
 * guilds: a change (link, unlink, settings) re-reads that guild alone — its settings and its
 * account ids, two reads. Changes made in this process arrive through the store's listeners at
 * once; changes made by other processes sharing the store through the store's change log, read
 * every second (one read, whatever happened). Every 10 minutes every guild is read again anyway
 * (a missed entry, a store edited by hand), spread over a minute rather than in one burst.
 */
import type { Logger } from "../../logger.js";
import type { GuildSettings, Store } from "../../store/index.js";
import type { Target } from "./scheduler.js";

export interface GuildEntry {
  settings: GuildSettings;
  targets: Target[];
}

export interface LiveRosterOptions {
  store: Pick<Store, "accounts" | "settings" | "changes" | "onChange">;
  /** Does this process serve the guild (its Discord client has it)? */
  serves: (guildId: string) => boolean;
  /** The guild's accounts to poll are now `targets` (none: stop polling the guild). */
  apply: (guildId: string, targets: readonly Target[]) => void;
  logger: Logger;
  /** How often the change log is read (default 1 s). */
  feedEveryMs?: number;
  /** How often every guild is read again (default 10 min)… */
  reconcileEveryMs?: number;
  /** …spread over this long (default 60 s). */
  reconcileSpreadMs?: number;
}

/** Guilds read at once during a full read (start-up, reconciliation). */
const FULL_READ_CONCURRENCY = 16;
/** A spread full read reads one slice of the guilds this often. */
const SLICE_EVERY_MS = 100;
/** Change log entries read at once; a full batch is followed by another read at once. */
const FEED_BATCH = 1_000;

const sleep = (ms: number) =>
  new Promise<void>((r) => {
    setTimeout(r, ms).unref();
  });

export class LiveRoster {
  /** The guilds polled by this process, with the settings and accounts last read. */
  readonly guilds = new Map<string, GuildEntry>();
  readonly #o: Required<LiveRosterOptions>;
  /** Guilds changed in this process whose re-read has not finished (generation of the change). */
  readonly #dirty = new Map<string, number>();
  #generation = 0;
  readonly #reading = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();
  /** Guilds whose last read failed: read again at the next feed tick. */
  readonly #retry = new Set<string>();
  #cursor: string | undefined;
  #feedTimer: NodeJS.Timeout | undefined;
  #reconcileTimer: NodeJS.Timeout | undefined;
  #feeding: Promise<void> | undefined;
  #full: Promise<void> | undefined;
  #unsubscribe: (() => void) | undefined;
  #stopped = false;
  /** Store reads made by guild re-reads since start (tests and the burst benchmark). */
  guildReads = 0;

  constructor(opts: LiveRosterOptions) {
    this.#o = {
      feedEveryMs: 1_000,
      reconcileEveryMs: 600_000,
      reconcileSpreadMs: 60_000,
      ...opts,
    };
  }

  /** Reads every guild once (start-up), then follows the changes. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#o.store.onChange((guildId) => this.changed(guildId));
    // Where the log stands before the full read: a change made during it is read again after.
    this.#cursor = await this.#o.store.changes.head().catch((err) => {
      this.#o.logger.warn({ err }, "jobs: could not read the change log; following it from its next entry");
      return undefined;
    });
    this.#feedTimer = setInterval(() => void this.follow(), this.#o.feedEveryMs);
    this.#feedTimer.unref();
    this.#reconcileTimer = setInterval(
      () => void this.readAll(this.#o.reconcileSpreadMs),
      this.#o.reconcileEveryMs,
    );
    this.#reconcileTimer.unref();
    await this.readAll(0);
  }

  stop(): void {
    this.#stopped = true;
    clearInterval(this.#feedTimer);
    clearInterval(this.#reconcileTimer);
    this.#unsubscribe?.();
  }

  /**
   * The guild's settings as last read; undefined (→ the poll reads the store) for a guild changed
   * in this process whose re-read has not finished yet, so a poll never uses settings older than a
   * change this process already answered for.
   */
  settingsOf(guildId: string): GuildSettings | undefined {
    return this.#dirty.has(guildId) ? undefined : this.guilds.get(guildId)?.settings;
  }

  /** A change of the guild in this process (or a guild joined or left): read it again now. */
  changed(guildId: string): void {
    this.#dirty.set(guildId, ++this.#generation);
    void this.refresh(guildId);
  }

  /** Reads one guild again (coalesced: a read asked for while one runs runs once after it). */
  refresh(guildId: string): Promise<void> {
    const running = this.#reading.get(guildId);
    if (running) {
      this.#again.add(guildId);
      return running;
    }
    const p = this.#read(guildId).finally(() => {
      this.#reading.delete(guildId);
      if (this.#again.delete(guildId) && !this.#stopped) void this.refresh(guildId);
    });
    this.#reading.set(guildId, p);
    return p;
  }

  async #read(guildId: string): Promise<void> {
    if (this.#stopped) return;
    // A change marked after this read started is not covered by it: the guild stays marked.
    const started = this.#generation;
    try {
      let entry: GuildEntry | undefined;
      if (this.#o.serves(guildId)) {
        this.guildReads++;
        const settings = await this.#o.store.settings.get(guildId);
        if (settings.alertChannelId) {
          this.guildReads++;
          const ids = await this.#o.store.accounts.ids(guildId);
          const targets = ids.map((robloxId) => ({ key: `${guildId}:${robloxId}`, guildId, robloxId }));
          if (targets.length > 0) entry = { settings, targets };
        }
      }
      if (this.#stopped) return;
      if (entry) this.guilds.set(guildId, entry);
      else this.guilds.delete(guildId);
      this.#o.apply(guildId, entry?.targets ?? []);
      this.#retry.delete(guildId);
      if ((this.#dirty.get(guildId) ?? 0) <= started) this.#dirty.delete(guildId);
    } catch (err) {
      this.#retry.add(guildId);
      this.#o.logger.warn({ err, guildId }, "jobs: could not read a guild's accounts; retried in a second");
    }
  }

  /** Reads the change log now: each guild another process changed is read again. */
  async follow(): Promise<void> {
    if (this.#feeding || this.#stopped) return;
    this.#feeding = (async () => {
      const { changes } = this.#o.store;
      try {
        if (this.#cursor === undefined) {
          this.#cursor = await changes.head();
          void this.readAll(0);
        }
        for (;;) {
          const r = await changes.read(this.#cursor, FEED_BATCH);
          this.#cursor = r.cursor;
          if (r.gap) {
            this.#o.logger.warn(
              "jobs: changes were trimmed from the log before this process read them; reading every guild",
            );
            void this.readAll(0);
          }
          const guilds = new Set<string>();
          for (const c of r.changes) if (c.origin !== changes.origin) guilds.add(c.guildId);
          await Promise.all([...guilds].map((g) => this.refresh(g)));
          if (r.changes.length < FEED_BATCH || r.gap) break;
        }
      } catch (err) {
        this.#o.logger.warn({ err }, "jobs: could not read the change log; retried in a second");
      }
      const retry = [...this.#retry];
      this.#retry.clear();
      await Promise.all(retry.map((g) => this.refresh(g)));
    })().finally(() => {
      this.#feeding = undefined;
    });
    await this.#feeding;
  }

  /**
   * Reads every guild again: those in the store's guild set that this process serves, and those it
   * polls now (to drop the ones gone). With `spreadMs`, in slices over that time.
   */
  readAll(spreadMs = 0): Promise<void> {
    if (this.#full) return this.#full;
    this.#full = this.#readAll(spreadMs)
      .catch((err) => this.#o.logger.error({ err }, "jobs: could not read the accounts to poll"))
      .finally(() => {
        this.#full = undefined;
      });
    return this.#full;
  }

  async #readAll(spreadMs: number): Promise<void> {
    const listed = await this.#o.store.accounts.listGuildIds();
    const all = new Set(listed.filter((g) => this.#o.serves(g)));
    for (const g of this.guilds.keys()) all.add(g);
    const list = [...all];
    const slices =
      spreadMs > 0 ? Math.max(1, Math.min(list.length, Math.ceil(spreadMs / SLICE_EVERY_MS))) : 1;
    const per = Math.ceil(list.length / slices);
    for (let i = 0; i < list.length && !this.#stopped; i += per) {
      const slice = list.slice(i, i + per);
      let next = 0;
      const worker = async () => {
        while (next < slice.length) await this.refresh(slice[next++] as string);
      };
      await Promise.all(Array.from({ length: Math.min(FULL_READ_CONCURRENCY, slice.length) }, worker));
      if (slices > 1 && i + per < list.length) await sleep(spreadMs / slices);
    }
  }
}
