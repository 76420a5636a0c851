import { err } from "../errors.js";
import type { Router } from "../router.js";
import { bodyObject, toId, userRate } from "./util.js";

const BASE = "/apis/parental-controls-api/v1/parental-controls";
export const ADD_TIME_RATE = { limit: 5, windowMs: 60_000 } as const;
export const MAX_ADD_MINUTES = 1440;

export function registerParental(r: Router): void {
  r.add("GET", `${BASE}/get-weekly-screentime`, { auth: "cookie" }, (ctx) => {
    const raw = ctx.query.get("userId");
    const id = raw === null || raw === "" ? ctx.userId! : toId(raw);
    if (id === undefined) return err(400, 0, "Invalid userId.");
    // A linked parent reads the child's week too (docs/roblox-behaviour.md, "Parent accounts and
    // consent requests").
    if (id !== ctx.userId && !ctx.state.isParentOf(ctx.userId!, id)) return err(403, 0, "Forbidden");
    const st = ctx.state.screenTimeOf(id);
    return {
      status: 200,
      body: {
        dailyScreentimes: st.days.map((minutesPlayed, daysAgo) => ({ daysAgo, minutesPlayed })),
        localDayOfWeek: st.localDayOfWeek,
      },
    };
  });

  // Works while moderated; 5 calls per 60 s per user; 204 on success.
  r.add("POST", `${BASE}/add-temporary-screentime`, { auth: "cookie", moderationExempt: true }, (ctx) => {
    const { headers, flooded } = userRate(ctx, "addtime", ADD_TIME_RATE);
    if (flooded) return flooded;
    const minutes = bodyObject(ctx).minutes;
    if (
      typeof minutes !== "number" ||
      !Number.isInteger(minutes) ||
      minutes < 1 ||
      minutes > MAX_ADD_MINUTES
    ) {
      return err(400, 0, "Invalid minutes.", headers);
    }
    const s = ctx.state;
    const st = s.screenTimeOf(ctx.userId!);
    st.tempMinutes += minutes;
    const rs = s.restrictionOf(ctx.userId!, ctx.now);
    if (rs?.source === 2 && (st.days[0] ?? 0) < st.dailyLimit + st.tempMinutes)
      s.restrictions.delete(ctx.userId!);
    return { status: 204, headers };
  });
}
