import { err } from "../errors.js";
import type { PresenceType } from "../model.js";
import type { Router } from "../router.js";
import type { SimState } from "../state.js";
import { bodyObject, idArray } from "./util.js";

/** presence.roblox.com: at most 50 ids per call; every item carries its userId. */
export const PRESENCE_MAX_IDS = 50;

export interface PresenceView {
  userPresenceType: PresenceType;
  lastLocation: string;
  placeId: number | null;
  rootPlaceId: number | null;
  gameId: string | null;
  universeId: number | null;
}

/**
 * A user's presence as `viewer` sees it. Invisible shows as offline to others; offline hides the
 * place. A user with joins off shows as in-game (type 2) with lastLocation "" and placeId,
 * rootPlaceId and gameId null; universeId is null or kept per the `joinsOffUniverseId` switch
 * (docs/roblox-behaviour.md, "Presence of a user with joins off").
 */
export function presenceSeenBy(state: SimState, id: number, viewer: number | null): PresenceView {
  const p = state.presenceOf(id);
  const type = p.userPresenceType === 4 && id !== viewer ? 0 : p.userPresenceType;
  const hidden = type === 0 || type === 4;
  if (hidden) {
    return {
      userPresenceType: type,
      lastLocation: "",
      placeId: null,
      rootPlaceId: null,
      gameId: null,
      universeId: null,
    };
  }
  if (p.joinsOff && id !== viewer && type === 2) {
    return {
      userPresenceType: 2,
      lastLocation: "",
      placeId: null,
      rootPlaceId: null,
      gameId: null,
      universeId: state.modes.joinsOffUniverseId === "present" ? p.universeId : null,
    };
  }
  return {
    userPresenceType: type,
    lastLocation: p.lastLocation,
    placeId: p.placeId,
    rootPlaceId: p.rootPlaceId,
    gameId: p.gameId,
    universeId: p.universeId,
  };
}

export function registerPresence(r: Router): void {
  r.add("POST", "/presence/v1/presence/users", { auth: "cookie" }, (ctx) => {
    const ids = idArray(bodyObject(ctx).userIds);
    if (ids === undefined || ids.length === 0) return err(400, 0, "Invalid user ids.");
    if (ids.length > PRESENCE_MAX_IDS) return err(400, 1, "Too many user ids.");
    const userPresences = [...new Set(ids)].map((id) => ({
      ...presenceSeenBy(ctx.state, id, ctx.userId),
      userId: id,
    }));
    return { status: 200, body: { userPresences } };
  });
}
