/**
 * Parental controls (seed 004, apis.roblox.com/parental-controls-api): weekly screen time and
 * temporary minutes. add-temporary-screentime works even while the account is locked, answers
 * 204, and allows 5 calls a minute.
 */
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import { BadInputError } from "../transport/errors.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("parental-controls", "apis");

export const PARENTAL_ENDPOINTS = {
  weekly: ep(
    "parental.weekly",
    "GET /parental-controls-api/v1/parental-controls/get-weekly-screentime",
    "cookie",
  ),
  addTemporary: ep(
    "parental.addTemporary",
    "POST /parental-controls-api/v1/parental-controls/add-temporary-screentime",
    "cookie+csrf",
    { rateLimit: { limit: 5, windowMs: 60_000 } },
  ),
} as const;

export interface WeeklyScreentime extends S.WeeklyScreentimeT {
  /** Minutes by `daysAgo`: index 0 = Roblox's today … 6; always 7 entries (missing days = 0). */
  days: number[];
}

/** Pure: the 7-entry minutes array from Roblox's list (which may be short or unordered). */
export function minutesByDay(list: readonly { daysAgo: number; minutesPlayed: number }[]): number[] {
  const days = [0, 0, 0, 0, 0, 0, 0];
  for (const d of list)
    if (Number.isInteger(d.daysAgo) && d.daysAgo >= 0 && d.daysAgo < 7) days[d.daysAgo] = d.minutesPlayed;
  return days;
}

export function parentalApi(t: RobloxHttp) {
  const weekly = async (s: RobloxSession, userId: RobloxId, o?: CallOptions): Promise<WeeklyScreentime> => {
    const query = { userId: checkId(userId, "userId") };
    const r = await t.call(PARENTAL_ENDPOINTS.weekly, { session: s, query, schema: S.WeeklyScreentime }, o);
    return { ...r, days: minutesByDay(r.dailyScreentimes) };
  };

  /** Adds temporary minutes for today (positive whole minutes, at most 1440). */
  const addTemporary = async (s: RobloxSession, minutes: number, o?: CallOptions): Promise<void> => {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
      throw new BadInputError("minutes out of range", "error.roblox.tempMinutesRange");
    }
    await t.call(PARENTAL_ENDPOINTS.addTemporary, { session: s, body: { minutes }, schema: S.NoContent }, o);
  };

  return { weekly, addTemporary };
}

export type ParentalApi = ReturnType<typeof parentalApi>;
