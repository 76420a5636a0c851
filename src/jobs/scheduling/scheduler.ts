/**
 * The polling scheduler: plain timers, one per account, each firing at the account's fixed offset
 * inside the interval (cron cannot express 45 s or 7 s periods, and 10,000 accounts must not fire
 * in the same second). Polls of one account never overlap (a tick that finds it busy is skipped);
 * a bounded number of accounts are in flight at once; nothing throws out of a timer.
 */
import { setMaxListeners } from "node:events";
import type { Logger } from "../../logger.js";
import { nextFireAt, offsetFor } from "./offsets.js";

export interface Target {
  /** `${guildId}:${robloxId}` */
  key: string;
  guildId: string;
  robloxId: string;
}

export interface PollInfo {
  /** 0 for the first poll of the account in this process, then 1, 2, … */
  cycle: number;
  /** Aborted when the scheduler stops and the grace time has passed. */
  signal: AbortSignal;
}

export interface SchedulerOptions {
  intervalMs: number;
  /**
   * Accounts polled at the same time, at most. Default: enough for every account to get about
   * two seconds of Roblox time per interval (2 × accounts ÷ interval in s), within 16–256.
   */
  concurrency?: number;
  /** With `roster`: how often the whole list of accounts is read again (default 10 min). */
  rosterEveryMs?: number;
  logger: Logger;
  /**
   * The whole list of accounts, read at start and every `rosterEveryMs`. Without it the owner
   * keeps the scheduler's accounts up to date guild by guild with `setGuild` (src/jobs/scheduling/roster.ts).
   */
  roster?: () => Promise<Target[]>;
  poll: (target: Target, info: PollInfo) => Promise<void>;
  now?: () => number;
}

interface Armed {
  target: Target;
  offset: number;
  at: number;
  timer: NodeJS.Timeout;
}

export class Scheduler {
  readonly #o: Required<Omit<SchedulerOptions, "rosterEveryMs" | "concurrency" | "roster">> & {
    rosterEveryMs: number;
    concurrency: number | undefined;
    roster: (() => Promise<Target[]>) | undefined;
  };
  readonly #armed = new Map<string, Armed>();
  /** The armed keys of each guild (setGuild replaces one guild's without looking at the others). */
  readonly #byGuild = new Map<string, Set<string>>();
  readonly #busy = new Map<string, Promise<void>>();
  readonly #soon = new Set<string>();
  readonly #cycles = new Map<string, number>();
  readonly #waiting: ((go: boolean) => void)[] = [];
  readonly #abort = new AbortController();
  #running = 0;
  #stopped = false;
  #rosterTimer: NodeJS.Timeout | undefined;
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;
  #lastPollAt: number | undefined;
  #completed = 0;
  #skipped = 0;

  constructor(opts: SchedulerOptions) {
    // Every Roblox call of every running poll listens on this one signal.
    setMaxListeners(0, this.#abort.signal);
    const intervalMs = Math.max(1, Math.floor(opts.intervalMs));
    this.#o = {
      now: Date.now,
      ...opts,
      concurrency: opts.concurrency,
      roster: opts.roster,
      intervalMs,
      rosterEveryMs: opts.rosterEveryMs ?? 600_000,
    };
  }

  start(): void {
    if (!this.#o.roster) return;
    this.refreshSoon();
    this.#rosterTimer = setInterval(() => this.refreshSoon(), this.#o.rosterEveryMs);
    this.#rosterTimer.unref();
  }

  /**
   * The accounts of one guild are now `targets` (none: the guild is no longer polled). Accounts
   * already armed keep their timers and cycle counts; the other guilds are not looked at.
   */
  setGuild(guildId: string, targets: readonly Target[]): void {
    if (this.#stopped) return;
    const keep = new Set<string>();
    for (const t of targets) {
      keep.add(t.key);
      if (!this.#armed.has(t.key)) this.#arm(t, this.#o.now());
    }
    for (const key of this.#byGuild.get(guildId) ?? []) if (!keep.has(key)) this.#disarm(key);
  }

  /** The guilds that have accounts armed. */
  guilds(): IterableIterator<string> {
    return this.#byGuild.keys();
  }

  /** The in-flight bound now (fixed, or following the number of accounts). */
  get concurrency(): number {
    if (this.#o.concurrency !== undefined) return Math.max(1, this.#o.concurrency);
    const perSecond = this.#armed.size / (this.#o.intervalMs / 1000);
    return Math.min(256, Math.max(16, Math.ceil(2 * perSecond)));
  }

  get stats() {
    return {
      lastPollAt: this.#lastPollAt,
      completed: this.#completed,
      skipped: this.#skipped,
      accounts: this.#armed.size,
      inFlight: this.#running,
    };
  }

  /** Reads the account list again now (coalesced with a refresh already running; needs `roster`). */
  refreshSoon(): void {
    if (this.#stopped || !this.#o.roster) return;
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return;
    }
    this.#refreshing = this.#refresh()
      .catch((err) => {
        this.#o.logger.error({ err }, "jobs: could not read the accounts to poll");
      })
      .finally(() => {
        this.#refreshing = undefined;
        if (this.#refreshAgain) {
          this.#refreshAgain = false;
          this.refreshSoon();
        }
      });
  }

  /** Resolves when the refresh in progress (if any) is done. */
  async settled(): Promise<void> {
    while (this.#refreshing) await this.#refreshing;
  }

  async #refresh(): Promise<void> {
    const targets = (await this.#o.roster?.()) ?? [];
    if (this.#stopped) return;
    const keep = new Set<string>();
    for (const t of targets) {
      keep.add(t.key);
      if (!this.#armed.has(t.key)) this.#arm(t, this.#o.now());
    }
    for (const key of [...this.#armed.keys()]) if (!keep.has(key)) this.#disarm(key);
  }

  #disarm(key: string): void {
    const a = this.#armed.get(key);
    if (!a) return;
    clearTimeout(a.timer);
    this.#armed.delete(key);
    this.#cycles.delete(key);
    const keys = this.#byGuild.get(a.target.guildId);
    keys?.delete(key);
    if (keys?.size === 0) this.#byGuild.delete(a.target.guildId);
  }

  #arm(target: Target, after: number): void {
    const { intervalMs, now } = this.#o;
    const offset = offsetFor(target.key, intervalMs);
    const at = nextFireAt(after, offset, intervalMs);
    const timer = setTimeout(() => this.#tick(target.key), Math.max(0, at - now()));
    timer.unref();
    this.#armed.set(target.key, { target, offset, at, timer });
    const keys = this.#byGuild.get(target.guildId) ?? new Set<string>();
    keys.add(target.key);
    this.#byGuild.set(target.guildId, keys);
  }

  #tick(key: string): void {
    const a = this.#armed.get(key);
    if (!a || this.#stopped) return;
    this.#arm(a.target, Math.max(this.#o.now(), a.at));
    if (this.#busy.has(key)) {
      this.#skipped++;
      return;
    }
    this.#enqueue(key, () => this.#pollOnce(a.target));
  }

  /** Polls the account as soon as it is free (e.g. after its cookie died, or quiet hours ended). */
  pollSoon(key: string): void {
    const a = this.#armed.get(key);
    if (!a || this.#stopped || this.#soon.has(key)) return;
    this.#soon.add(key);
    this.#enqueue(key, () => {
      this.#soon.delete(key);
      return this.#pollOnce(a.target);
    });
  }

  /** Runs `task` for the account when no poll of it is running (wall-clock jobs). */
  runExclusive(key: string, task: (signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    return this.#enqueue(key, () => task(this.#abort.signal));
  }

  #enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const prev = this.#busy.get(key) ?? Promise.resolve();
    const p = prev.then(() => this.#execute(key, task));
    this.#busy.set(key, p);
    void p.finally(() => {
      if (this.#busy.get(key) === p) this.#busy.delete(key);
    });
    return p;
  }

  async #execute(key: string, task: () => Promise<void>): Promise<void> {
    if (!(await this.#slot())) return;
    try {
      if (!this.#stopped) await task();
    } catch (err) {
      const [guildId, robloxId] = key.split(":");
      this.#o.logger.error({ err, guildId, robloxId }, "jobs: a poll failed");
    } finally {
      this.#release();
    }
  }

  async #pollOnce(target: Target): Promise<void> {
    const cycle = this.#cycles.get(target.key) ?? 0;
    this.#cycles.set(target.key, cycle + 1);
    try {
      await this.#o.poll(target, { cycle, signal: this.#abort.signal });
    } finally {
      this.#completed++;
      this.#lastPollAt = this.#o.now();
    }
  }

  #slot(): Promise<boolean> {
    if (this.#stopped) return Promise.resolve(false);
    if (this.#running < this.concurrency) {
      this.#running++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #release(): void {
    const next = this.#running <= this.concurrency ? this.#waiting.shift() : undefined;
    if (next) next(true);
    else this.#running--;
  }

  /** Stops every timer and waits (at most `graceMs`, then aborts and waits 1 s more) for running polls. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#rosterTimer);
    for (const a of this.#armed.values()) clearTimeout(a.timer);
    this.#armed.clear();
    this.#byGuild.clear();
    for (const w of this.#waiting.splice(0)) w(false);
    const all = Promise.allSettled([...this.#busy.values(), this.#refreshing]);
    const wait = (ms: number) =>
      new Promise<"timeout">((r) => {
        setTimeout(() => r("timeout"), ms).unref();
      });
    if ((await Promise.race([all, wait(graceMs)])) === "timeout") {
      this.#abort.abort();
      await Promise.race([all, wait(1_000)]);
    }
  }
}
