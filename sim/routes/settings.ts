import { err, MSG } from "../errors.js";
import type { Router } from "../router.js";
import type { SimState } from "../state.js";
import { bodyObject, userRate } from "./util.js";

const BASE = "/apis/user-settings-api/v1/user-settings";
export const SETTINGS_RATE = { limit: 30, windowMs: 60_000 } as const;
export const MAX_DAILY_LIMIT = 1440;

const integerOption = (requirement: string) => [{ option: { optionType: "Integer" }, requirement }];

/**
 * What the child's own POST gets for a setting its parent manages (no public source: the web
 * client never sends it, docs/roblox-behaviour.md, "A child's own settings change when a parent
 * manages it").
 */
export const PARENT_MANAGED = "ParentalConsentRequired";

/**
 * One user's settings with their options; the parent side's child-settings answers the same,
 * except that the parent is never asked for consent (`asParent`).
 */
export function settingsAndOptions(state: SimState, userId: number, asParent = false) {
  const st = state.screenTimeOf(userId);
  const limitRequirement = !asParent && state.parentManaged(userId) ? "ParentalConsent" : "SelfUpdateSetting";
  return {
    dailyScreenTimeLimit: { currentValue: st.dailyLimit, options: integerOption(limitRequirement) },
    whoCanChatWithMeInApp: {
      currentValue: "Friends",
      options: ["NoOne", "Friends", "Everyone"].map((v) => ({
        option: { optionType: "Enum", optionValue: v },
        requirement: "SelfUpdateSetting",
      })),
    },
    contentAgeRestriction: {
      currentValue: "NinePlus",
      options: [{ option: { optionType: "Enum", optionValue: "NinePlus" }, requirement: "ParentalConsent" }],
    },
  };
}

export function registerSettings(r: Router): void {
  r.add("GET", `${BASE}/settings-and-options`, { auth: "cookie" }, (ctx) => ({
    status: 200,
    body: settingsAndOptions(ctx.state, ctx.userId!),
  }));

  // Needs the RBXEventTrackerV2 cookie (seed 004); 30 writes per 60 s per user.
  r.add("POST", BASE, { auth: "cookie" }, (ctx) => {
    if (!ctx.trackerSent) return err(403, 0, MSG.trackerMissing);
    const { headers, flooded } = userRate(ctx, "settings", SETTINGS_RATE);
    if (flooded) return flooded;
    const body = bodyObject(ctx);
    const keys = Object.keys(body);
    if (keys.length === 0) return err(400, 0, "No setting to update.", headers);
    for (const k of keys) {
      if (k !== "dailyScreenTimeLimit") return err(400, 0, `Unknown setting: ${k}.`, headers);
    }
    const v = body.dailyScreenTimeLimit;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0 || v > MAX_DAILY_LIMIT) {
      return err(400, 0, "Invalid value for dailyScreenTimeLimit.", headers);
    }
    if (ctx.state.parentManaged(ctx.userId!)) return err(403, 0, PARENT_MANAGED, headers);
    ctx.state.screenTimeOf(ctx.userId!).dailyLimit = v;
    return { status: 200, body: { cascadingSettingUpdates: {} }, headers };
  });
}
