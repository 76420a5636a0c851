/** The alerts of a ban or screen-time lock starting and ending (pure). */
import { screenTimeButtons } from "../../ui/buttons.js";
import { discordTimestamp, escapeMarkdown, formatMinutes } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, thumb } from "../delivery/alert-message.js";
import type { ActiveRestriction, OutMessage } from "../state.js";

function endText(end: string | null): string {
  const t = end === null ? Number.NaN : Date.parse(end);
  return Number.isFinite(t)
    ? `${discordTimestamp(t, "f")} (${discordTimestamp(t)})`
    : "no end date (permanent)";
}

export interface BanInfo {
  messageToUser?: string | null | undefined;
  punishmentTypeDescription?: string | null | undefined;
}

export function restrictionStartAlert(
  a: AccountInfo,
  r: ActiveRestriction,
  ban: BanInfo | null,
  limit: number | null,
  avatar: string | null,
  now: number,
): OutMessage {
  const since = r.start && Number.isFinite(Date.parse(r.start)) ? Date.parse(r.start) : now;
  if (r.source === 2) {
    const limitText = limit && limit > 0 ? ` (daily limit ${formatMinutes(limit)})` : "";
    return message(
      "restriction-start",
      now,
      {
        level: "warn",
        title: `${md(a.robloxName)} is locked: today's screen time is used up`,
        description: `100 % of today's screen time is used${limitText}. Roblox locked the account ${discordTimestamp(since)}, until ${endText(r.end)}.\nAdd time with the buttons below.`,
        footer: footerOf(a),
        ...thumb(avatar),
      },
      [screenTimeButtons(a.robloxId, [15, 30])],
    );
  }
  const reason =
    ban?.messageToUser?.trim() || ban?.punishmentTypeDescription?.trim() || "Roblox did not say.";
  return message("restriction-start", now, {
    level: "alert",
    title: `${md(a.robloxName)} was banned by Roblox`,
    description: `Restricted ${discordTimestamp(since)}, until ${endText(r.end)}.`,
    fields: [
      { name: "Reason", value: escapeMarkdown(reason, { multiline: true, max: 1000 }), inline: false },
      ...(ban?.punishmentTypeDescription
        ? [{ name: "Type", value: md(ban.punishmentTypeDescription, 200), inline: true }]
        : []),
      { name: "Ends", value: endText(r.end), inline: true },
    ],
    footer: footerOf(a),
    ...thumb(avatar),
  });
}

export function restrictionEndAlert(
  a: AccountInfo,
  r: ActiveRestriction,
  avatar: string | null,
  now: number,
): OutMessage {
  const what = r.source === 2 ? "screen-time lock" : "ban";
  return message("restriction-end", now, {
    level: "ok",
    title: `${md(a.robloxName)}'s ${what} has ended`,
    description: `The ${what} ended ${discordTimestamp(now)}; the account can use Roblox again.`,
    footer: footerOf(a),
    ...thumb(avatar),
  });
}
