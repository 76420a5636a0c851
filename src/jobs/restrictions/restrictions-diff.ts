/**
 * Restrictions (usermoderation v2), pure: a restriction that starts (ban, or screen-time lock)
 * and one that ends are each alerted once. A screen-time lock opens a "fold" window up to its end
 * (the end of Roblox's day): the screen-time thresholds of that day are told by the lock alert.
 */
import type { GuildSettings } from "../../store/index.js";
import type { ActiveRestriction, RestrictionState } from "../state.js";

export interface RestrictionNow {
  source: number;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
}

export type RestrictionAlert =
  | { type: "start"; restriction: ActiveRestriction }
  | { type: "end"; restriction: ActiveRestriction };

export interface RestrictionDiff {
  state: RestrictionState;
  alerts: RestrictionAlert[];
}

const DAY_MS = 86_400_000;
export const SCREEN_TIME_SOURCE = 2;

export function activeOf(r: RestrictionNow | null | undefined): ActiveRestriction | null {
  if (!r) return null;
  return { source: r.source, start: r.startTime ?? null, end: r.endTime ?? null };
}

function sameRestriction(a: ActiveRestriction, b: ActiveRestriction): boolean {
  return a.source === b.source && (a.start ?? a.end) === (b.start ?? b.end);
}

export function diffRestriction(
  prev: RestrictionState | undefined,
  current: RestrictionNow | null,
  settings: Pick<GuildSettings, "events">,
  now: number,
): RestrictionDiff {
  const active = activeOf(current);
  const foldUntil = prev?.foldUntil !== undefined && prev.foldUntil > now ? prev.foldUntil : undefined;
  const state: RestrictionState = { active, ...(foldUntil !== undefined ? { foldUntil } : {}) };
  if (prev === undefined) return { state, alerts: [] };
  const before = prev.active;
  const alerts: RestrictionAlert[] = [];
  if (active && (!before || !sameRestriction(before, active))) {
    alerts.push({ type: "start", restriction: active });
  } else if (!active && before) {
    alerts.push({ type: "end", restriction: before });
  }
  if (!settings.events.restrictions) return { state, alerts: [] };
  const start = alerts[0]?.type === "start" ? alerts[0].restriction : undefined;
  if (start?.source === SCREEN_TIME_SOURCE) {
    const end = start.end === null ? Number.NaN : Date.parse(start.end);
    state.foldUntil = Number.isFinite(end) && end > now ? Math.min(end, now + DAY_MS) : now + DAY_MS;
  }
  return { state, alerts };
}
