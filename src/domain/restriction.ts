/** Restriction sentences for /roblox link and /roblox status (usermoderation v2). */
import type { Invocation } from "../context.js";
import { RestrictionSource, type RestrictionT, type RobloxSession } from "../roblox/index.js";
import { discordTimestamp } from "../ui/format.js";

function endOf(r: RestrictionT | null | undefined): Date | undefined {
  if (!r?.endTime) return undefined;
  const d = new Date(r.endTime);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "until <t:…:f> (<t:…:R>)", or "with no end date". */
export function untilText(r: RestrictionT | null | undefined): string {
  const end = endOf(r);
  return end ? `until ${discordTimestamp(end, "f")} (${discordTimestamp(end, "R")})` : "with no end date";
}

/** One line for a restriction: kind and end. */
export function restrictionLine(r: RestrictionT | null): string {
  if (!r) return "None";
  const kind =
    r.source === RestrictionSource.ScreenTime
      ? "Screen-time lock"
      : r.source === RestrictionSource.Ban
        ? "Banned by Roblox"
        : "Restricted";
  return `${kind} ${untilText(r)}`;
}

/**
 * Linking while locked answers "locked until <end>; link again after that".
 * The end comes from usermoderation v2 on the same (transient) session.
 */
export async function lockedWhileLinking(ctx: Invocation, session: RobloxSession): Promise<string> {
  let r: RestrictionT | null = null;
  try {
    r = await ctx.roblox.moderation.restriction(session, ctx.call);
  } catch {
    // The end stays unknown; the sentence still says what to do.
  }
  const end = endOf(r);
  const until = end
    ? `locked until ${discordTimestamp(end, "f")} (${discordTimestamp(end, "R")})`
    : "locked until Roblox lifts its restriction";
  return `Roblox says this account is ${until}; link again after that. Nothing was stored.`;
}
