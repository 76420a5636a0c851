/**
 * Screen time, pure: today's minutes (Roblox's day: `daysAgo: 0`, `localDayOfWeek`) against the
 * daily limit. 80 % and 100 % are each alerted once per Roblox day, when today's minutes cross
 * them (a limit change alone never alerts); crossing both at once says 100 % only. While a screen-time lock alert covers the day (`foldUntil`), the 100 % alert is folded
 * into it (and 80 % with it when both are crossed).
 */
import type { ScreenState } from "../state.js";

export const THRESHOLDS = [80, 100] as const;
/** Past this gap, the same weekday is another day (a day lasts at most 25 h with DST). */
const SAME_DAY_MAX_MS = 25 * 3_600_000;

export interface ScreenNow {
  /** Daily limit in minutes; 0 = none. */
  limit: number;
  /** Today's minutes and Roblox's weekday; null when not read (no limit). */
  minutes: number | null;
  dow: number | null;
}

export interface ScreenAlert {
  threshold: number;
  minutes: number;
  limit: number;
}

export interface ScreenDiff {
  state: ScreenState;
  alerts: ScreenAlert[];
}

export function crossed(minutes: number, limit: number): number[] {
  if (limit <= 0) return [];
  return THRESHOLDS.filter((t) => minutes * 100 >= limit * t);
}

export function diffScreenTime(
  prev: ScreenState | undefined,
  current: ScreenNow,
  settings: { foldUntil?: number | undefined },
  now: number,
): ScreenDiff {
  if (current.limit <= 0 || current.minutes === null || current.dow === null) {
    // No limit: nothing to cross; keep the day's memory for when a limit comes back.
    const state: ScreenState = prev
      ? { ...prev, limit: 0, minutes: null }
      : { dow: null, at: now, minutes: null, limit: 0, sent: [] };
    return { state, alerts: [] };
  }
  const sameDay =
    prev !== undefined && prev.dow === current.dow && prev.dow !== null && now - prev.at <= SAME_DAY_MAX_MS;
  const reached = crossed(current.minutes, current.limit);
  const base = { dow: current.dow, at: now, minutes: current.minutes, limit: current.limit };
  if (prev === undefined) return { state: { ...base, sent: reached }, alerts: [] };
  // What the previous reading had already crossed, measured against today's limit: a limit change
  // alone crosses nothing, and minutes that crossed a threshold since the last reading do, even
  // when the limit changed in between. Without earlier minutes (no limit was set until now), the
  // reading is a silent baseline.
  const before = prev.minutes === null ? reached : sameDay ? crossed(prev.minutes, current.limit) : [];
  const sent = sameDay ? prev.sent : [];
  const fresh = reached.filter((t) => !sent.includes(t) && !before.includes(t));
  const state: ScreenState = { ...base, sent: [...new Set([...sent, ...reached])].sort((a, b) => a - b) };
  if (fresh.length === 0) return { state, alerts: [] };
  const top = Math.max(...fresh);
  // The lock alert already said 100 % (and 80 % is implied by it).
  const folded = settings.foldUntil !== undefined && now < settings.foldUntil;
  if (folded && top >= 100) return { state, alerts: [] };
  return { state, alerts: [{ threshold: top, minutes: current.minutes, limit: current.limit }] };
}
