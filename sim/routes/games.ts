import { err } from "../errors.js";
import type { Router } from "../router.js";
import { toId } from "./util.js";

/**
 * games.roblox.com GET /v1/games?universeIds=…: public (no cookie), at most 50 ids per call,
 * 400 code 8 for invalid ids and code 9 for too many, unknown universes left out of `data`
 * (docs/roblox-behaviour.md, "Experience names by universe").
 */
export const GAMES_MAX_IDS = 50;
const INVALID = "The universe IDs specified are invalid.";
const TOO_MANY = "Too many universe IDs were requested.";

export function registerGames(r: Router): void {
  r.add("GET", "/games/v1/games", { auth: "none" }, (ctx) => {
    // style form without explode: "1,2,3"; repeated parameters are read too.
    const raw = ctx.query
      .getAll("universeIds")
      .flatMap((v) => v.split(","))
      .map((v) => v.trim());
    const ids: number[] = [];
    for (const v of raw) {
      const id = toId(v);
      if (id === undefined) return err(400, 8, INVALID);
      ids.push(id);
    }
    if (ids.length === 0) return err(400, 8, INVALID);
    if (ids.length > GAMES_MAX_IDS) return err(400, 9, TOO_MANY);
    const data = [];
    for (const id of new Set(ids)) {
      const u = ctx.state.universes.get(id);
      if (!u) continue;
      data.push({
        id: u.id,
        rootPlaceId: u.rootPlaceId,
        name: u.name,
        description: u.description,
        sourceName: u.name,
        sourceDescription: u.description,
        creator: {
          id: u.creatorId,
          name: u.creatorName,
          type: u.creatorType,
          isRNVAccount: false,
          hasVerifiedBadge: false,
        },
        price: null,
        allowedGearGenres: ["All"],
        allowedGearCategories: [],
        isGenreEnforced: false,
        copyingAllowed: false,
        playing: 0,
        visits: 0,
        maxPlayers: 48,
        created: u.created,
        updated: u.updated,
        studioAccessToApisAllowed: false,
        createVipServersAllowed: true,
        universeAvatarType: 3,
        genre: "All",
        isAllGenre: true,
        isFavoritedByUser: false,
        favoritedCount: 0,
      });
    }
    return { status: 200, body: { data } };
  });
}
