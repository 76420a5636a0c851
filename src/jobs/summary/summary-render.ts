/** The daily summary's message (pure), with the weekly chart on Sundays. */
import { minutes as minutesIn } from "../../i18n/format.js";
import type { Locale } from "../../i18n/locales.js";
import { discordTimestamp } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, say, thumb } from "../delivery/alert-message.js";
import { CHART_FILE } from "../delivery/outbox.js";
import type { ActiveRestriction, OutMessage } from "../state.js";

export interface SummaryData {
  restriction: ActiveRestriction | null;
  limit: number | null;
  /** Minutes by daysAgo (0 = Roblox's today), when read. */
  days: number[] | null;
  localDayOfWeek: number | null;
  pending: number | null;
}

/** "Banned until <t:…:f> (<t:…:R>)", or the restriction alone when it has no end. */
function restrictionText(r: ActiveRestriction, locale: Locale): string {
  const what = say(locale, r.source === 2 ? "summary.lock" : "summary.banned");
  const t = r.end === null ? Number.NaN : Date.parse(r.end);
  return Number.isFinite(t)
    ? say(locale, "summary.until", { what, end: `${discordTimestamp(t, "f")} (${discordTimestamp(t)})` })
    : what;
}

/** Pure: the summary message (with the weekly chart when `withChart` and the week is known), in `locale`. */
export function summaryAlert(
  a: AccountInfo,
  d: SummaryData,
  withChart: boolean,
  avatar: string | null,
  now: number,
  locale: Locale = "en-US",
): OutMessage {
  const today = d.days?.[0];
  const todayText =
    today === undefined
      ? say(locale, d.restriction ? "summary.notReadable" : "common.unknown")
      : d.limit && d.limit > 0
        ? say(locale, "summary.ofLimit", {
            minutes: minutesIn(locale, today),
            limit: minutesIn(locale, d.limit),
          })
        : say(locale, "summary.noLimit", { minutes: minutesIn(locale, today) });
  const chart =
    withChart && d.days && d.localDayOfWeek !== null
      ? {
          days: d.days.map((minutes, daysAgo) => ({ daysAgo, minutes })),
          localDayOfWeek: d.localDayOfWeek,
          limitMinutes: d.limit && d.limit > 0 ? d.limit : null,
          title: say(locale, "summary.chartTitle", { account: a.robloxName }).slice(0, 80),
          ...(locale === "en-US" ? {} : { locale }),
        }
      : undefined;
  return message(
    "daily-summary",
    now,
    {
      tone: d.restriction ? "warn" : "info",
      title: say(locale, "summary.title", { account: md(a.robloxName) }),
      description: say(locale, "summary.asOf", { when: discordTimestamp(now) }),
      fields: [
        { name: say(locale, "field.screenTimeToday"), value: todayText, inline: false },
        {
          name: say(locale, "field.pendingRequests"),
          value: d.pending === null ? say(locale, "common.unknown") : String(d.pending),
          inline: true,
        },
        {
          name: say(locale, "field.restriction"),
          value: d.restriction ? restrictionText(d.restriction, locale) : say(locale, "common.none"),
          inline: true,
        },
      ],
      footer: footerOf(a, locale),
      ...thumb(avatar),
      ...(chart ? { image: { url: `attachment://${CHART_FILE}` } } : {}),
    },
    [],
    chart,
  );
}
