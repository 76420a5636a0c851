/**
 * Requests per poll cycle, from the simulator's request log (pure). A cycle of an account starts
 * with its restriction check (usermoderation v2, asked first by src/jobs/scheduling/poll.ts and by the naive
 * baseline) and runs until the next one. CSRF handshakes (403 + x-csrf-token) are counted apart.
 */
import { POLL_START } from "./schedule.js";

export interface LoggedRequest {
  at: number;
  path: string;
  userId: number | null;
  csrfRejected: boolean;
}

export interface CycleCount {
  cycles: number;
  requests: number;
  csrf: number;
  perCycle: number;
  /** Requests by API path (without query), over the counted cycles. */
  byPath: Record<string, number>;
}

/** Splits one account's requests into cycles (entries before the first restriction check are dropped). */
export function cyclesOf(log: readonly LoggedRequest[], userId: number): LoggedRequest[][] {
  const cycles: LoggedRequest[][] = [];
  for (const e of log) {
    if (e.userId !== userId) continue;
    if (e.path.startsWith(POLL_START) && !e.csrfRejected) cycles.push([]);
    cycles.at(-1)?.push(e);
  }
  return cycles;
}

/** Counts cycles first..first+count-1 (complete cycles only: the one after them must have started). */
export function countCycles(
  log: readonly LoggedRequest[],
  userId: number,
  first: number,
  count: number,
): CycleCount {
  const all = cyclesOf(log, userId);
  const picked = all.slice(first, first + count);
  const complete = all.length > first + count ? picked.length : Math.max(0, picked.length - 1);
  const used = picked.slice(0, complete);
  let requests = 0;
  let csrf = 0;
  const byPath: Record<string, number> = {};
  for (const c of used) {
    for (const e of c) {
      if (e.csrfRejected) {
        csrf++;
        continue;
      }
      requests++;
      const p = e.path.split("?")[0]!;
      byPath[p] = (byPath[p] ?? 0) + 1;
    }
  }
  return {
    cycles: used.length,
    requests,
    csrf,
    perCycle: used.length ? requests / used.length : Number.NaN,
    byPath,
  };
}

/**
 * The theoretical minimum per steady cycle: ⌈W/50⌉ presence + 1 friend requests + 1 restriction
 * + s/5 screen time + 1/5 friends count (new connections; the list only when it moved, which a
 * steady run never does) + 1/5 trusted-connection requests.
 */
export function minimumPerCycle(watched: number, dailyLimit: boolean): number {
  const s = dailyLimit ? 2 : 1;
  // Summed in fifths, so a measured ratio of exactly 1 is 1 (no 0.2 + 0.2 rounding).
  return (5 * (Math.ceil(watched / 50) + 2) + s + 1 + 1) / 5;
}

/** What a bot that asks presence for each watched user on its own spends per cycle. */
export function naivePerCycle(watched: number, dailyLimit: boolean): number {
  const s = dailyLimit ? 2 : 1;
  return (5 * (watched + 2) + s + 1 + 1) / 5;
}
