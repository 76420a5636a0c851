/**
 * User moderation (seed 004, usermoderation.roblox.com): both answer while the account is
 * restricted. v2 = the restriction (source 1 ban, 2 screen time); v1 = ban details (bans only).
 */
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import * as S from "./schemas.js";

const ep = endpointsOf("usermoderation", "usermoderation");

export const MODERATION_ENDPOINTS = {
  restriction: ep("moderation.restriction", "GET /v2/not-approved", "cookie"),
  banDetails: ep("moderation.banDetails", "GET /v1/not-approved", "cookie"),
} as const;

export const RestrictionSource = { Ban: 1, ScreenTime: 2 } as const;

export function moderationApi(t: RobloxHttp) {
  /** The current restriction, or null when there is none. */
  const restriction = async (s: RobloxSession, o?: CallOptions): Promise<S.RestrictionT | null> =>
    (await t.call(MODERATION_ENDPOINTS.restriction, { session: s, schema: S.RestrictionStatus }, o))
      .restriction ?? null;

  /** Ban details, or null when not banned (Roblox answers `{}`). */
  const banDetails = async (s: RobloxSession, o?: CallOptions): Promise<S.BanDetailsT | null> => {
    const r = await t.call(MODERATION_ENDPOINTS.banDetails, { session: s, schema: S.BanDetails }, o);
    const banned = r.punishedUserId != null || r.beginDate != null || r.punishmentTypeDescription != null;
    return banned ? r : null;
  };

  return { restriction, banDetails };
}

export type ModerationApi = ReturnType<typeof moderationApi>;
