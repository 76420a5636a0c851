/** Groups (seed 000, groups.roblox.com): the groups a user's friends are in. */
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("groups", "groups");

export const GROUPS_ENDPOINTS = {
  friendsGroupsRoles: ep(
    "groups.friendsGroupsRoles",
    "GET /v1/users/{userId}/friends/groups/roles",
    "cookie",
  ),
} as const;

export function groupsApi(t: RobloxHttp) {
  /** For each friend of `userId`: the friend and the groups (with role) they are in. */
  const friendsGroupsRoles = async (s: RobloxSession, userId: RobloxId, o?: CallOptions) => {
    const params = { userId: checkId(userId, "userId") };
    return (
      await t.call(
        GROUPS_ENDPOINTS.friendsGroupsRoles,
        { session: s, params, schema: S.FriendGroupsResponse },
        o,
      )
    ).data;
  };
  return { friendsGroupsRoles };
}

export type GroupsApi = ReturnType<typeof groupsApi>;
