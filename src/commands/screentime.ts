import { type APIEmbed, AttachmentBuilder } from "discord.js";
import type { Invocation, LinkedAccount } from "../context.js";
import { childSide, readScreenTime, setDailyLimit, sideNote } from "../domain/child-side.js";
import { UserError } from "../errors.js";
import { minutes as fmtMinutes } from "../i18n/format.js";
import type { Locale } from "../i18n/locales.js";
import { md, t } from "../i18n/t.js";
import { MAX_DAILY_LIMIT } from "../roblox/api/settings.js";
import { renderWeeklyChart } from "../ui/chart.js";
import { COLORS, fitEmbed, successEmbed } from "../ui/embeds.js";
import { escapeMarkdown, formatMinutes } from "../ui/format.js";
import { accountSub, guildCommand, integer } from "./options.js";
import { type Cmd, onAccount, plain, type Reply, type Subcommand } from "./types.js";

export const data = guildCommand("screentime", "Screen time of the linked Roblox account")
  .addSubcommand(accountSub("show", "Today's minutes, the limit and the week's chart"))
  .addSubcommand(
    accountSub("limit", "Set the daily limit", integer("minutes", "Minutes a day, 0 = no limit", 0, 1440)),
  )
  .addSubcommand(
    accountSub("add", "Grant extra minutes for today", integer("minutes", "Extra minutes", 1, 240)),
  )
  .toJSON();

/** The chart's file name; the embed shows it with `attachment://screentime.png`. */
export const CHART_FILE = "screentime.png";

export interface ScreenTimeView {
  name: string;
  /** Minutes by daysAgo (index 0 = Roblox's today), 7 entries. */
  days: readonly number[];
  localDayOfWeek: number;
  /** Minutes a day; 0 or null = no limit. */
  limit: number | null;
}

/** Pure: the /screentime show embed (the chart is attached beside it). */
export function screenTimeEmbed(v: ScreenTimeView, locale: Locale): APIEmbed {
  const formatMinutes = (n: number) => fmtMinutes(locale, n);
  const today = v.days[0] ?? 0;
  const limit = v.limit && v.limit > 0 ? v.limit : null;
  const total = v.days.reduce((a, b) => a + b, 0);
  const fields: APIEmbed["fields"] = [
    { name: t(locale, "alerts.st.today"), value: formatMinutes(today), inline: true },
    {
      name: t(locale, "alerts.st.dailyLimit"),
      value: limit ? formatMinutes(limit) : t(locale, "duration.noLimit"),
      inline: true,
    },
  ];
  let description: string;
  let color: number = COLORS.info;
  if (limit) {
    const pct = Math.round((today / limit) * 100);
    const left = limit - today;
    fields.push({
      name: t(locale, "alerts.st.leftToday"),
      value: left > 0 ? formatMinutes(left) : t(locale, "alerts.st.none"),
      inline: true,
    });
    description = t(locale, "alerts.st.ofLimit", {
      today: formatMinutes(today),
      limit: formatMinutes(limit),
      pct,
    });
    color = pct >= 100 ? COLORS.alert : pct >= 80 ? COLORS.warn : COLORS.ok;
  } else {
    description = t(locale, "alerts.st.noLimit", { today: formatMinutes(today) });
  }
  fields.push(
    { name: t(locale, "alerts.st.last7"), value: formatMinutes(total), inline: true },
    { name: t(locale, "alerts.st.average"), value: formatMinutes(total / 7), inline: true },
  );
  return fitEmbed({
    color,
    title: t(locale, "alerts.st.title", { name: md(escapeMarkdown(v.name, { max: 100 })) }),
    description,
    fields,
    image: { url: `attachment://${CHART_FILE}` },
    footer: { text: t(locale, "alerts.st.footer") },
  });
}

async function show(i: Cmd, ctx: Invocation): Promise<Reply> {
  const r = await readScreenTime(ctx, await childSide(ctx, i.options.getString("account")));
  const view: ScreenTimeView = {
    name: r.name,
    days: r.days,
    localDayOfWeek: r.localDayOfWeek,
    limit: r.limit,
  };
  const png = renderWeeklyChart({
    days: r.days.map((minutes, daysAgo) => ({ daysAgo, minutes })),
    localDayOfWeek: r.localDayOfWeek,
    limitMinutes: r.limit,
    title: ctx.t("alerts.st.chartTitle", { name: md(r.name) }),
    locale: ctx.locale,
  });
  return {
    content: sideNote(r, "read", ctx.locale) ?? "",
    embeds: [screenTimeEmbed(view, ctx.locale)],
    files: [new AttachmentBuilder(png, { name: CHART_FILE, description: ctx.t("alerts.st.chartAlt") })],
    components: [],
  };
}

function minutesOption(i: Cmd, min: number, max: number): number {
  const m = i.options.getInteger("minutes", true);
  if (!Number.isInteger(m) || m < min || m > max) {
    throw new UserError("alerts.st.minutesRange", { min, max });
  }
  return m;
}

async function limit(i: Cmd, ctx: Invocation): Promise<Reply> {
  const minutes = minutesOption(i, 0, MAX_DAILY_LIMIT);
  const r = await setDailyLimit(ctx, await childSide(ctx, i.options.getString("account")), minutes);
  const text = minutes === 0 ? "no limit" : formatMinutes(minutes);
  await ctx.audit("screentime.limit", r.robloxId, r.via ? `${text} (through the parent account)` : text);
  const name = r.name;
  return {
    content: sideNote(r, "changed", ctx.locale) ?? "",
    embeds: [
      successEmbed(
        ctx.t("alerts.st.limitChanged"),
        minutes === 0
          ? ctx.t("alerts.st.limitNone", { name })
          : ctx.t("alerts.st.limitSet", { name, minutes: fmtMinutes(ctx.locale, minutes) }),
      ),
    ],
    components: [],
  };
}

// extra minutes are the child's own call (add-temporary-screentime): no parent side for it
async function add(i: Cmd, ctx: Invocation, linked: LinkedAccount): Promise<Reply> {
  const minutes = minutesOption(i, 1, 240);
  await ctx.roblox.parental.addTemporary(linked.session, minutes, ctx.call);
  await ctx.audit("screentime.add", linked.account.robloxId, `+${minutes} min`);
  return {
    content: "",
    embeds: [
      successEmbed(
        ctx.t("alerts.st.extraTitle"),
        ctx.t("alerts.st.extraGranted", {
          name: linked.account.robloxName,
          minutes: fmtMinutes(ctx.locale, minutes),
        }),
      ),
    ],
    components: [],
  };
}

/** show and limit find the child themselves (its own account, else through a parent link). */
export const subcommands: Record<string, Subcommand> = {
  show: plain("viewer", show, "ephemeral"),
  limit: plain("admin", limit, "ephemeral"),
  add: onAccount("admin", add),
};
