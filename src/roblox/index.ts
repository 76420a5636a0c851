/**
 * The Roblox client module: every endpoint of seeds 000 and 004 (docs/endpoints.md lists them) plus the lookups the UI needs.
 *
 * Shape:
 *   const roblox = createRobloxClient({ origin: config.robloxApiOrigin, logger, onRequest });
 *   const session = roblox.session({ id: `${guildId}:${accountId}`, cookie, tracker,
 *                                    onCookieRotated: (c) => store.saveCookie(c),   // encrypted
 *                                    onUnauthenticated: () => watchers.pause() });
 *   const opts = { deadline: Date.now() + 20_000, signal };   // every call takes this last
 *   await roblox.users.authenticated(session, opts);            // { id, name, displayName }
 *   const page = await roblox.friends.find(session, userId, { userSort: 0, cursor }, opts); // Page<Friend>
 *   for await (const f of roblox.friends.findAll(session, userId, {}, opts)) …
 *   await roblox.requests.list(session, { limit: 25, friendRequestSort: REQUEST_SORT.newestFirst }, opts);  // Page<FriendRequest>
 *   await roblox.presence.users(session, ids, opts);            // 50 per request, input order
 *   await roblox.users.byIds(ids, {}, opts);                    // public: no session, 100 per request
 *   await roblox.users.resolve("SomeName" | "123", opts);       // ResolvedUser | null
 *   await roblox.close();
 *
 * Areas: friends (lists, counts, statuses, unfriend, QR), requests (friend requests), presence,
 * users, thumbnails, settings (daily limit), parental (weekly, temporary minutes), moderation,
 * groups. Public endpoints (users.get/byIds/byUsernames/resolve, thumbnails) take no session and
 * never send a cookie. Errors are RobloxError subclasses (transport/errors.ts) with `kind` and
 * `userMessage`; a paged call returns `Page<T>` = { items, nextCursor, previousCursor }.
 * Each endpoint's facts (host, auth, batch cap, paging, rate limit) are in the *_ENDPOINTS
 * objects beside its function; ENDPOINTS lists them all.
 */
import type { Logger } from "../logger.js";
import { FRIENDS_ENDPOINTS, friendsApi } from "./api/friends.js";
import { GAMES_ENDPOINTS, gamesApi } from "./api/games.js";
import { GROUPS_ENDPOINTS, groupsApi } from "./api/groups.js";
import { MODERATION_ENDPOINTS, moderationApi } from "./api/moderation.js";
import { PARENT_ENDPOINTS, parentApi } from "./api/parent.js";
import { PARENTAL_ENDPOINTS, parentalApi } from "./api/parental.js";
import { PRESENCE_ENDPOINTS, presenceApi } from "./api/presence.js";
import { REQUESTS_ENDPOINTS, requestsApi } from "./api/requests.js";
import { SETTINGS_ENDPOINTS, settingsApi } from "./api/settings.js";
import { THUMBNAILS_ENDPOINTS, thumbnailsApi } from "./api/thumbnails.js";
import { USERS_ENDPOINTS, usersApi } from "./api/users.js";
import { type RequestMetric, RobloxHttp, type RobloxHttpOptions } from "./transport/http.js";
import { RobloxSession, type SessionOptions } from "./transport/session.js";

export { RestrictionSource } from "./api/moderation.js";
export {
  CONSENT_ID_RE,
  type ConsentType,
  checkConsentId,
  type LinkedChild,
  type PendingConsent,
  toChildren,
  toPendingConsent,
} from "./api/parent.js";
export { PresenceType } from "./api/presence.js";
export { OriginSource, REQUEST_PAGE_SIZES, REQUEST_SORT } from "./api/requests.js";
export type * from "./api/schemas.js";
export type { ResolvedUser } from "./api/users.js";
export type { RobloxApi } from "./transport/codes.js";
export { CODE_TABLE, lookupCode, SENTENCES } from "./transport/codes.js";
export type { CallOptions, EndpointDef } from "./transport/endpoint.js";
export * from "./transport/errors.js";
export type { RequestMetric } from "./transport/http.js";
export type { Page } from "./transport/paging.js";
export { collect } from "./transport/paging.js";
export { RobloxSession, type SessionOptions } from "./transport/session.js";
export { checkId, ID_RE, type RobloxId, robloxUrl } from "./transport/url.js";

/** Every endpoint's facts, by area (docs/endpoints.md is generated from the same names). */
export const ENDPOINTS = {
  friends: FRIENDS_ENDPOINTS,
  requests: REQUESTS_ENDPOINTS,
  presence: PRESENCE_ENDPOINTS,
  users: USERS_ENDPOINTS,
  thumbnails: THUMBNAILS_ENDPOINTS,
  games: GAMES_ENDPOINTS,
  settings: SETTINGS_ENDPOINTS,
  parental: PARENTAL_ENDPOINTS,
  parent: PARENT_ENDPOINTS,
  moderation: MODERATION_ENDPOINTS,
  groups: GROUPS_ENDPOINTS,
} as const;

export interface RobloxClientOptions {
  /** ROBLOX_API_ORIGIN (README, Configuration); unset = the real https://{sub}.roblox.com hosts. */
  origin?: string | undefined;
  logger: Logger;
  /** Called after every HTTP exchange (Prometheus hooks in here). */
  onRequest?: (m: RequestMetric) => void;
  /** connect / headers / body timeouts; defaults 10 s / 15 s / 15 s. */
  timeouts?: RobloxHttpOptions["timeouts"];
  /** Response cap, default 1 MiB. */
  maxBodyBytes?: number;
  /** Attempts in all (default 4), backoff base (1 s) and cap (8 s). */
  retry?: RobloxHttpOptions["retry"];
  /** Deadline for calls that hand none (default 20 s). */
  defaultBudgetMs?: number;
  /** Jitter source (tests). */
  random?: () => number;
}

export function createRobloxClient(opts: RobloxClientOptions) {
  const t = new RobloxHttp(opts);
  const users = usersApi(t);
  return {
    /** The configured origin (undefined = real Roblox). */
    origin: t.origin,
    /** A session for one linked account. */
    session: (s: SessionOptions) => new RobloxSession(s),
    friends: friendsApi(t),
    requests: requestsApi(t),
    presence: presenceApi(t),
    users,
    /** A command's `user` option ("123" or "SomeName") → the user, or null (= users.resolve). */
    resolveUser: users.resolve,
    thumbnails: thumbnailsApi(t),
    games: gamesApi(t),
    settings: settingsApi(t),
    parental: parentalApi(t),
    /** calls made with a parent's own cookie about its linked children */
    parent: parentApi(t),
    moderation: moderationApi(t),
    groups: groupsApi(t),
    /** Closes the keep-alive dispatcher (shutdown). */
    close: () => t.close(),
  };
}

export type RobloxClient = ReturnType<typeof createRobloxClient>;
