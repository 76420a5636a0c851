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
}

export interface FriendRequest {
  from: number;
  to: number;
  sentAt: number;
  seq: number;
  nickname: string;
  originSourceType: number;
}

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
