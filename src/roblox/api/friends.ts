/**
 * Friends lists and lookups (seed 000, friends.roblox.com). Friend *requests* are in
 * requests.ts. Each endpoint's facts sit beside its function.
 */
import type { z } from "zod";
import { inInputOrder, mapChunks, unique } from "../transport/batch.js";
import { type CallOptions, type EndpointDef, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import { fromPascal, iteratePages, type Page } from "../transport/paging.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("friends", "friends");

export const FRIENDS_ENDPOINTS = {
  metadata: ep("friends.metadata", "GET /v1/metadata", "cookie"),
  myCount: ep("friends.myCount", "GET /v1/my/friends/count", "cookie"),
  refreshQrSession: ep("friends.refreshQrSession", "POST /v1/my/friends/refresh-qr-session", "cookie+csrf"),
  checkQrSession: ep("friends.checkQrSession", "GET /v1/my/friends/{userId}/check-qr-session", "cookie"),
  multigetAreFriends: ep(
    "friends.multigetAreFriends",
    "POST /v1/user/{userId}/multiget-are-friends",
    "cookie+csrf",
    {
      batchCap: 50,
    },
  ),
  unfriend: ep("friends.unfriend", "POST /v1/users/{targetUserId}/unfriend", "cookie+csrf"),
  list: ep("friends.list", "GET /v1/users/{userId}/friends", "cookie"),
  count: ep("friends.count", "GET /v1/users/{userId}/friends/count", "cookie"),
  find: ep("friends.find", "GET /v1/users/{userId}/friends/find", "cookie", {
    paging: "pascal",
    batchCap: 50,
  }),
  inactive: ep("friends.inactive", "GET /v1/users/{userId}/friends/inactive", "cookie"),
  online: ep("friends.online", "GET /v1/users/{userId}/friends/online", "cookie"),
  search: ep("friends.search", "GET /v1/users/{userId}/friends/search", "cookie", {
    paging: "pascal",
    batchCap: 50,
  }),
  statuses: ep("friends.statuses", "GET /v1/users/{userId}/friends/statuses", "cookie", { batchCap: 50 }),
} as const;

const E = FRIENDS_ENDPOINTS;

export type UserSort = 0 | 1 | 2;

export interface FindOptions {
  userSort?: UserSort;
  /** 1..50 (Roblox's cap for friends/find and friends/search). */
  limit?: number;
  cursor?: string;
  findFriendsType?: 0 | 1;
}

export interface SearchOptions {
  query: string;
  limit?: number;
  cursor?: string;
}

const pageLimit = (n: number | undefined) =>
  n === undefined ? undefined : Math.min(50, Math.max(1, Math.trunc(n)));
const uid = (id: RobloxId) => ({ userId: checkId(id, "userId") });
const idList = (ids: readonly RobloxId[], name: string) => unique(ids.map((x) => Number(checkId(x, name))));

export function friendsApi(t: RobloxHttp) {
  /** GET /v1/metadata (the seed's `#FriendsApi` is a document anchor, not part of the path). */
  const metadata = async (s: RobloxSession, targetUserId?: RobloxId, o?: CallOptions) => {
    const query = {
      targetUserId: targetUserId === undefined ? undefined : checkId(targetUserId, "targetUserId"),
    };
    return t.call(E.metadata, { session: s, query, schema: S.FriendsMetadata }, o);
  };

  /** The linked account's own friend count. */
  const myCount = async (s: RobloxSession, o?: CallOptions) =>
    (await t.call(E.myCount, { session: s, schema: S.CountResponse }, o)).count;

  /** Any user's friend count. */
  const count = async (s: RobloxSession, userId: RobloxId, o?: CallOptions) =>
    (await t.call(E.count, { session: s, params: uid(userId), schema: S.CountResponse }, o)).count;

  const refreshQrSession = async (s: RobloxSession, o?: CallOptions) =>
    t.call(E.refreshQrSession, { session: s, schema: S.RefreshQrSessionResponse }, o);

  const checkQrSession = async (s: RobloxSession, userId: RobloxId, o?: CallOptions) =>
    t.call(E.checkQrSession, { session: s, params: uid(userId), schema: S.CheckQrSessionResponse }, o);

  /** Which of `targetUserIds` are friends of `userId` (the account): friend ids, input order. */
  const multigetAreFriends = async (
    s: RobloxSession,
    userId: RobloxId,
    targetUserIds: readonly RobloxId[],
    o?: CallOptions,
  ): Promise<number[]> => {
    const params = uid(userId);
    const ids = idList(targetUserIds, "targetUserIds");
    const found = await mapChunks(ids, E.multigetAreFriends.batchCap, async (c) => {
      const body = { targetUserIds: c };
      return (
        await t.call(
          E.multigetAreFriends,
          { session: s, params, body, schema: S.MultigetAreFriendsResponse },
          o,
        )
      ).friendsId;
    });
    return inInputOrder(ids, found, (x) => x);
  };

  const unfriend = async (s: RobloxSession, targetUserId: RobloxId, o?: CallOptions): Promise<void> => {
    const params = { targetUserId: checkId(targetUserId, "targetUserId") };
    await t.call(E.unfriend, { session: s, params, schema: S.EmptyResponse }, o);
  };

  /** A `{ data: [...] }` list of a user's friends that takes `userSort` (list, online). */
  const sortedList =
    <T>(def: EndpointDef, schema: z.ZodType<{ data: T[] }>) =>
    async (s: RobloxSession, userId: RobloxId, opts: { userSort?: UserSort } = {}, o?: CallOptions) =>
      (await t.call(def, { session: s, params: uid(userId), query: { userSort: opts.userSort }, schema }, o))
        .data;

  /** GET /v1/users/{id}/friends: capped and thin on Roblox; lists page with `find`. */
  const list = sortedList(E.list, S.FriendUsersResponse);

  /** One page of friends/find (ids only; names come from users.byIds). */
  const find = async (
    s: RobloxSession,
    userId: RobloxId,
    opts: FindOptions = {},
    o?: CallOptions,
  ): Promise<Page<S.Friend>> => {
    const { userSort, cursor, findFriendsType } = opts;
    const query = { userSort, limit: pageLimit(opts.limit), cursor, findFriendsType };
    return fromPascal(
      await t.call(E.find, { session: s, params: uid(userId), query, schema: S.FriendsCursorPage }, o),
    );
  };

  /** Every friend, page after page (50 a page), lazily. */
  const findAll = (
    s: RobloxSession,
    userId: RobloxId,
    opts: Omit<FindOptions, "cursor"> = {},
    o?: CallOptions,
  ) => iteratePages((cursor) => find(s, userId, { limit: 50, ...opts, ...(cursor ? { cursor } : {}) }, o));

  const search = async (
    s: RobloxSession,
    userId: RobloxId,
    opts: SearchOptions,
    o?: CallOptions,
  ): Promise<Page<S.Friend>> => {
    const query = { query: opts.query, limit: pageLimit(opts.limit), cursor: opts.cursor };
    return fromPascal(
      await t.call(E.search, { session: s, params: uid(userId), query, schema: S.FriendsCursorPage }, o),
    );
  };

  const searchAll = (s: RobloxSession, userId: RobloxId, query: string, o?: CallOptions) =>
    iteratePages((cursor) => search(s, userId, { query, limit: 50, ...(cursor ? { cursor } : {}) }, o));

  const online = sortedList(E.online, S.OnlineFriendsResponse);

  const inactive = async (s: RobloxSession, userId: RobloxId, o?: CallOptions) =>
    (await t.call(E.inactive, { session: s, params: uid(userId), schema: S.FriendUsersResponse }, o)).data;

  /** Friend status of each of `userIds` against `userId`, input order (`userIds=1&userIds=2`). */
  const statuses = async (
    s: RobloxSession,
    userId: RobloxId,
    userIds: readonly RobloxId[],
    o?: CallOptions,
  ) => {
    const params = uid(userId);
    const ids = idList(userIds, "userIds");
    const all = await mapChunks(ids, E.statuses.batchCap, async (c) => {
      const spec = { session: s, params, query: { userIds: c }, schema: S.FriendStatusesResponse };
      return (await t.call(E.statuses, spec, o)).data;
    });
    return inInputOrder(ids, all, (x) => x.id);
  };

  return {
    metadata,
    myCount,
    count,
    refreshQrSession,
    checkQrSession,
    multigetAreFriends,
    unfriend,
    list,
    find,
    findAll,
    search,
    searchAll,
    online,
    inactive,
    statuses,
  };
}

export type FriendsApi = ReturnType<typeof friendsApi>;
