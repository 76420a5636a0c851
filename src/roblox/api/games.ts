/**
 * Experience names by universe id (games.roblox.com/v1/games, public: no cookie), for presence
 * alerts where Roblox hides the place but tells the universe. docs/roblox-behaviour.md records
 * the route, its batch cap and where they are documented.
 */
import { inInputOrder, mapChunks, unique } from "../transport/batch.js";
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("games", "games");

export const GAMES_ENDPOINTS = {
  byUniverseIds: ep("games.byUniverseIds", "GET /v1/games", "none", { batchCap: 50 }),
} as const;

export function gamesApi(t: RobloxHttp) {
  /** Experiences for universe ids (50 a call), input order; unknown ids are left out. */
  const byUniverseIds = async (universeIds: readonly RobloxId[], o?: CallOptions): Promise<S.GameT[]> => {
    const ids = unique(universeIds.map((x) => Number(checkId(x, "universeIds"))));
    const all = await mapChunks(ids, GAMES_ENDPOINTS.byUniverseIds.batchCap, async (c) => {
      const query = { universeIds: c.join(",") };
      return (
        await t.call(GAMES_ENDPOINTS.byUniverseIds, { session: null, query, schema: S.GamesResponse }, o)
      ).data;
    });
    return inInputOrder(ids, all, (g) => g.id);
  };
  return { byUniverseIds };
}

export type GamesApi = ReturnType<typeof gamesApi>;
