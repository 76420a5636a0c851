import { paginate } from "../cursor.js";
import { friendsErr, type Reply } from "../errors.js";
import { PRESENCE_NAMES, type SimUser } from "../model.js";
import type { Ctx, Router } from "../router.js";
import type { SimState } from "../state.js";
import { presenceSeenBy } from "./presence.js";
import { byName, detailsOf, intQuery, namesOf, param, toId } from "./util.js";

const COOKIE = { auth: "cookie" } as const;
const F = "/friends/v1";
const INACTIVE_MS = 30 * 86_400_000;
/** GET users/{id}/friends is capped like Roblox's; paging goes through friends/find. */
const FRIENDS_CAP = 200;

function friendUsers(state: SimState, userId: number): SimUser[] {
  const out: SimUser[] = [];
  for (const id of state.friends.get(userId) ?? []) {
    const u = state.users.get(id);
    if (u) out.push(u);
  }
  return out;
}

/**
 * userSort 0 Alphabetical, 1 StatusAlphabetical, 2 StatusFrequents (the names public clients give
 * these values, docs/roblox-behaviour.md, "userSort"). "Status" puts in-game, then in-Studio, then
 * online friends first; the simulator keeps no play frequency, so "Frequents" falls back to
 * friendship order.
 */
function sortFriends(state: SimState, list: SimUser[], sort: number): SimUser[] {
  if (sort === 0) return list.sort(byName);
  const rank = (u: SimUser) => [4, 3, 1, 2, 4][state.presenceOf(u.id).userPresenceType] ?? 4;
  if (sort === 1) return list.sort((a, b) => rank(a) - rank(b) || byName(a, b));
  const order = new Map(list.map((u, i) => [u.id, i]));
  return list.sort((a, b) => rank(a) - rank(b) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * Roblox.Friends.Api.Models.Response.UserResponse (users/{id}/friends, friends/inactive). Since the
 * October 2024 friends rework these items carry the id, and name/displayName absent or empty; the
 * other fields of the model come only with `userDetails: "present"` (docs/roblox-behaviour.md,
 * "Names in friends listings").
 */
function userResponse(state: SimState, u: SimUser) {
  const m = state.modes;
  if (m.userDetails === "absent") return { id: u.id, ...namesOf(m, u) };
  const p = state.presenceOf(u.id).userPresenceType;
  return {
    isOnline: p >= 1 && p <= 3,
    presenceType: p === 4 ? 0 : p,
    isDeleted: false,
    friendFrequentScore: 0,
    friendFrequentRank: 1,
    ...detailsOf(m, u),
    id: u.id,
    ...namesOf(m, u),
  };
}

type Target = { id: number } | { error: Reply };

function target(ctx: Ctx, name = "userId"): Target {
  const id = param(ctx, name);
  if (id === undefined || !ctx.state.users.has(id)) return { error: friendsErr(400, 1) };
  return { id };
}

function cursorPage(ctx: Ctx, list: SimUser[], kind: string, defLimit: number): Reply {
  const limit = intQuery(ctx, "limit", defLimit);
  if (limit === undefined || limit < 1 || limit > 50) return friendsErr(400, 6);
  const page = paginate(list, kind, ctx.query.get("cursor"), limit);
  if (!page) return friendsErr(400, 6);
  return {
    status: 200,
    body: {
      PreviousCursor: page.previous,
      PageItems: page.items.map((u) => ({ id: u.id, hasVerifiedBadge: u.hasVerifiedBadge })),
      NextCursor: page.next,
      // Roblox often leaves HasMore null: clients must page on NextCursor.
      HasMore: null,
    },
  };
}

export function registerFriendLists(r: Router): void {
  r.add("GET", `${F}/my/friends/count`, COOKIE, (ctx) => ({
    status: 200,
    body: { count: ctx.state.friends.get(ctx.userId!)?.size ?? 0 },
  }));

  r.add("GET", `${F}/users/:userId/friends/count`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    return { status: 200, body: { count: ctx.state.friends.get(t.id)?.size ?? 0 } };
  });

  r.add("GET", `${F}/users/:userId/friends`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    const sort = intQuery(ctx, "userSort", 0);
    if (sort === undefined || sort < 0 || sort > 2) return friendsErr(400, 1);
    const list = sortFriends(ctx.state, friendUsers(ctx.state, t.id), sort).slice(0, FRIENDS_CAP);
    return { status: 200, body: { data: list.map((u) => userResponse(ctx.state, u)) } };
  });

  r.add("GET", `${F}/users/:userId/friends/find`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    // Roblox's friends OpenAPI gives find a default userSort of 2 (docs/roblox-behaviour.md, "userSort").
    const sort = intQuery(ctx, "userSort", 2);
    const type = intQuery(ctx, "findFriendsType", 0);
    if (sort === undefined || sort < 0 || sort > 2 || type === undefined || type < 0 || type > 1) {
      return friendsErr(400, 6);
    }
    const list = sortFriends(ctx.state, friendUsers(ctx.state, t.id), sort);
    return cursorPage(ctx, list, `find:${t.id}:${sort}:${type}`, 50);
  });

  r.add("GET", `${F}/users/:userId/friends/search`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    const q = (ctx.query.get("query") ?? "").trim().toLowerCase();
    if (q.length > 50) return friendsErr(400, 6);
    const list = friendUsers(ctx.state, t.id).filter(
      (u) => q === "" || u.name.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q),
    );
    return cursorPage(ctx, list.sort(byName), `search:${t.id}:${q}`, 20);
  });

  r.add("GET", `${F}/users/:userId/friends/online`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    const sort = intQuery(ctx, "userSort", 0);
    if (sort === undefined || sort < 0 || sort > 2) return friendsErr(400, 6);
    const online = friendUsers(ctx.state, t.id).filter((u) => {
      const p = ctx.state.presenceOf(u.id).userPresenceType;
      return p >= 1 && p <= 3;
    });
    const data = sortFriends(ctx.state, online, sort).map((u, i) => {
      const p = presenceSeenBy(ctx.state, u.id, ctx.userId);
      return {
        userPresence: {
          UserPresenceType: PRESENCE_NAMES[p.userPresenceType],
          UserLocationType:
            p.userPresenceType === 2 ? "Game" : p.userPresenceType === 3 ? "Studio" : "Website",
          lastLocation: p.lastLocation,
          placeId: p.placeId,
          rootPlaceId: p.rootPlaceId,
          gameInstanceId: p.gameId,
          universeId: p.universeId,
        },
        sortScore: online.length - i,
        id: u.id,
        ...namesOf(ctx.state.modes, u),
      };
    });
    return { status: 200, body: { data } };
  });

  r.add("GET", `${F}/users/:userId/friends/inactive`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    const data = friendUsers(ctx.state, t.id)
      .filter((u) => {
        const p = ctx.state.presenceOf(u.id);
        return p.userPresenceType === 0 && ctx.now - p.lastOnline > INACTIVE_MS;
      })
      .map((u) => userResponse(ctx.state, u));
    return { status: 200, body: { data } };
  });

  r.add("GET", `${F}/users/:userId/friends/statuses`, COOKIE, (ctx) => {
    const t = target(ctx);
    if ("error" in t) return t.error;
    const raw = ctx.query.getAll("userIds");
    if (raw.length > 100) return friendsErr(400, 15);
    const ids: number[] = [];
    for (const v of raw) {
      const id = toId(v);
      if (id === undefined) return friendsErr(400, 16);
      ids.push(id);
    }
    if (ids.length === 0) return friendsErr(400, 16);
    const s = ctx.state;
    const data = ids.map((id) => ({
      id,
      status: s.areFriends(t.id, id)
        ? "Friends"
        : s.getRequest(t.id, id)
          ? "RequestSent"
          : s.getRequest(id, t.id)
            ? "RequestReceived"
            : "NotFriends",
    }));
    return { status: 200, body: { data } };
  });

  r.add("GET", `${F}/metadata`, COOKIE, (ctx) => {
    const raw = ctx.query.get("targetUserId");
    const id = raw ? toId(raw) : ctx.userId!;
    const u = id === undefined ? undefined : ctx.state.users.get(id);
    return {
      status: 200,
      body: {
        isFriendsFilterBarEnabled: true,
        isFriendsPageSortExperimentEnabled: false,
        isFriendsUserDataStoreCacheEnabled: false,
        frequentFriendSortRollout: 0,
        userName: u?.name ?? "",
        displayName: u?.displayName ?? "",
      },
    };
  });

  r.add("GET", `${F}/my/friends/:userId/check-qr-session`, COOKIE, () => ({ status: 200, body: false }));
}
