/** Avatar headshots (thumbnails.roblox.com), 100 ids a call; `state` may be "Pending". */
import { inInputOrder, mapChunks, unique } from "../transport/batch.js";
import { type CallOptions, endpointsOf } from "../transport/endpoint.js";
import type { RobloxHttp } from "../transport/http.js";
import { checkId, type RobloxId } from "../transport/url.js";
import * as S from "./schemas.js";

const ep = endpointsOf("thumbnails", "thumbnails");

export const THUMBNAILS_ENDPOINTS = {
  headshots: ep("thumbnails.headshots", "GET /v1/users/avatar-headshot", "none", { batchCap: 100 }),
} as const;

export type HeadshotSize = "48x48" | "60x60" | "100x100" | "150x150" | "352x352" | "420x420" | "720x720";

export interface HeadshotOptions {
  size?: HeadshotSize;
  format?: "Png" | "Jpeg" | "Webp";
  isCircular?: boolean;
}

export function thumbnailsApi(t: RobloxHttp) {
  /** Headshots for ids, input order. An entry whose `state` is not "Completed" has no usable image yet. */
  const headshots = async (
    userIds: readonly RobloxId[],
    opts: HeadshotOptions = {},
    o?: CallOptions,
  ): Promise<S.ThumbnailT[]> => {
    const ids = unique(userIds.map((x) => Number(checkId(x, "userIds"))));
    const all = await mapChunks(ids, THUMBNAILS_ENDPOINTS.headshots.batchCap, async (c) => {
      const query = {
        userIds: c.join(","),
        size: opts.size ?? "150x150",
        format: opts.format ?? "Png",
        isCircular: opts.isCircular ?? false,
      };
      return (
        await t.call(
          THUMBNAILS_ENDPOINTS.headshots,
          { session: null, query, schema: S.ThumbnailsResponse },
          o,
        )
      ).data;
    });
    return inInputOrder(ids, all, (x) => x.targetId);
  };

  /** id → image URL for the completed ones (handy for embeds). */
  const headshotUrls = async (userIds: readonly RobloxId[], opts?: HeadshotOptions, o?: CallOptions) => {
    const out = new Map<number, string>();
    for (const h of await headshots(userIds, opts, o)) {
      if (h.state === "Completed" && typeof h.imageUrl === "string" && h.imageUrl !== "")
        out.set(h.targetId, h.imageUrl);
    }
    return out;
  };

  return { headshots, headshotUrls };
}

export type ThumbnailsApi = ReturnType<typeof thumbnailsApi>;
