/**
 * Roblox error codes → sentences, keyed by API, HTTP status and code, because codes mean
 * different things per API (code 3 is "blocked" in friends, "user is invalid" in groups).
 * `robloxMessage` is the message Roblox documents for the code (the response tables of its
 * friends, presence, groups, users, … API descriptions); `user` is the one plain sentence a
 * Discord user reads.
 */

/** The API families of the two seeds, plus the lookups the UI needs. */
import { type Said, said as said2 } from "../../errors.js";
import type { MessageKey } from "../../i18n/t.js";

export type RobloxApi =
  | "friends"
  | "presence"
  | "groups"
  | "users"
  | "thumbnails"
  | "games"
  | "user-settings"
  | "parental-controls"
  | "usermoderation";

export interface CodeSentence {
  /** Roblox's own message for this code, as its API description documents it. */
  robloxMessage: string;
  /** The sentence a Discord user reads, as a message key (src/i18n/locales/en-US.ts, "error.roblox."). */
  user: MessageKey;
}

const said = (robloxMessage: string, user: MessageKey): CodeSentence => ({ robloxMessage, user });

const BLOCKED = said("The user is blocked from performing this action.", "error.roblox.blocked");
const TARGET_INVALID = said("The target user is invalid or does not exist.", "error.roblox.targetInvalid");
const GROUPS_USER_INVALID = said("The user is invalid or does not exist.", "error.roblox.userMissing");
const UNAUTHORIZED = said("Authorization has been denied for this request.", "error.roblox.unauthorized");
const TOKEN_FAILED = said("Token Validation Failed", "error.roblox.tokenFailed");
const CAPTCHA = said("The user has not passed the captcha.", "error.roblox.captcha");
const USER_ID_INVALID = said("The user id is invalid.", "error.roblox.userMissing");
const FLOOD = said("The flood limit has been exceeded.", "error.roblox.flood");

/** Every code of the seeds' tables. Keys are `${status}:${code}` inside each API. */
export const CODE_TABLE: Readonly<Record<RobloxApi, Readonly<Record<string, CodeSentence>>>> = {
  friends: {
    "400:1": TARGET_INVALID,
    "400:3": BLOCKED,
    "400:5": said("The target user is already a friend.", "error.roblox.alreadyFriend"),
    "400:6": said("Invalid parameters.", "error.roblox.badOptions"),
    "400:7": said("The user cannot be friends with itself.", "error.roblox.selfFriend"),
    "400:10": said("The friend request does not exist.", "error.roblox.requestGone"),
    "400:11": said("The current users friends limit has been exceeded.", "error.roblox.ownFriendLimit"),
    "400:12": said("The target users friends limit has been exceeded.", "error.roblox.theirFriendLimit"),
    "400:13": said("The users are not in the same game.", "error.roblox.sameGame"),
    "400:15": said("Too many ids.", "error.roblox.tooManyUsers"),
    "400:16": said("Invalid ids.", "error.roblox.badUserIds"),
    "400:31": said("User with max friends sent friend request.", "error.roblox.maxFriendsSend"),
    "400:35": said("Invalid nickname.", "error.roblox.badNickname"),
    "401:0": UNAUTHORIZED,
    "403:0": TOKEN_FAILED,
    "403:2": said("The user is banned from performing operation.", "error.roblox.banned"),
    "403:3": BLOCKED,
    "403:14": CAPTCHA,
    "429:9": FLOOD,
  },
  groups: { "400:3": GROUPS_USER_INVALID, "403:3": GROUPS_USER_INVALID },
  // Seed 004 lists no per-code tables; these are the answers Roblox (and the simulator) give.
  users: {
    "400:3": USER_ID_INVALID,
    "404:3": USER_ID_INVALID,
    "401:0": UNAUTHORIZED,
  },
  presence: { "401:0": UNAUTHORIZED, "403:0": TOKEN_FAILED },
  thumbnails: {},
  games: {
    "400:8": said("The universe IDs specified are invalid.", "error.roblox.badUniverses"),
    "400:9": said("Too many universe IDs were requested.", "error.roblox.tooManyUniverses"),
  },
  "user-settings": { "401:0": UNAUTHORIZED, "403:0": TOKEN_FAILED },
  "parental-controls": { "401:0": UNAUTHORIZED, "403:0": TOKEN_FAILED },
  usermoderation: { "401:0": UNAUTHORIZED },
};

/**
 * Roblox's documented message and the user's sentence for (api, status, code), if the tables
 * know it. Code 0 is Roblox's catch-all: it matches only when the message Roblox sent is the
 * documented one (or absent),
 * so a 403 code 0 "…RBXEventTrackerV2 … required" is not read as "Token Validation Failed".
 */
export function lookupCode(
  api: RobloxApi,
  status: number,
  code: number | undefined,
  message?: string,
): CodeSentence | undefined {
  if (code === undefined) return undefined;
  const hit = CODE_TABLE[api][`${status}:${code}`];
  if (hit === undefined || code !== 0 || message === undefined) return hit;
  const norm = (t: string) => t.toLowerCase().replace(/[.\s]+$/, "");
  return norm(message) === norm(hit.robloxMessage) ? hit : undefined;
}

/** A sentence when the tables have nothing for this answer. */
export function fallbackSentence(status: number): Said {
  if (status === 400) return said2("error.roblox.fallback400");
  if (status === 403) return said2("error.roblox.fallback403");
  if (status === 404) return said2("error.roblox.fallback404");
  if (status === 409) return said2("error.roblox.fallback409");
  return said2("error.roblox.fallback", { status: String(status) });
}

/** Fixed sentences for the typed errors that are not table lookups. */
export const SENTENCES = {
  unauthenticated: UNAUTHORIZED.user,
  moderated: "error.roblox.moderated",
  captcha: CAPTCHA.user,
  flood: FLOOD.user,
  unavailable: "error.roblox.unavailable",
  trackerNeeded: "error.roblox.trackerNeeded",
} as const satisfies Record<string, MessageKey>;

/** "try again in 12 seconds" / "in a minute" for rate limits with a known wait. */
export function rateLimitedSentence(retryAfterMs: number | undefined): Said {
  if (retryAfterMs === undefined) return said2("error.roblox.rateLimited");
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (s >= 90) return said2("error.roblox.rateLimitedMinutes", { count: Math.ceil(s / 60) });
  return said2("error.roblox.rateLimitedSeconds", { count: s });
}
