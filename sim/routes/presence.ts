import { err } from "../errors.js";
import type { Router } from "../router.js";
import { bodyObject, idArray } from "./util.js";

/** presence.roblox.com: at most 50 ids per call; every item carries its userId. */
export const PRESENCE_MAX_IDS = 50;

export function registerPresence(r: Router): void {
  r.add("POST", "/presence/v1/presence/users", { auth: "cookie" }, (ctx) => {
    const ids = idArray(bodyObject(ctx).userIds);
    if (ids === undefined || ids.length === 0) return err(400, 0, "Invalid user ids.");
    if (ids.length > PRESENCE_MAX_IDS) return err(400, 1, "Too many user ids.");
    const userPresences = [...new Set(ids)].map((id) => {
      const p = ctx.state.presenceOf(id);
      // Invisible is shown to others as offline.
      const type = p.userPresenceType === 4 && id !== ctx.userId ? 0 : p.userPresenceType;
      const hidden = type === 0 || type === 4;
      return {
        userPresenceType: type,
        lastLocation: hidden ? "" : p.lastLocation,
        placeId: hidden ? null : p.placeId,
        rootPlaceId: hidden ? null : p.rootPlaceId,
        gameId: hidden ? null : p.gameId,
        universeId: hidden ? null : p.universeId,
        userId: id,
      };
    });
    return { status: 200, body: { userPresences } };
  });
}
