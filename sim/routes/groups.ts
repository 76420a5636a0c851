import { err, GROUPS_INVALID_USER } from "../errors.js";
import type { Router } from "../router.js";
import { param } from "./util.js";

export function registerGroups(r: Router): void {
  r.add("GET", "/groups/v1/users/:userId/friends/groups/roles", { auth: "cookie" }, (ctx) => {
    const id = param(ctx, "userId");
    if (id === undefined || !ctx.state.users.has(id)) return err(400, 3, GROUPS_INVALID_USER);
    const s = ctx.state;
    const data = [];
    for (const fid of s.friends.get(id) ?? []) {
      const ms = s.memberships.get(fid);
      const u = s.users.get(fid);
      if (!ms || ms.length === 0 || !u) continue;
      data.push({
        user: {
          hasVerifiedBadge: u.hasVerifiedBadge,
          userId: u.id,
          username: u.name,
          displayName: u.displayName,
        },
        groups: ms.flatMap((m) => {
          const g = s.groups.get(m.groupId);
          return g ? [{ group: { ...g }, role: { ...m.role } }] : [];
        }),
      });
    }
    return { status: 200, body: { data } };
  });
}
