/**
 * Roblox error codes → sentences, keyed by API, HTTP status and code, because codes mean
 * different things per API (code 3 is "blocked" in friends, "user is invalid" in groups).
 * `robloxMessage` is the message Roblox documents for the code (the response tables of its
 * friends, presence, groups, users, … API descriptions); `user` is the one plain sentence a
 * Discord user reads.
 */

/** The API families of the two seeds, plus the lookups the UI needs. */
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
  user: string;
}

const said = (robloxMessage: string, user: string): CodeSentence => ({ robloxMessage, user });

const BLOCKED = said(
  "The user is blocked from performing this action.",
  "Roblox blocks this account from doing that with this user.",
);
const TARGET_INVALID = said(
  "The target user is invalid or does not exist.",
  "That Roblox user does not exist or cannot be used here.",
);
const GROUPS_USER_INVALID = said(
  "The user is invalid or does not exist.",
  "That Roblox user does not exist.",
);
const UNAUTHORIZED = said(
  "Authorization has been denied for this request.",
  "The linked cookie no longer works — link again with /roblox link.",
);
const TOKEN_FAILED = said(
  "Token Validation Failed",
  "Roblox refused the request's security token — try again in a moment.",
);
const CAPTCHA = said(
  "The user has not passed the captcha.",
  "Roblox wants a captcha: finish this one in the Roblox app.",
);
const USER_ID_INVALID = said("The user id is invalid.", "That Roblox user does not exist.");
const FLOOD = said("The flood limit has been exceeded.", "Roblox's flood limit — try again in a minute.");

/** Every code of the seeds' tables. Keys are `${status}:${code}` inside each API. */
export const CODE_TABLE: Readonly<Record<RobloxApi, Readonly<Record<string, CodeSentence>>>> = {
  friends: {
    "400:1": TARGET_INVALID,
    "400:3": BLOCKED,
    "400:5": said("The target user is already a friend.", "That user is already a friend."),
    "400:6": said("Invalid parameters.", "Roblox did not accept those options."),
    "400:7": said("The user cannot be friends with itself.", "An account cannot be friends with itself."),
    "400:10": said(
      "The friend request does not exist.",
      "That friend request does not exist any more — it was already handled or withdrawn.",
    ),
    "400:11": said(
      "The current users friends limit has been exceeded.",
      "This account has reached Roblox's friend limit.",
    ),
    "400:12": said(
      "The target users friends limit has been exceeded.",
      "That user has reached Roblox's friend limit.",
    ),
    "400:13": said(
      "The users are not in the same game.",
      "Roblox only allows this between users in the same experience.",
    ),
    "400:15": said("Too many ids.", "That is too many users at once — ask about fewer."),
    "400:16": said("Invalid ids.", "One of those user ids is not valid."),
    "400:31": said(
      "User with max friends sent friend request.",
      "This account already has the most friends Roblox allows, so it cannot send requests.",
    ),
    "400:35": said("Invalid nickname.", "Roblox did not accept that nickname."),
    "401:0": UNAUTHORIZED,
    "403:0": TOKEN_FAILED,
    "403:2": said(
      "The user is banned from performing operation.",
      "Roblox bans this account from doing that right now.",
    ),
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
    "400:8": said("The universe IDs specified are invalid.", "Roblox did not accept those experience ids."),
    "400:9": said("Too many universe IDs were requested.", "Too many experiences asked at once."),
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
export function fallbackSentence(status: number): string {
  if (status === 400) return "Roblox did not accept that request.";
  if (status === 403) return "Roblox refused that request for this account.";
  if (status === 404) return "Roblox could not find that.";
  if (status === 409) return "Roblox says that conflicts with the account's current state.";
  return `Roblox answered with an error (HTTP ${status}).`;
}

/** Fixed sentences for the typed errors that are not table lookups. */
export const SENTENCES = {
  unauthenticated: UNAUTHORIZED.user,
  moderated: "Roblox says the account is restricted right now; see /restrictions.",
  captcha: CAPTCHA.user,
  flood: FLOOD.user,
  unavailable: "Roblox is not answering properly right now — try again in a moment.",
  trackerNeeded:
    "Roblox wants the RBXEventTrackerV2 cookie for this change — run /roblox link again and fill in the tracker field.",
} as const;

/** "try again in 12 seconds" / "in a minute" for rate limits with a known wait. */
export function rateLimitedSentence(retryAfterMs: number | undefined): string {
  if (retryAfterMs === undefined)
    return "Roblox is limiting how fast this account may ask — try again in a minute.";
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (s >= 90)
    return `Roblox is limiting how fast this account may ask — try again in ${Math.ceil(s / 60)} minutes.`;
  return `Roblox is limiting how fast this account may ask — try again in ${s} second${s === 1 ? "" : "s"}.`;
}
