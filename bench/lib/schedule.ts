/**
 * Did every account get polled on schedule? Pure analysis of the simulator's request log.
 * A poll starts with the account's restriction check (src/jobs/scheduling/poll.ts asks usermoderation v2
 * first); the account's schedule is src/jobs/scheduling/offsets.ts: fixed offset of `${guildId}:${robloxId}`
 * inside the interval, epoch-aligned.
 */
import { offsetFor } from "../../src/jobs/scheduling/offsets.js";
import { percentile } from "./stats.js";

export interface LogEntry {
  at: number;
  path: string;
  userId: number | null;
  csrfRejected?: boolean;
}

export interface Account {
  robloxId: number;
  guildId: string;
}

export interface ScheduleReport {
  accounts: number;
  /** Accounts whose every scheduled poll in the window happened (within the interval). */
  onSchedule: number;
  share: number;
  scheduled: number;
  missed: number;
  /** Poll starts seen in the window divided by the polls scheduled in it. */
  pollsPerScheduled: number;
  lagMs: { p50: number; p99: number; max: number };
  requests: number;
  requestsPerSecond: number;
}

export const POLL_START = "/usermoderation/v2/not-approved";
/** Timers never fire early; allow for the two processes' clock reads. */
const EARLY_MS = 20;

/** Scheduled fire times of one account in [from, to). */
export function fireTimes(key: string, intervalMs: number, from: number, to: number): number[] {
  const offset = offsetFor(key, intervalMs);
  const out: number[] = [];
  let t = Math.ceil((from - offset) / intervalMs) * intervalMs + offset;
  for (; t < to; t += intervalMs) out.push(t);
  return out;
}

export function analyzeSchedule(
  log: readonly LogEntry[],
  accounts: readonly Account[],
  intervalMs: number,
  from: number,
  to: number,
): ScheduleReport {
  const starts = new Map<number, number[]>();
  let requests = 0;
  for (const e of log) {
    if (e.at >= from && e.at < to) requests++;
    if (e.userId === null || !e.path.startsWith(POLL_START)) continue;
    const list = starts.get(e.userId) ?? [];
    list.push(e.at);
    starts.set(e.userId, list);
  }
  const lags: number[] = [];
  let onSchedule = 0;
  let scheduled = 0;
  let missed = 0;
  let seen = 0;
  for (const a of accounts) {
    const times = (starts.get(a.robloxId) ?? []).sort((x, y) => x - y);
    const fires = fireTimes(`${a.guildId}:${a.robloxId}`, intervalMs, from, to);
    let ok = true;
    for (const s of fires) {
      scheduled++;
      const hit = times.find((t) => t >= s - EARLY_MS && t < s + intervalMs);
      if (hit === undefined) {
        missed++;
        ok = false;
      } else {
        lags.push(Math.max(0, hit - s));
      }
    }
    seen += times.filter((t) => t >= from - EARLY_MS && t < to).length;
    if (ok) onSchedule++;
  }
  return {
    accounts: accounts.length,
    onSchedule,
    share: accounts.length === 0 ? Number.NaN : onSchedule / accounts.length,
    scheduled,
    missed,
    pollsPerScheduled: scheduled === 0 ? Number.NaN : seen / scheduled,
    lagMs: {
      p50: percentile(lags, 50),
      p99: percentile(lags, 99),
      max: lags.length ? Math.max(...lags) : Number.NaN,
    },
    requests,
    requestsPerSecond: requests / ((to - from) / 1000),
  };
}
