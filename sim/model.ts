/** Plain data shapes of the simulator's state. */

export interface SimUser {
  id: number;
  name: string;
  displayName: string;
  description: string;
  created: string;
  isBanned: boolean;
  hasVerifiedBadge: boolean;
}

/** 0 Offline, 1 Online, 2 InGame, 3 InStudio, 4 Invisible. */
export type PresenceType = 0 | 1 | 2 | 3 | 4;

export interface Presence {
  userPresenceType: PresenceType;
  lastLocation: string;
  placeId: number | null;
  rootPlaceId: number | null;
  universeId: number | null;
  gameId: string | null;
  /** ms epoch; drives friends/inactive (offline for more than 30 days). */
  lastOnline: number;
  /**
   * The user lets nobody (or not this viewer) join them: others see userPresenceType 2 with the
   * place hidden (docs/roblox-behaviour.md, "Presence of a user with joins off").
   */
  joinsOff?: boolean;
}

export interface FriendRequest {
  from: number;
  to: number;
  sentAt: number;
  seq: number;
  nickname: string;
  /** 0..12 (docs/roblox-behaviour.md, "Origins of a friend request"). */
  originSourceType: number;
  /** Overrides the name sent for originSourceType (a string, or the bare number). */
  originSourceName?: string | number;
  /** The experience the request was sent from; null when none. */
  sourceUniverseId: number | null;
}

/** An incoming trusted-connection request (listed apart from friend requests). */
export interface TrustedRequest {
  from: number;
  to: number;
  sentAt: number;
  seq: number;
}

/** An experience (universe) for the public games lookup. */
export interface Universe {
  id: number;
  rootPlaceId: number;
  name: string;
  description: string;
  creatorId: number;
  creatorName: string;
  creatorType: "User" | "Group";
  created: string;
  updated: string;
}

/**
 * How the simulator shapes the payloads where Roblox omits or empties fields
 * (docs/roblox-behaviour.md explains each switch and its evidence).
 */
export interface PayloadModes {
  /** name/displayName on friend-request items and friends-list items. */
  names: "absent" | "empty" | "present";
  /** created/description/isBanned/hasVerifiedBadge/... on those items. */
  userDetails: "absent" | "present";
  /** universeId of an in-game user with joins off, as others see it. */
  joinsOffUniverseId: "null" | "present";
  /** mutualFriendsList on friend-request items: the mutual friends' names, or [] (unknown whether Roblox still fills it). */
  mutualFriendsList: "names" | "empty";
  /** What each friendRequestSort value does on my/friends/requests. */
  friendRequestSort: Record<"0" | "1" | "2", RequestOrder>;
  /**
   * A child with a linked parent changing its own daily limit: `self` lets it (as before parent
   * links), `parent` reports the option as ParentalConsent and refuses the child's own POST
   * (docs/roblox-behaviour.md, "A child's own settings change when a parent manages it").
   */
  parentManagedSettings: "self" | "parent";
}

export type RequestOrder = "newest" | "oldest";

export const DEFAULT_MODES: PayloadModes = {
  names: "absent",
  userDetails: "absent",
  joinsOffUniverseId: "null",
  mutualFriendsList: "names",
  friendRequestSort: { "0": "newest", "1": "newest", "2": "oldest" },
  parentManagedSettings: "self",
};

export interface Restriction {
  /** 1 = ban, 2 = screen time. */
  source: 1 | 2;
  startTime: string;
  endTime: string | null;
  messageToUser: string;
  punishmentTypeDescription: string;
}

export interface ScreenTime {
  /** minutes, 0 = no limit. */
  dailyLimit: number;
  /** index = daysAgo (0 = today), always 7 entries. */
  days: number[];
  /** 0 = Sunday. */
  localDayOfWeek: number;
  /** temporary minutes added today. */
  tempMinutes: number;
}

export interface Session {
  cookie: string;
  userId: number;
  csrf: string;
  csrfEpoch: number;
  rotatePending: boolean;
}

export interface Group {
  id: number;
  name: string;
  memberCount: number;
  hasVerifiedBadge: boolean;
}

export interface Membership {
  groupId: number;
  role: { id: number; name: string; rank: number };
}

export const PRESENCE_NAMES = ["Offline", "Online", "InGame", "InStudio", "Invisible"] as const;

/** Offline, last seen at `lastOnline` (ms epoch): a user the seed or a test sets no presence for. */
export function offlinePresence(lastOnline: number): Presence {
  return {
    userPresenceType: 0,
    lastLocation: "",
    placeId: null,
    rootPlaceId: null,
    universeId: null,
    gameId: null,
    lastOnline,
  };
}
