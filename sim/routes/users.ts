import { err } from "../errors.js";
import type { Router } from "../router.js";
import { bodyObject, idArray, param } from "./util.js";

export const USERS_BATCH_MAX = 100;
const PUBLIC_NO_CSRF = { auth: "none", csrf: false } as const;

export function registerUsers(r: Router): void {
  r.add("GET", "/users/v1/users/authenticated", { auth: "cookie" }, (ctx) => {
    const u = ctx.user!;
    return { status: 200, body: { id: u.id, name: u.name, displayName: u.displayName } };
  });

  r.add("GET", "/users/v1/users/:userId", { auth: "none" }, (ctx) => {
    const id = param(ctx, "userId");
    const u = id === undefined ? undefined : ctx.state.users.get(id);
    if (!u) return err(404, 3, "The user id is invalid.");
    return {
      status: 200,
      body: {
        description: u.description,
        created: u.created,
        isBanned: u.isBanned,
        externalAppDisplayName: null,
        hasVerifiedBadge: u.hasVerifiedBadge,
        id: u.id,
        name: u.name,
        displayName: u.displayName,
      },
    };
  });

  r.add("POST", "/users/v1/users", PUBLIC_NO_CSRF, (ctx) => {
    const body = bodyObject(ctx);
    const ids = idArray(body.userIds);
    if (ids === undefined) return err(400, 0, "BadRequest");
    if (ids.length > USERS_BATCH_MAX) return err(400, 2, "Too many ids.");
    const exclude = body.excludeBannedUsers === true;
    const data = [];
    for (const id of new Set(ids)) {
      const u = ctx.state.users.get(id);
      if (!u || (exclude && u.isBanned)) continue;
      data.push({ hasVerifiedBadge: u.hasVerifiedBadge, id: u.id, name: u.name, displayName: u.displayName });
    }
    return { status: 200, body: { data } };
  });

  r.add("POST", "/users/v1/usernames/users", PUBLIC_NO_CSRF, (ctx) => {
    const body = bodyObject(ctx);
    const names = body.usernames;
    if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) return err(400, 0, "BadRequest");
    if (names.length > USERS_BATCH_MAX) return err(400, 2, "Too many usernames.");
    const exclude = body.excludeBannedUsers === true;
    const data = [];
    for (const requestedUsername of new Set(names as string[])) {
      const id = ctx.state.usersByName.get(requestedUsername.toLowerCase());
      const u = id === undefined ? undefined : ctx.state.users.get(id);
      if (!u || (exclude && u.isBanned)) continue;
      data.push({
        requestedUsername,
        hasVerifiedBadge: u.hasVerifiedBadge,
        id: u.id,
        name: u.name,
        displayName: u.displayName,
      });
    }
    return { status: 200, body: { data } };
  });
}
