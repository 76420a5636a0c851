/** The daily summary's message (pure), with the weekly chart on Sundays. */
import { discordTimestamp, formatMinutes } from "../../ui/format.js";
import { type AccountInfo, footerOf, md, message, thumb } from "../delivery/alert-message.js";
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

function endText(end: string | null): string {
  const t = end === null ? Number.NaN : Date.parse(end);
  return Number.isFinite(t) ? ` until ${discordTimestamp(t, "f")} (${discordTimestamp(t)})` : "";
}

/** Pure: the summary message (with the weekly chart when `withChart` and the week is known). */
export function summaryAlert(
  a: AccountInfo,
  d: SummaryData,
  withChart: boolean,
  avatar: string | null,
  now: number,
): OutMessage {
  const today = d.days?.[0];
  const limitText = d.limit && d.limit > 0 ? ` of the ${formatMinutes(d.limit)} limit` : " (no daily limit)";
  const todayText =
    today === undefined
      ? d.restriction
        ? "not readable while restricted"
        : "unknown"
      : `${formatMinutes(today)}${limitText}`;
  const restrictionText = d.restriction
    ? `${d.restriction.source === 2 ? "Screen-time lock" : "Banned"}${endText(d.restriction.end)}`
    : "None";
  const chart =
    withChart && d.days && d.localDayOfWeek !== null
      ? {
          days: d.days.map((minutes, daysAgo) => ({ daysAgo, minutes })),
          localDayOfWeek: d.localDayOfWeek,
          limitMinutes: d.limit && d.limit > 0 ? d.limit : null,
          title: `Screen time this week — ${a.robloxName}`.slice(0, 80),
        }
      : undefined;
  return message(
    "daily-summary",
    now,
    {
      level: d.restriction ? "warn" : "info",
      title: `Daily summary — ${md(a.robloxName)}`,
      description: `As of ${discordTimestamp(now)}.`,
      fields: [
        { name: "Screen time today", value: todayText, inline: false },
        {
          name: "Pending friend requests",
          value: d.pending === null ? "unknown" : String(d.pending),
          inline: true,
        },
        { name: "Restriction", value: restrictionText, inline: true },
      ],
      footer: footerOf(a),
      ...thumb(avatar),
      ...(chart ? { image: { url: `attachment://${CHART_FILE}` } } : {}),
    },
    [],
    chart,
  );
}
