import { paginate } from "../cursor.js";
import { friendsErr, type Reply } from "../errors.js";
import type { FriendRequest } from "../model.js";
import type { Ctx, Router } from "../router.js";
import { MAX_FRIENDS, type SimState } from "../state.js";
import { bodyObject, detailsOf, intQuery, iso, namesOf, param } from "./util.js";

const COOKIE = { auth: "cookie" } as const;
const F = "/friends/v1";
const LIMITS = new Set([10, 18, 25, 50, 100]);

/**
 * Names Roblox sends for friendRequest.originSourceType. 0..10 are the seed's enum
 * (FriendshipRequestModel); 11 and 12 exist (issue 10) but no public source names them: the names
 * below are this simulator's placeholders (docs/roblox-behaviour.md, "Origins of a friend request").
 */
export const ORIGIN_SOURCE_TYPES = [
  "Unknown",
  "PlayerSearch",
  "QrCode",
  "InGame",
  "UserProfile",
  "QqContactImporter",
  "WeChatContactImporter",
  "ProfileShare",
  "PhoneContactImporter",
  "FriendRecommendations",
  "UserCommunities",
  "TrustedFriend",
  "SchoolMemberList",
] as const;

function mutualNames(state: SimState, a: number, b: number): string[] {
  const fa = state.friends.get(a);
  const fb = state.friends.get(b);
  if (!fa || !fb) return [];
  const [small, big] = fa.size <= fb.size ? [fa, fb] : [fb, fa];
  const out: string[] = [];
  for (const id of small) {
    if (big.has(id)) out.push(state.users.get(id)?.name ?? String(id));
    if (out.length >= 50) break;
  }
  return out;
}

/** Roblox.Friends.Api.FriendRequestResponse, shaped by the payload switches. */
function requestItem(state: SimState, r: FriendRequest) {
  const u = state.users.get(r.from)!;
  const m = state.modes;
  return {
    friendRequest: {
      sentAt: iso(r.sentAt),
      senderId: r.from,
      sourceUniverseId: r.sourceUniverseId,
      originSourceType: r.originSourceName ?? ORIGIN_SOURCE_TYPES[r.originSourceType] ?? "Unknown",
      contactName: null,
      senderNickname: r.nickname,
    },
    mutualFriendsList: state.modes.mutualFriendsList === "names" ? mutualNames(state, r.from, r.to) : [],
    ...detailsOf(m, u),
    id: u.id,
    ...namesOf(m, u),
  };
}

/** Newest first: later sentAt first, ties by arrival (seq). */
const newestFirst = (a: { sentAt: number; seq: number }, b: { sentAt: number; seq: number }) =>
  b.sentAt - a.sentAt || b.seq - a.seq;

/**
 * The seed lists limit, cursor, sessionId and friendRequestSort (0|1|2); anything else (sortOrder
 * included) is ignored, as Roblox ignores query parameters it does not declare. No public source
 * names the friendRequestSort values: the order each one gives is the `friendRequestSort` switch,
 * by default 1 (Roblox's default when the parameter is left out) and 0 newest first, 2 oldest
 * first (docs/roblox-behaviour.md, "friendRequestSort", says why and how sure that is).
 */
function listRequests(ctx: Ctx): Reply {
  const limit = intQuery(ctx, "limit", 10);
  const frs = intQuery(ctx, "friendRequestSort", 1);
  if (limit === undefined || !LIMITS.has(limit)) return friendsErr(400, 6);
  if (frs === undefined || frs < 0 || frs > 2) return friendsErr(400, 6);
  const s = ctx.state;
  const order = s.modes.friendRequestSort[String(frs) as "0" | "1" | "2"];
  const list = [...s.incomingOf(ctx.userId!).values()].filter((r) => s.users.has(r.from)).sort(newestFirst);
  if (order === "oldest") list.reverse();
  const kind = `req:${ctx.userId}:${order}`;
  return camelPage(ctx, list, kind, limit, (r) => requestItem(s, r));
}

/** One camelCase page of `list` (previousPageCursor / nextPageCursor / data), or 400 code 6 for a bad cursor. */
function camelPage<T>(ctx: Ctx, list: T[], kind: string, limit: number, item: (x: T) => unknown): Reply {
  const page = paginate(list, kind, ctx.query.get("cursor"), limit);
  if (!page) return friendsErr(400, 6);
  return {
    status: 200,
    body: { previousPageCursor: page.previous, nextPageCursor: page.next, data: page.items.map(item) },
  };
}

/**
 * GET my/trusted-friends/requests: items are { sentAt, senderId } (Roblox's friends OpenAPI,
 * TrustedFriendRequestResponse); parameters limit (default 10), cursor and sortOrder, whose values
 * no public source explains, so it changes nothing here (docs/roblox-behaviour.md, "Trusted
 * connections").
 */
function listTrustedRequests(ctx: Ctx): Reply {
  const limit = intQuery(ctx, "limit", 10);
  if (limit === undefined || limit < 1 || limit > 100) return friendsErr(400, 6);
  const s = ctx.state;
  const list = [...s.trustedIncomingOf(ctx.userId!).values()]
    .filter((r) => s.users.has(r.from))
    .sort(newestFirst);
  return camelPage(ctx, list, `treq:${ctx.userId}`, limit, (r) => ({
    sentAt: iso(r.sentAt),
    senderId: r.from,
  }));
}

/** Common checks before two users become friends; undefined when they may. */
export function friendGate(state: SimState, me: number, other: number): Reply | undefined {
  if (!state.users.has(other)) return friendsErr(400, 1);
  if (me === other) return friendsErr(400, 7);
  if (state.areFriends(me, other)) return friendsErr(400, 5);
  if (state.isBlocked(me, other)) return friendsErr(403, 3);
  if ((state.friends.get(me)?.size ?? 0) >= MAX_FRIENDS) return friendsErr(400, 11);
  if ((state.friends.get(other)?.size ?? 0) >= MAX_FRIENDS) return friendsErr(400, 12);
  return undefined;
}

export function registerFriendRequests(r: Router): void {
  r.add("GET", `${F}/my/friends/requests`, COOKIE, listRequests);
  r.add("GET", `${F}/my/trusted-friends/requests`, COOKIE, listTrustedRequests);

  r.add("GET", `${F}/user/friend-requests/count`, COOKIE, (ctx) => ({
    status: 200,
    body: { count: ctx.state.incomingOf(ctx.userId!).size },
  }));

  r.add("GET", `${F}/my/new-friend-requests/count`, COOKIE, (ctx) => ({
    status: 200,
    body: { count: ctx.state.newRequestCount(ctx.userId!) },
  }));

  r.add("DELETE", `${F}/my/new-friend-requests`, COOKIE, (ctx) => {
    ctx.state.requestsSeenSeq.set(ctx.userId!, ctx.state.seq);
    return { status: 200, body: { status: true } };
  });

  r.add("POST", `${F}/user/friend-requests/decline-all`, COOKIE, (ctx) => {
    for (const from of [...ctx.state.incomingOf(ctx.userId!).keys()])
      ctx.state.removeRequest(from, ctx.userId!);
    return { status: 200, body: { backgrounded: false } };
  });

  r.add("POST", `${F}/users/:requesterUserId/accept-friend-request`, COOKIE, (ctx) => {
    const from = param(ctx, "requesterUserId");
    const me = ctx.userId!;
    if (from === undefined || !ctx.state.users.has(from)) return friendsErr(400, 1);
    if (!ctx.state.getRequest(from, me)) return friendsErr(400, 10);
    if (ctx.state.isBlocked(me, from)) return friendsErr(403, 3);
    if ((ctx.state.friends.get(me)?.size ?? 0) >= MAX_FRIENDS) return friendsErr(400, 11);
    if ((ctx.state.friends.get(from)?.size ?? 0) >= MAX_FRIENDS) return friendsErr(400, 12);
    ctx.state.makeFriends(me, from);
    return { status: 200, body: {} };
  });

  r.add("POST", `${F}/users/:requesterUserId/decline-friend-request`, COOKIE, (ctx) => {
    const from = param(ctx, "requesterUserId");
    if (from === undefined || !ctx.state.users.has(from)) return friendsErr(400, 1);
    if (!ctx.state.removeRequest(from, ctx.userId!)) return friendsErr(400, 10);
    return { status: 200, body: {} };
  });

  // Off-network friending: any non-empty token of 8+ url-safe characters is accepted.
  r.add("POST", `${F}/users/:senderUserId/accept-friend-request-with-token`, COOKIE, (ctx) => {
    const from = param(ctx, "senderUserId");
    if (from === undefined) return friendsErr(400, 1);
    const token = bodyObject(ctx).friendingToken;
    if (typeof token !== "string" || !/^[A-Za-z0-9_.=-]{8,512}$/.test(token)) return friendsErr(400, 6);
    const gate = friendGate(ctx.state, ctx.userId!, from);
    if (gate) return gate.status === 403 ? friendsErr(400, 3) : gate;
    ctx.state.makeFriends(ctx.userId!, from);
    return { status: 200, body: {} };
  });
}
