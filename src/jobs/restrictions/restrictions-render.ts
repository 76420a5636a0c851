/** The alerts of a ban or screen-time lock starting and ending (pure). */
import { minutes as minutesIn } from "../../i18n/format.js";
import type { Locale } from "../../i18n/locales.js";
import { screenTimeButtons } from "../../ui/buttons.js";
import { discordTimestamp, escapeMarkdown } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import type { ActiveRestriction, OutMessage } from "../state.js";

function endText(end: string | null, locale: Locale): string {
  const t = end === null ? Number.NaN : Date.parse(end);
  return Number.isFinite(t)
    ? `${discordTimestamp(t, "f")} (${discordTimestamp(t)})`
    : say(locale, "restriction.noEnd");
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
  locale: Locale = "en-US",
): OutMessage {
  const since = r.start && Number.isFinite(Date.parse(r.start)) ? Date.parse(r.start) : now;
  if (r.source === 2) {
    const limitText =
      limit && limit > 0 ? say(locale, "restriction.lock.limit", { limit: minutesIn(locale, limit) }) : "";
    return message(
      "restriction-start",
      now,
      {
        tone: "warn",
        title: say(locale, "restriction.lock.title", { account: md(a.robloxName) }),
        description: say(locale, "restriction.lock.description", {
          limit: limitText,
          since: discordTimestamp(since),
          end: endText(r.end, locale),
        }),
        footer: footerOf(a, locale),
        ...thumb(avatar),
      },
      [screenTimeButtons(a.robloxId, [15, 30], locale)],
    );
  }
  const reason =
    ban?.messageToUser?.trim() ||
    ban?.punishmentTypeDescription?.trim() ||
    say(locale, "restriction.ban.noReason");
  return message("restriction-start", now, {
    tone: "alert",
    title: say(locale, "restriction.ban.title", { account: md(a.robloxName) }),
    description: say(locale, "restriction.ban.description", {
      since: discordTimestamp(since),
      end: endText(r.end, locale),
    }),
    fields: [
      {
        name: say(locale, "field.reason"),
        value: escapeMarkdown(reason, { multiline: true, max: 1000 }),
        inline: false,
      },
      ...(ban?.punishmentTypeDescription
        ? [{ name: say(locale, "field.type"), value: md(ban.punishmentTypeDescription, 200), inline: true }]
        : []),
      { name: say(locale, "field.ends"), value: endText(r.end, locale), inline: true },
    ],
    footer: footerOf(a, locale),
    ...thumb(avatar),
  });
}

export function restrictionEndAlert(
  a: AccountInfo,
  r: ActiveRestriction,
  avatar: string | null,
  now: number,
  locale: Locale = "en-US",
): OutMessage {
  const what = r.source === 2 ? "lock" : "ban";
  return message("restriction-end", now, {
    tone: "ok",
    title: say(locale, `restriction.${what}.endTitle`, { account: md(a.robloxName) }),
    description: say(locale, `restriction.${what}.endDescription`, { when: discordTimestamp(now) }),
    footer: footerOf(a, locale),
    ...thumb(avatar),
  });
}
