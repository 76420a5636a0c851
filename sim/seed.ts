import { offlinePresence, type Presence } from "./model.js";
import type { SimState } from "./state.js";

/** The fixed part of every simulated `.ROBLOSECURITY` (real cookies start the same way). */
export const COOKIE_PREFIX =
  "_|WARNING:-DO-NOT-SHARE-THIS.--Sharing-this-will-allow-someone-to-log-in-as-you-and-to-steal-your-ROBUX-and-items.|";

/** `…_SIMCOOKIE<id>`; a rotated cookie gets `_R<generation>` appended. */
export function cookieFor(userId: number, generation = 0): string {
  return `${COOKIE_PREFIX}_SIMCOOKIE${userId}${generation > 0 ? `_R${generation}` : ""}`;
}

export function trackerFor(userId: number): string {
  return `CreateDate=1/1/2025&rbxid=${userId}&browserid=${userId}`;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Seeded ids and cookies, so tests never hard-code strings. */
export const SEED = {
  child: {
    id: 1001,
    name: "KidAccount",
    displayName: "Kid",
    cookie: cookieFor(1001),
    tracker: trackerFor(1001),
    dailyLimit: 120,
    /** minutes played, index = daysAgo */
    weekly: [95, 110, 60, 45, 130, 80, 100],
  },
  parent: {
    id: 1002,
    name: "ParentAccount",
    displayName: "Parent",
    cookie: cookieFor(1002),
    tracker: trackerFor(1002),
  },
  /** 2001..2130, all friends of the child. */
  friendIds: range(2001, 2130),
  /**
   * 2001..2005 Online, 2006..2010 InGame (Adopt Me!), 2011 InStudio, 2012 InGame with joins off
   * (in `hiddenGame`, which others see only as userPresenceType 2).
   */
  onlineFriendIds: range(2001, 2005),
  inGameFriendIds: range(2006, 2010),
  inStudioFriendIds: [2011],
  hiddenGameFriendIds: [2012],
  /** offline for 90 days → friends/inactive */
  inactiveFriendIds: range(2121, 2130),
  /** 3001..3010; 3001 and 3002 have pending requests to the child (3002 newest). */
  requesterIds: range(3001, 3010),
  pendingRequesterIds: [3001, 3002],
  /** 4001..4010: no relation to anyone. */
  strangerIds: range(4001, 4010),
  /** contact id "contact-400N" → stranger 400N (contacts/{id}/request-friendship). */
  contactIds: range(4001, 4010).map((id) => `contact-${id}`),
  groupIds: [7001, 7002, 7003],
  game: { placeId: 920587237, rootPlaceId: 920587237, universeId: 383310974, name: "Adopt Me!" },
  /** where 2012 plays with joins off */
  hiddenGame: { placeId: 5550002, rootPlaceId: 5550002, universeId: 5550001, name: "Sim Obby Tower" },
  cookiePrefix: COOKIE_PREFIX,
} as const;

const DAY_MS = 86_400_000;

/** The seeded crowds around the child: names are a prefix and the id; one creation date each. */
const CROWDS = [
  { ids: SEED.friendIds, name: "Friend", displayName: "Pal", created: "2021-03-01T12:00:00.000Z" },
  { ids: SEED.requesterIds, name: "Requester", displayName: "Req", created: "2022-06-01T08:00:00.000Z" },
  { ids: SEED.strangerIds, name: "Stranger", displayName: "Stranger", created: "2023-01-15T10:00:00.000Z" },
];

/** In game `g` (its place, root place and universe), with a game id of its own per user. */
function inGame(g: typeof SEED.game | typeof SEED.hiddenGame, id: number, now: number): Presence {
  return {
    userPresenceType: 2,
    lastLocation: g.name,
    placeId: g.placeId,
    rootPlaceId: g.rootPlaceId,
    universeId: g.universeId,
    gameId: `6b2c5a3e-0000-4000-8000-00000000${id}`,
    lastOnline: now,
  };
}

export function applySeed(s: SimState): void {
  const now = Date.now();
  const { child, parent } = SEED;
  s.addUser({
    id: child.id,
    name: child.name,
    displayName: child.displayName,
    description: "obbies and pets",
    created: "2019-05-04T16:20:00.000Z",
  });
  s.addUser({
    id: parent.id,
    name: parent.name,
    displayName: parent.displayName,
    created: "2015-02-11T09:00:00.000Z",
  });
  s.issueCookie(child.id);
  s.issueCookie(parent.id);
  // Roblox links a parent's own account to the child's (docs/roblox-behaviour.md, "Parent accounts
  // and consent requests"); no consent request is pending at start.
  s.linkParent(parent.id, child.id);

  for (const c of CROWDS) {
    for (const id of c.ids) {
      s.addUser({
        id,
        name: `${c.name}${id}`,
        displayName: `${c.displayName}${id}`,
        created: c.created,
        hasVerifiedBadge: id === 2001,
      });
    }
  }
  for (const id of SEED.friendIds) {
    s.makeFriends(child.id, id);
    s.presence.set(id, offlinePresence(now - (id >= 2121 ? 90 : 1 + (id % 5)) * DAY_MS));
  }
  const g = SEED.game;
  for (const id of SEED.onlineFriendIds)
    s.presence.set(id, {
      ...s.presenceOf(id),
      userPresenceType: 1,
      lastLocation: "Website",
      lastOnline: now,
    });
  for (const id of SEED.inGameFriendIds) s.presence.set(id, inGame(g, id, now));
  for (const id of SEED.inStudioFriendIds)
    s.presence.set(id, { ...s.presenceOf(id), userPresenceType: 3, lastLocation: "Studio", lastOnline: now });
  const h = SEED.hiddenGame;
  for (const id of SEED.hiddenGameFriendIds) s.presence.set(id, { ...inGame(h, id, now), joinsOff: true });
  for (const u of [g, h]) {
    s.universes.set(u.universeId, {
      id: u.universeId,
      rootPlaceId: u.rootPlaceId,
      name: u.name,
      description: `${u.name} (simulated)`,
      creatorId: 7001,
      creatorName: "Sim Builders Club",
      creatorType: "Group",
      created: "2017-06-01T12:00:00.000Z",
      updated: "2026-01-01T12:00:00.000Z",
    });
  }

  // mutual friends for the requests
  s.makeFriends(3001, 2001);
  s.makeFriends(3001, 2002);
  s.addRequest(3001, child.id, { sentAt: now - 2 * 3_600_000, originSourceType: 1 });
  s.addRequest(3002, child.id, { sentAt: now - 3_600_000, originSourceType: 4, nickname: "school" });

  for (const id of SEED.strangerIds) s.contacts.set(`contact-${id}`, id);

  const groups = [
    { id: 7001, name: "Sim Builders Club", memberCount: 1520, hasVerifiedBadge: false },
    { id: 7002, name: "Obby Makers", memberCount: 84211, hasVerifiedBadge: true },
    { id: 7003, name: "Pet Trainers", memberCount: 310, hasVerifiedBadge: false },
  ];
  for (const gr of groups) s.groups.set(gr.id, gr);
  for (let i = 0; i < 30; i++) {
    const uid = 2001 + i;
    const gid = groups[i % 3]!.id;
    const owner = i < 3;
    s.memberships.set(uid, [
      {
        groupId: gid,
        role: owner
          ? { id: gid * 10 + 255, name: "Owner", rank: 255 }
          : { id: gid * 10 + 1, name: "Member", rank: 1 },
      },
    ]);
  }

  const st = s.screenTimeOf(child.id);
  st.dailyLimit = child.dailyLimit;
  st.days = [...child.weekly];
}
