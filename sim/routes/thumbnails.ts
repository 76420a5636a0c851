import { createHash } from "node:crypto";
import { err } from "../errors.js";
import type { Router } from "../router.js";
import { toId } from "./util.js";

export const THUMBNAILS_MAX_IDS = 100;
const SIZES = new Set([
  "48x48",
  "50x50",
  "60x60",
  "75x75",
  "100x100",
  "110x110",
  "150x150",
  "180x180",
  "352x352",
  "420x420",
  "720x720",
]);
const FORMATS = new Set(["Png", "Jpeg", "Webp"]);

export function registerThumbnails(r: Router): void {
  r.add("GET", "/thumbnails/v1/users/avatar-headshot", { auth: "none" }, (ctx) => {
    const raw = ctx.query.getAll("userIds").flatMap((v) => v.split(","));
    const size = ctx.query.get("size") ?? "48x48";
    const format = ctx.query.get("format") ?? "Png";
    const ids: number[] = [];
    for (const v of raw) {
      const id = toId(v.trim());
      if (id === undefined)
        return err(400, 4, "The requested Ids are invalid, of an invalid type or missing.");
      ids.push(id);
    }
    if (ids.length === 0) return err(400, 4, "The requested Ids are invalid, of an invalid type or missing.");
    if (ids.length > THUMBNAILS_MAX_IDS) return err(400, 1, "There are too many requested Ids.");
    if (!SIZES.has(size)) {
      return err(
        400,
        3,
        "The requested size is invalid. Please see documentation for valid thumbnail size parameter name and format.",
      );
    }
    if (!FORMATS.has(format)) return err(400, 5, "The requested format is invalid.");
    const [w, h] = size.split("x");
    const data = [...new Set(ids)].map((id) => {
      const u = ctx.state.users.get(id);
      const forced = ctx.state.thumbnailStates.get(id);
      if (!u || forced === "Error") return { targetId: id, state: "Error", imageUrl: null, version: "TN3" };
      if (forced === "Pending") return { targetId: id, state: "Pending", imageUrl: null, version: "TN3" };
      if (forced === "Blocked" || (u.isBanned && forced === undefined)) {
        return { targetId: id, state: "Blocked", imageUrl: "", version: "TN3" };
      }
      const hash = createHash("md5").update(`headshot:${id}`).digest("hex").toUpperCase();
      return {
        targetId: id,
        state: "Completed",
        imageUrl: `https://tr.rbxcdn.com/30DAY-AvatarHeadshot-${hash}-${format}/${w}/${h}/AvatarHeadshot/${format}/noFilter`,
        version: "TN3",
      };
    });
    return { status: 200, body: { data } };
  });
}
