/**
 * Users (seed 004 plus the batch lookups the UI needs, users.roblox.com): the authenticated
 * user, public profiles, id and username batches (100 a call), and `resolve` for command
 * options that take "a Roblox username or numeric id".
 */
import { inInputOrder, mapChunks, unique } from "../transport/batch.js";
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import { BadInputError, RobloxApiError } from "../transport/errors.js";
import type { RobloxHttp } from "../transport/http.js";
import type { RobloxSession } from "../transport/session.js";
import { checkId, ID_RE, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("users", "users");

export const USERS_ENDPOINTS = {
  authenticated: ep("users.authenticated", "GET /v1/users/authenticated", "cookie"),
  get: ep("users.get", "GET /v1/users/{userId}", "none"),
  byIds: ep("users.byIds", "POST /v1/users", "none", { batchCap: 100 }),
  byUsernames: ep("users.byUsernames", "POST /v1/usernames/users", "none", { batchCap: 100 }),
} as const;

const E = USERS_ENDPOINTS;

/** Roblox usernames: 3–20 letters, digits or underscores. */
export const USERNAME_RE = /^[A-Za-z0-9_]{3,20}$/;

export interface ResolvedUser {
  id: number;
  name: string;
  displayName: string;
}

function isNotFound(e: unknown): boolean {
  return e instanceof RobloxApiError && (e.status === 404 || (e.status === 400 && e.code === 3));
}

export function usersApi(t: RobloxHttp) {
  /** GET /v1/users/authenticated: who the cookie belongs to (fails "moderated" while locked). */
  const authenticated = async (s: RobloxSession, o?: CallOptions) =>
    t.call(E.authenticated, { session: s, schema: S.AuthenticatedUser }, o);

  /** Public profile (no cookie sent); null when Roblox has no such user. */
  const get = async (userId: RobloxId, o?: CallOptions): Promise<S.PublicUserT | null> => {
    try {
      return await t.call(
        E.get,
        { session: null, params: { userId: checkId(userId, "userId") }, schema: S.PublicUser },
        o,
      );
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  };

  /** Names for ids (100 a call), input order; unknown ids are left out. */
  const byIds = async (
    userIds: readonly RobloxId[],
    opts: { excludeBannedUsers?: boolean } = {},
    o?: CallOptions,
  ): Promise<S.BatchUserT[]> => {
    const ids = unique(userIds.map((x) => Number(checkId(x, "userIds"))));
    const all = await mapChunks(ids, E.byIds.batchCap, async (c) => {
      const body = { userIds: c, excludeBannedUsers: opts.excludeBannedUsers ?? false };
      return (await t.call(E.byIds, { session: null, body, schema: S.UsersBatchResponse }, o)).data;
    });
    return inInputOrder(ids, all, (u) => u.id);
  };

  /** Users for usernames (100 a call), input order (case-insensitive); unknown names left out. */
  const byUsernames = async (
    usernames: readonly string[],
    opts: { excludeBannedUsers?: boolean } = {},
    o?: CallOptions,
  ): Promise<S.UsernameUserT[]> => {
    const names = unique(usernames.map((n) => n.trim()).filter((n) => USERNAME_RE.test(n)));
    const all = await mapChunks(names, E.byUsernames.batchCap, async (c) => {
      const body = { usernames: c, excludeBannedUsers: opts.excludeBannedUsers ?? false };
      return (await t.call(E.byUsernames, { session: null, body, schema: S.UsernamesResponse }, o)).data;
    });
    const key = (u: S.UsernameUserT) => (u.requestedUsername ?? u.name).toLowerCase();
    return inInputOrder(
      names.map((n) => n.toLowerCase()),
      all,
      key,
    );
  };

  /**
   * "123" → that user (GET users/{id}); "SomeName" or "@SomeName" → the user with that name.
   * null when Roblox knows no such user; BadInputError when the text can be neither.
   */
  const resolve = async (input: string, o?: CallOptions): Promise<ResolvedUser | null> => {
    const text = input.trim().replace(/^@/, "");
    if (ID_RE.test(text)) {
      const u = await get(text, o);
      return u === null ? null : { id: u.id, name: u.name, displayName: u.displayName };
    }
    if (!USERNAME_RE.test(text)) {
      throw new BadInputError("not a username or id", "error.roblox.badUsername");
    }
    const [u] = await byUsernames([text], {}, o);
    return u === undefined ? null : { id: u.id, name: u.name, displayName: u.displayName };
  };

  return { authenticated, get, byIds, byUsernames, resolve };
}

export type UsersApi = ReturnType<typeof usersApi>;
