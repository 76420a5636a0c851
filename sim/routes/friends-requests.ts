import { paginate } from "../cursor.js";
import { friendsErr, type Reply } from "../errors.js";
import type { FriendRequest } from "../model.js";
import type { Ctx, Router } from "../router.js";
import { MAX_FRIENDS, type SimState } from "../state.js";
import { bodyObject, byName, intQuery, iso, param, userCore } from "./util.js";

const COOKIE = { auth: "cookie" } as const;
const F = "/friends/v1";
const LIMITS = new Set([10, 18, 25, 50, 100]);

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

function requestItem(state: SimState, r: FriendRequest) {
  const u = state.users.get(r.from)!;
  return {
    friendRequest: {
      sentAt: iso(r.sentAt),
      senderId: r.from,
      sourceUniverseId: null,
      originSourceType: ORIGIN_SOURCE_TYPES[r.originSourceType] ?? "Unknown",
      contactName: null,
      senderNickname: r.nickname,
    },
    mutualFriendsList: mutualNames(state, r.from, r.to),
    ...userCore(u),
  };
}

/**
 * Order: sortOrder=Desc (default) newest first, Asc oldest first. friendRequestSort 0 = newest
 * first, 1 = oldest first, 2 = by sender name; an explicit sortOrder wins.
 */
function listRequests(ctx: Ctx): Reply {
  const limit = intQuery(ctx, "limit", 10);
  const frs = intQuery(ctx, "friendRequestSort", 0);
  const sortOrder = ctx.query.get("sortOrder");
  if (limit === undefined || !LIMITS.has(limit)) return friendsErr(400, 6);
  if (frs === undefined || frs < 0 || frs > 2) return friendsErr(400, 6);
  if (sortOrder !== null && sortOrder !== "Asc" && sortOrder !== "Desc") return friendsErr(400, 6);
  const s = ctx.state;
  let list = [...s.incomingOf(ctx.userId!).values()].filter((r) => s.users.has(r.from));
  if (frs === 2 && sortOrder === null) {
    list.sort((a, b) => byName(s.users.get(a.from)!, s.users.get(b.from)!));
  } else {
    const asc = sortOrder === "Asc" || (sortOrder === null && frs === 1);
    list.sort((a, b) => a.sentAt - b.sentAt || a.seq - b.seq);
    if (!asc) list = list.reverse();
  }
  const kind = `req:${ctx.userId}:${frs}:${sortOrder ?? ""}`;
  const page = paginate(list, kind, ctx.query.get("cursor"), limit);
  if (!page) return friendsErr(400, 6);
  return {
    status: 200,
    body: {
      previousPageCursor: page.previous,
      nextPageCursor: page.next,
      data: page.items.map((r) => requestItem(s, r)),
    },
  };
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
