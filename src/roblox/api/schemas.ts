/**
 * zod schemas of every response. Lenient: unknown keys pass through (looseObject), fields
 * Roblox may omit are optional, fields it may null are nullish. Only what a caller cannot do
 * without (an id to key on, the count of a count endpoint) is required. A parse failure becomes
 * an "unavailable" error naming the endpoint (transport/http.ts), never a crash.
 */
import { z } from "zod";

const id = z.number().int().nonnegative();
const str = z.string().nullish();
const bool = z.boolean().nullish();
const num = z.number().nullish();
/** A list Roblox may null or leave out: read as empty. */
const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);

// ---- friends (seed 000) ----
export const CountResponse = z.looseObject({ count: z.number().int() });
export const CaptchaStatusResponse = z.looseObject({ success: bool, isCaptchaRequired: bool });
/** ApiEmptyResponseModel: `{}` — or no body at all. */
export const EmptyResponse = z.union([z.looseObject({}), z.undefined()]);
export const FriendsMetadata = z.looseObject({
  isFriendsFilterBarEnabled: bool,
  isFriendsPageSortExperimentEnabled: bool,
  isFriendsUserDataStoreCacheEnabled: bool,
  frequentFriendSortRollout: num,
  userName: str,
  displayName: str,
});
export const RefreshQrSessionResponse = z.looseObject({ Success: bool });
export const CheckQrSessionResponse = z.boolean();
export const ClearNewFriendRequestResponse = z.looseObject({ status: bool });
export const DeclineAllResponse = z.looseObject({ backgrounded: bool });
export const MultigetAreFriendsResponse = z.looseObject({
  friendsId: listOf(id),
});

export const FriendRequestItem = z
  .looseObject({
    id: id.optional(),
    name: str,
    displayName: str,
    friendRequest: z
      .looseObject({
        sentAt: str,
        senderId: id.optional(),
        sourceUniverseId: num,
        originSourceType: z.union([z.string(), z.number()]).nullish(),
        contactName: str,
        senderNickname: str,
      })
      .nullish(),
    mutualFriendsList: z.array(z.string()).nullish(),
    hasVerifiedBadge: bool,
    description: str,
    created: str,
    isBanned: bool,
  })
  .transform((r, ctx) => {
    const senderId = r.friendRequest?.senderId ?? r.id;
    if (senderId === undefined) {
      ctx.addIssue({ code: "custom", message: "friend request without a sender id" });
      return z.NEVER;
    }
    return { ...r, senderId };
  });
export const FriendRequestsPage = z.looseObject({
  previousPageCursor: str,
  nextPageCursor: str,
  data: listOf(FriendRequestItem),
});

/**
 * TrustedFriendRequestResponse of my/trusted-friends/requests: `{ sentAt, senderId }` only
 * (docs/roblox-behaviour.md), shaped like a friend-request item so one diff and card serve both.
 */
export const TrustedRequestItem = z.looseObject({ senderId: id, sentAt: str }).transform((r) => ({
  senderId: r.senderId,
  friendRequest: { sentAt: r.sentAt ?? null, senderId: r.senderId },
}));
export const TrustedRequestsPage = z.looseObject({
  previousPageCursor: str,
  nextPageCursor: str,
  data: listOf(TrustedRequestItem),
});

/** FriendResponse of friends/find and friends/search (ids only). */
export const FriendItem = z.looseObject({
  id,
  hasVerifiedBadge: bool,
  name: str,
  displayName: str,
});
export const FriendsCursorPage = z.looseObject({
  PreviousCursor: str,
  NextCursor: str,
  HasMore: bool,
  PageItems: listOf(FriendItem),
});

/** UserResponse of /users/{id}/friends and friends/inactive. */
export const FriendUser = z.looseObject({
  id,
  name: str,
  displayName: str,
  isOnline: bool,
  presenceType: z.union([z.number(), z.string()]).nullish(),
  isDeleted: bool,
  friendFrequentScore: num,
  friendFrequentRank: num,
  hasVerifiedBadge: bool,
  description: str,
  created: str,
  isBanned: bool,
  externalAppDisplayName: str,
});
export const FriendUsersResponse = z.looseObject({ data: z.array(FriendUser) });

export const OnlineFriend = z.looseObject({
  id,
  name: str,
  displayName: str,
  sortScore: num,
  userPresence: z
    .looseObject({
      UserPresenceType: z.union([z.string(), z.number()]).nullish(),
      UserLocationType: z.union([z.string(), z.number()]).nullish(),
      userPresenceType: z.union([z.string(), z.number()]).nullish(),
      lastLocation: str,
      placeId: num,
      rootPlaceId: num,
      gameInstanceId: str,
      universeId: num,
      lastOnline: str,
    })
    .nullish(),
});
export const OnlineFriendsResponse = z.looseObject({ data: z.array(OnlineFriend) });

export const FriendStatus = z.looseObject({ id, status: z.string() });
export const FriendStatusesResponse = z.looseObject({ data: z.array(FriendStatus) });

// ---- groups ----
export const FriendGroupsResponse = z.looseObject({
  data: z.array(
    z.looseObject({
      user: z
        .looseObject({ userId: id.optional(), id: id.optional(), username: str, name: str, displayName: str })
        .nullish(),
      groups: listOf(
        z.looseObject({
          group: z.looseObject({ id, name: z.string(), memberCount: num, hasVerifiedBadge: bool }),
          role: z.looseObject({ id: num, name: str, rank: num }).nullish(),
        }),
      ),
    }),
  ),
});

// ---- presence ----
/** 0 Offline, 1 Online, 2 InGame, 3 InStudio, 4 Invisible (docs/roblox-behaviour.md, Presence); other values pass through. */
export const UserPresence = z.looseObject({
  userId: id,
  userPresenceType: z.number().int(),
  lastLocation: str,
  placeId: num,
  rootPlaceId: num,
  gameId: str,
  universeId: num,
});
export const UserPresencesResponse = z.looseObject({ userPresences: z.array(UserPresence) });

// ---- users ----
export const AuthenticatedUser = z.looseObject({ id, name: z.string(), displayName: z.string() });
export const PublicUser = z.looseObject({
  id,
  name: z.string(),
  displayName: z.string(),
  description: str,
  created: str,
  isBanned: bool,
  hasVerifiedBadge: bool,
  externalAppDisplayName: str,
});
export const BatchUser = z.looseObject({
  id,
  name: z.string(),
  displayName: z.string(),
  hasVerifiedBadge: bool,
});
export const UsersBatchResponse = z.looseObject({ data: z.array(BatchUser) });
export const UsernameUser = BatchUser.extend({ requestedUsername: str });
export const UsernamesResponse = z.looseObject({ data: z.array(UsernameUser) });

// ---- thumbnails ----
export const Thumbnail = z.looseObject({
  targetId: id,
  state: z.string(),
  imageUrl: z.string().nullish(),
  version: str,
});
export const ThumbnailsResponse = z.looseObject({ data: z.array(Thumbnail) });

// ---- games (experience names by universe) ----
export const Game = z.looseObject({ id, rootPlaceId: num, name: z.string() });
export const GamesResponse = z.looseObject({ data: z.array(Game) });

// ---- user settings / parental controls (seed 004) ----
export const SettingsAndOptions = z.looseObject({
  dailyScreenTimeLimit: z
    .looseObject({ currentValue: z.number().nullish(), options: z.array(z.unknown()).nullish() })
    .nullish(),
});
export const UpdateSettingsResponse = z.union([
  z.looseObject({ cascadingSettingUpdates: z.unknown().optional() }),
  z.undefined(),
]);
export const WeeklyScreentime = z.looseObject({
  dailyScreentimes: z.array(z.looseObject({ daysAgo: z.number().int(), minutesPlayed: z.number() })),
  localDayOfWeek: z.number().int().min(0).max(6),
});
/** add-temporary-screentime answers 204 with no body (tolerate `{}`). */
export const NoContent = z.union([z.undefined(), z.looseObject({})]);

// ---- user moderation (seed 004) ----
export const Restriction = z.looseObject({
  source: z.number().int(),
  moderationStatus: num,
  startTime: str,
  endTime: str,
  durationSeconds: num,
});
export const RestrictionStatus = z.looseObject({ restriction: Restriction.nullish() });
export const BanDetails = z.looseObject({
  punishedUserId: num,
  messageToUser: str,
  punishmentTypeDescription: str,
  beginDate: str,
  endDate: str,
  badUtterances: z.array(z.looseObject({ labelTranslationKey: str, utteranceText: str })).nullish(),
});

export type FriendRequest = z.output<typeof FriendRequestItem>;
export type TrustedRequest = z.output<typeof TrustedRequestItem>;
export type Friend = z.output<typeof FriendItem>;
export type FriendUserT = z.output<typeof FriendUser>;
export type OnlineFriendT = z.output<typeof OnlineFriend>;
export type FriendStatusT = z.output<typeof FriendStatus>;
export type UserPresenceT = z.output<typeof UserPresence>;
export type PublicUserT = z.output<typeof PublicUser>;
export type BatchUserT = z.output<typeof BatchUser>;
export type UsernameUserT = z.output<typeof UsernameUser>;
export type ThumbnailT = z.output<typeof Thumbnail>;
export type GameT = z.output<typeof Game>;
export type RestrictionT = z.output<typeof Restriction>;
export type BanDetailsT = z.output<typeof BanDetails>;
export type WeeklyScreentimeT = z.output<typeof WeeklyScreentime>;

// ---- parent side of parental controls (docs/roblox-behaviour.md, "Parent accounts and consent requests") ----
/** An id Roblox may send as a number or a numeric string (the dashboard coerces with Number()). */
const looseId = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,20}$/)
    .transform(Number),
]);
export const ChildInfo = z.looseObject({ userId: looseId, userName: str, displayName: str });
export const ChildrenInfo = z.looseObject({ childrenInfoList: z.array(ChildInfo).nullish() });
export const Consent = z.looseObject({
  id: z.union([z.string().min(1), z.number().int().transform(String)]),
  childUserId: looseId,
  parentUserId: z.union([z.string(), z.number()]).nullish(),
  consentType: z.string(),
  consentOutcome: str,
  consentData: z.record(z.string(), z.unknown()).nullish(),
  createdTime: str,
});
export const ConsentsPage = z.looseObject({ consents: z.array(Consent).nullish(), nextCursor: str });
export type ChildInfoT = z.output<typeof ChildInfo>;
export type ConsentT = z.output<typeof Consent>;
