/** Error bodies exactly as the seeds' tables word them: `{"errors":[{"code":N,"message":"…"}]}`. */

export interface Reply {
  status: number;
  /** JSON-serialised unless `raw` is set; omitted for 204. */
  body?: unknown;
  raw?: { contentType: string; data: string | Buffer };
  headers?: Record<string, string>;
}

export function errorBody(code: number, message: string): { errors: { code: number; message: string }[] } {
  return { errors: [{ code, message }] };
}

export function err(status: number, code: number, message: string, headers?: Record<string, string>): Reply {
  return headers
    ? { status, body: errorBody(code, message), headers }
    : { status, body: errorBody(code, message) };
}

/** Shared by every API. */
export const MSG = {
  unauthorized: "Authorization has been denied for this request.",
  csrf: "Token Validation Failed",
  moderated: "User is moderated",
  notFound: "NotFound",
  flood: "The flood limit has been exceeded.",
  tooManyRequests: "Too many requests",
  badRequest: "BadRequest",
  trackerMissing: "The RBXEventTrackerV2 cookie (with a browserid) is required for this request.",
} as const;

/** friends.roblox.com codes (seed 000). */
export const FRIENDS = {
  1: "The target user is invalid or does not exist.",
  2: "The user is banned from performing operation.",
  3: "The user is blocked from performing this action.",
  5: "The target user is already a friend.",
  6: "Invalid parameters.",
  7: "The user cannot be friends with itself.",
  9: "The flood limit has been exceeded.",
  10: "The friend request does not exist.",
  11: "The current users friends limit has been exceeded.",
  12: "The target users friends limit has been exceeded.",
  13: "The users are not in the same game.",
  14: "The user has not passed the captcha.",
  15: "Too many ids.",
  16: "Invalid ids.",
  31: "User with max friends sent friend request.",
  35: "Invalid nickname.",
} as const;

export type FriendsCode = keyof typeof FRIENDS;

export function friendsErr(status: number, code: FriendsCode, headers?: Record<string, string>): Reply {
  return err(status, code, FRIENDS[code], headers);
}

/** groups.roblox.com code 3 (seed 000). */
export const GROUPS_INVALID_USER = "The user is invalid or does not exist.";

export const unauthorized = (): Reply => err(401, 0, MSG.unauthorized);
export const moderated = (): Reply => err(403, 0, MSG.moderated);
export const badRequest = (message: string = MSG.badRequest, code = 0): Reply => err(400, code, message);
