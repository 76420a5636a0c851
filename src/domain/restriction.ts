/** Restriction sentences for /roblox status and /restrictions (usermoderation v2). */
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { RestrictionSource, type RestrictionT } from "../roblox/index.js";
import { discordTimestamp } from "../ui/format.js";

function endOf(r: RestrictionT | null | undefined): Date | undefined {
  if (!r?.endTime) return undefined;
  const d = new Date(r.endTime);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "<t:…:f> (<t:…:R>)": an end as Discord timestamps. */
function endMd(end: Date): string {
  return `${discordTimestamp(end, "f")} (${discordTimestamp(end, "R")})`;
}

/** "until <t:…:f> (<t:…:R>)", or "with no end date". */
export function untilText(r: RestrictionT | null | undefined, locale: Locale): string {
  const end = endOf(r);
  return end ? t(locale, "alerts.r.untilText", { end: md(endMd(end)) }) : t(locale, "alerts.r.noEnd");
}

/** One line for a restriction: kind and end. */
export function restrictionLine(r: RestrictionT | null, locale: Locale): string {
  if (!r) return t(locale, "alerts.r.lineNone");
  const kind =
    r.source === RestrictionSource.ScreenTime
      ? t(locale, "alerts.r.lineLock")
      : r.source === RestrictionSource.Ban
        ? t(locale, "alerts.r.lineBan")
        : t(locale, "alerts.r.lineRestricted");
  return t(locale, "alerts.r.line", { kind: md(kind), until: md(untilText(r, locale)) });
}
