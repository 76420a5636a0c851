/**
 * Friend requests (seed 000, friends.roblox.com): listing (camelCase cursor), counts,
 * accept/decline, sending, decline-all, marking seen.
 */
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import { fromCamel, iteratePages, type Page } from "../transport/paging.js";
import type { RobloxSession } from "../transport/session.js";
import { checkContactId, checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("friends", "friends");

export const REQUESTS_ENDPOINTS = {
  list: ep("requests.list", "GET /v1/my/friends/requests", "cookie", { paging: "camel", batchCap: 100 }),
  trustedList: ep("requests.trustedList", "GET /v1/my/trusted-friends/requests", "cookie", {
    paging: "camel",
    batchCap: 100,
  }),
  pendingCount: ep("requests.pendingCount", "GET /v1/user/friend-requests/count", "cookie"),
  newCount: ep("requests.newCount", "GET /v1/my/new-friend-requests/count", "cookie"),
  markSeen: ep("requests.markSeen", "DELETE /v1/my/new-friend-requests", "cookie+csrf"),
  accept: ep("requests.accept", "POST /v1/users/{requesterUserId}/accept-friend-request", "cookie+csrf"),
  decline: ep("requests.decline", "POST /v1/users/{requesterUserId}/decline-friend-request", "cookie+csrf"),
  acceptWithToken: ep(
    "requests.acceptWithToken",
    "POST /v1/users/{senderUserId}/accept-friend-request-with-token",
    "cookie+csrf",
  ),
  declineAll: ep("requests.declineAll", "POST /v1/user/friend-requests/decline-all", "cookie+csrf"),
  send: ep("requests.send", "POST /v1/users/{targetUserId}/request-friendship", "cookie+csrf"),
  sendToContact: ep(
    "requests.sendToContact",
    "POST /v1/contacts/{targetContactId}/request-friendship",
    "cookie+csrf",
  ),
} as const;

const E = REQUESTS_ENDPOINTS;

/** Page sizes Roblox accepts on my/friends/requests. */
export const REQUEST_PAGE_SIZES = [10, 18, 25, 50, 100] as const;

/** The smallest accepted page size ≥ n (100 at most). */
export function requestPageSize(n: number): (typeof REQUEST_PAGE_SIZES)[number] {
  return REQUEST_PAGE_SIZES.find((s) => s >= n) ?? 100;
}

export interface RequestsOptions {
  /** Rounded up to 10/18/25/50/100. */
  limit?: number;
  cursor?: string;
  /** The seed lists 0, 1, 2; REQUEST_SORT names them (docs/roblox-behaviour.md). */
  friendRequestSort?: 0 | 1 | 2;
  sessionId?: string;
}

/**
 * friendRequestSort values. The seed lists `0 | 1 | 2` and Roblox's published OpenAPI gives 1 as
 * the default, without naming the values; the default keeps the order the old `sortOrder=Desc`
 * default gave, newest first, and 2 is the other order (docs/roblox-behaviour.md, "friendRequestSort",
 * with sources and how sure each is). Nothing else orders this list: Roblox ignores parameters
 * it does not document (such as the old `sortOrder`).
 */
export const REQUEST_SORT = { unspecified: 0, newestFirst: 1, oldestFirst: 2 } as const;

/** Where a request came from (FriendshipRequestModel.friendshipOriginSourceType). */
export const OriginSource = {
  Unknown: 0,
  PlayerSearch: 1,
  QrCode: 2,
  InGame: 3,
  UserProfile: 4,
  QqContactImporter: 5,
  WeChatContactImporter: 6,
  ProfileShare: 7,
  PhoneContactImporter: 8,
  FriendRecommendations: 9,
  UserCommunities: 10,
  TrustedFriend: 11,
  SchoolMemberList: 12,
} as const;

export interface SendOptions {
  senderNickname?: string;
  friendshipOriginSourceType?: (typeof OriginSource)[keyof typeof OriginSource];
}

const requester = (id: RobloxId) => ({ requesterUserId: checkId(id, "requesterUserId") });

export function requestsApi(t: RobloxHttp) {
  /** One page of incoming requests; each item carries `senderId`. */
  const list = async (
    s: RobloxSession,
    opts: RequestsOptions = {},
    o?: CallOptions,
  ): Promise<Page<S.FriendRequest>> => {
    const { cursor, friendRequestSort, sessionId } = opts;
    const limit = opts.limit === undefined ? undefined : requestPageSize(opts.limit);
    const query = { limit, cursor, friendRequestSort, sessionId };
    return fromCamel(await t.call(E.list, { session: s, query, schema: S.FriendRequestsPage }, o));
  };

  /**
   * One page of incoming trusted-connection requests (listed apart from friend requests; not in
   * the seeds — docs/roblox-behaviour.md has the source). Accepting them is not the seeds'
   * accept-friend-request, so roguard only shows them.
   */
  const trustedList = async (
    s: RobloxSession,
    opts: Pick<RequestsOptions, "limit" | "cursor"> = {},
    o?: CallOptions,
  ): Promise<Page<S.TrustedRequest>> => {
    const limit = opts.limit === undefined ? undefined : requestPageSize(opts.limit);
    const query = { limit, cursor: opts.cursor };
    return fromCamel(await t.call(E.trustedList, { session: s, query, schema: S.TrustedRequestsPage }, o));
  };

  const listAll = (s: RobloxSession, opts: Omit<RequestsOptions, "cursor"> = {}, o?: CallOptions) =>
    iteratePages((cursor) => list(s, { limit: 100, ...opts, ...(cursor ? { cursor } : {}) }, o));

  /** Pending incoming requests (user/friend-requests/count). */
  const pendingCount = async (s: RobloxSession, o?: CallOptions) =>
    (await t.call(E.pendingCount, { session: s, schema: S.CountResponse }, o)).count;

  /** Requests not seen yet (my/new-friend-requests/count). */
  const newCount = async (s: RobloxSession, o?: CallOptions) =>
    (await t.call(E.newCount, { session: s, schema: S.CountResponse }, o)).count;

  /** DELETE my/new-friend-requests: marks every request seen. */
  const markSeen = async (s: RobloxSession, o?: CallOptions) =>
    t.call(E.markSeen, { session: s, schema: S.ClearNewFriendRequestResponse }, o);

  const accept = async (s: RobloxSession, requesterUserId: RobloxId, o?: CallOptions): Promise<void> => {
    await t.call(E.accept, { session: s, params: requester(requesterUserId), schema: S.EmptyResponse }, o);
  };

  const decline = async (s: RobloxSession, requesterUserId: RobloxId, o?: CallOptions): Promise<void> => {
    await t.call(E.decline, { session: s, params: requester(requesterUserId), schema: S.EmptyResponse }, o);
  };

  const acceptWithToken = async (
    s: RobloxSession,
    senderUserId: RobloxId,
    friendingToken: string,
    o?: CallOptions,
  ): Promise<void> => {
    const params = { senderUserId: checkId(senderUserId, "senderUserId") };
    await t.call(
      E.acceptWithToken,
      { session: s, params, body: { friendingToken }, schema: S.EmptyResponse },
      o,
    );
  };

  const declineAll = async (s: RobloxSession, o?: CallOptions) =>
    t.call(E.declineAll, { session: s, schema: S.DeclineAllResponse }, o);

  /** Sends a friend request. `isCaptchaRequired: true` in the answer throws CaptchaError. */
  const send = async (s: RobloxSession, targetUserId: RobloxId, opts: SendOptions = {}, o?: CallOptions) => {
    const params = { targetUserId: checkId(targetUserId, "targetUserId") };
    const body: Record<string, unknown> = {
      friendshipOriginSourceType: opts.friendshipOriginSourceType ?? 0,
    };
    if (opts.senderNickname !== undefined && opts.senderNickname !== "")
      body.senderNickname = opts.senderNickname;
    return t.call(E.send, { session: s, params, body, schema: S.CaptchaStatusResponse }, o);
  };

  const sendToContact = async (s: RobloxSession, targetContactId: string, o?: CallOptions) => {
    const params = { targetContactId: checkContactId(targetContactId) };
    return t.call(E.sendToContact, { session: s, params, schema: S.CaptchaStatusResponse }, o);
  };

  return {
    list,
    trustedList,
    listAll,
    pendingCount,
    newCount,
    markSeen,
    accept,
    decline,
    acceptWithToken,
    declineAll,
    send,
    sendToContact,
  };
}

export type RequestsApi = ReturnType<typeof requestsApi>;
