/**
 * User settings (seed 004, apis.roblox.com/user-settings-api): the daily screen-time limit.
 * The POST wants RBXEventTrackerV2 and allows 30 writes a minute.
 */
import { SENTENCES } from "../transport/codes.js";
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import { BadInputError, RobloxApiError } from "../transport/errors.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import * as S from "./schemas.js";

const ep = endpointsOf("user-settings", "apis");

export const SETTINGS_ENDPOINTS = {
  get: ep("settings.get", "GET /user-settings-api/v1/user-settings/settings-and-options", "cookie"),
  update: ep("settings.update", "POST /user-settings-api/v1/user-settings", "cookie+csrf", {
    rateLimit: { limit: 30, windowMs: 60_000 },
  }),
} as const;

/** Most minutes a daily limit may be (24 h); 0 = no limit. */
export const MAX_DAILY_LIMIT = 1440;

export function settingsApi(t: RobloxHttp) {
  const get = async (s: RobloxSession, o?: CallOptions) =>
    t.call(SETTINGS_ENDPOINTS.get, { session: s, schema: S.SettingsAndOptions }, o);

  /** The daily limit in minutes (0 = none); null when Roblox does not say. */
  const dailyLimit = async (s: RobloxSession, o?: CallOptions): Promise<number | null> =>
    (await get(s, o)).dailyScreenTimeLimit?.currentValue ?? null;

  /**
   * Sets the daily limit (minutes, 0 = no limit). When Roblox refuses and the session has no
   * RBXEventTrackerV2, the error's sentence says the tracker is needed and how to add it.
   */
  const setDailyLimit = async (s: RobloxSession, minutes: number, o?: CallOptions): Promise<void> => {
    if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DAILY_LIMIT) {
      throw new BadInputError("dailyScreenTimeLimit out of range", "error.roblox.dailyLimitRange");
    }
    try {
      await t.call(
        SETTINGS_ENDPOINTS.update,
        { session: s, body: { dailyScreenTimeLimit: minutes }, schema: S.UpdateSettingsResponse },
        o,
      );
    } catch (e) {
      if (e instanceof RobloxApiError && !s.hasTracker && e.status !== undefined && e.status < 500) {
        throw new RobloxApiError(
          e.api,
          { endpoint: e.endpoint, status: e.status, code: e.code, robloxMessage: e.robloxMessage, cause: e },
          SENTENCES.trackerNeeded,
        );
      }
      throw e;
    }
  };

  return { get, dailyLimit, setDailyLimit };
}

export type SettingsApi = ReturnType<typeof settingsApi>;
