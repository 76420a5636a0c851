/** Presence (seed 000, presence.roblox.com): POST /v1/presence/users, 50 ids a call. */
import { inInputOrder, mapChunks, unique } from "../transport/batch.js";
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("presence", "presence");

export const PRESENCE_ENDPOINTS = {
  users: ep("presence.users", "POST /v1/presence/users", "cookie+csrf", { batchCap: 50 }),
} as const;

/** userPresenceType values. `placeId`/`universeId`/`gameId` may be null when joins are off. */
export const PresenceType = { Offline: 0, Online: 1, InGame: 2, InStudio: 3, Invisible: 4 } as const;

export function presenceApi(t: RobloxHttp) {
  /** Presence of every id (any count; 50 per request), in input order, duplicates once. */
  const users = async (
    s: RobloxSession,
    userIds: readonly RobloxId[],
    o?: CallOptions,
  ): Promise<S.UserPresenceT[]> => {
    const ids = unique(userIds.map((x) => Number(checkId(x, "userIds"))));
    const all = await mapChunks(ids, PRESENCE_ENDPOINTS.users.batchCap, async (c) => {
      const spec = { session: s, body: { userIds: c }, schema: S.UserPresencesResponse };
      return (await t.call(PRESENCE_ENDPOINTS.users, spec, o)).userPresences;
    });
    return inInputOrder(ids, all, (p) => p.userId);
  };
  return { users };
}

export type PresenceApi = ReturnType<typeof presenceApi>;
