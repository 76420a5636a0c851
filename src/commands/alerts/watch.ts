/** `/alerts watch-add|watch-remove|watch-list|show`: the watched users of an account, and the settings. */
import type { Invocation, LinkedAccount } from "../../context.js";
import { ALERT_EVENTS, eventWords } from "../../domain/alert-events.js";
import { auditName, listRow, namePeople, personMd, resolveUser, unknownPerson } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import { guildLocale, LOCALE_NAMES } from "../../i18n/locales.js";
import { md } from "../../i18n/t.js";
import { keyValueEmbed, userListEmbed } from "../../ui/embeds.js";
import { escapeMarkdown } from "../../ui/format.js";
import type { Cmd, Reply } from "../types.js";

/** Most users watched per account (presence asks 50 per call: 4 calls a poll at most). */
export const WATCH_MAX = 200;

/** A Roblox name, escaped and cut, as markdown for t(). */
const name = (s: string) => md(escapeMarkdown(s, { max: 60 }));

export async function watchAdd(
  interaction: Cmd,
  ctx: Invocation,
  { account }: LinkedAccount,
): Promise<Reply> {
  const u = await resolveUser(ctx, interaction.options.getString("user", true));
  const id = u.id;
  let already = false;
  let count = 0;
  const s = await ctx.store.settings.update(ctx.guildId, (cur) => {
    const list = cur.watch[account.robloxId] ?? [];
    already = list.includes(id);
    if (!already && list.length >= WATCH_MAX)
      throw new UserError("alerts.watch.full", { account: name(account.robloxName), max: WATCH_MAX });
    cur.watch[account.robloxId] = already ? list : [...list, id];
    count = cur.watch[account.robloxId]?.length ?? 0;
    return cur;
  });
  const who = md(personMd(u, ctx.locale, 60));
  if (already) {
    return ctx.t("alerts.watch.already", { who, account: name(account.robloxName) });
  }
  await ctx.audit("alerts.watch-add", account.robloxId, auditName(u));
  const notes = [
    s.alertChannelId ? "" : ctx.t("alerts.noChannel"),
    s.events.presence ? "" : ctx.t("alerts.watch.presenceOff"),
  ].filter(Boolean);
  const added = ctx.t("alerts.watch.added", { who, account: name(account.robloxName), count });
  return `${added}${notes.length ? `\n${notes.join("\n")}` : ""}`;
}

export async function watchRemove(
  interaction: Cmd,
  ctx: Invocation,
  { account }: LinkedAccount,
): Promise<Reply> {
  const value = interaction.options.getString("user", true).trim();
  const settings = await ctx.store.settings.get(ctx.guildId);
  const list = settings.watch[account.robloxId] ?? [];
  // A numeric id needs no lookup; a name is matched against the watched users' names first.
  let id = /^\d{1,20}$/.test(value) ? value : undefined;
  let label = id;
  if (!id) {
    const names = await ctx.lookups.names(list, ctx.call).catch(() => new Map());
    const lower = value.replace(/^@/, "").toLowerCase();
    const hit = [...names.values()].find((n) => n.name.toLowerCase() === lower);
    const u = hit ? { id: hit.id, name: hit.name } : await resolveUser(ctx, value);
    id = String(u.id);
    label = `@${u.name}`;
  }
  if (!list.includes(id)) {
    return ctx.t("alerts.watch.notWatched", { label: name(label ?? id), account: name(account.robloxName) });
  }
  const target = id;
  await ctx.store.settings.update(ctx.guildId, (cur) => {
    const next = (cur.watch[account.robloxId] ?? []).filter((x) => x !== target);
    if (next.length > 0) cur.watch[account.robloxId] = next;
    else delete cur.watch[account.robloxId];
    return cur;
  });
  await ctx.audit("alerts.watch-remove", account.robloxId, `${label} (${id})`);
  return ctx.t("alerts.watch.removed", { label: name(label ?? id), account: name(account.robloxName) });
}

export async function watchList(
  _interaction: Cmd,
  ctx: Invocation,
  { account }: LinkedAccount,
): Promise<Reply> {
  const settings = await ctx.store.settings.getForDisplay(ctx.guildId);
  const ids = settings.watch[account.robloxId] ?? [];
  const people = await namePeople(ctx, ids);
  const users = ids.map((id) => listRow(people.get(id) ?? unknownPerson(id), ctx.locale));
  const embed = userListEmbed({
    title: ctx.t("alerts.watch.listTitle", { account: name(account.robloxName), count: ids.length }),
    users,
    empty: ctx.t("alerts.watch.listEmpty"),
    footer: ctx.t(
      settings.events.presence ? "alerts.watch.presenceOnFooter" : "alerts.watch.presenceOffFooter",
    ),
    locale: ctx.locale,
  });
  return { embeds: [embed] };
}

export async function show(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const s = await ctx.store.settings.getForDisplay(ctx.guildId);
  const accounts = await ctx.store.accounts.listForDisplay(ctx.guildId);
  const events = ALERT_EVENTS.map((e) => `${s.events[e] ? "✅" : "❌"} ${eventWords(e, ctx.locale)}`).join(
    "\n",
  );
  const watched =
    accounts
      .map((a) =>
        ctx.t("alerts.show.accountWatched", {
          account: name(a.robloxName),
          count: (s.watch[a.robloxId] ?? []).length,
        }),
      )
      .join("\n") || ctx.t("alerts.show.noAccount");
  const embed = keyValueEmbed(ctx.t("alerts.show.title"), [
    {
      name: ctx.t("alerts.show.channel"),
      value: s.alertChannelId ? `<#${s.alertChannelId}>` : ctx.t("alerts.show.channelNotSet"),
      inline: true,
    },
    {
      name: ctx.t("alerts.show.mention"),
      value: s.mentionRoleId ? `<@&${s.mentionRoleId}>` : ctx.t("alerts.show.nobody"),
      inline: true,
    },
    { name: ctx.t("alerts.show.timeZone"), value: s.timeZone, inline: true },
    {
      name: ctx.t("alerts.show.language"),
      value: `${LOCALE_NAMES[guildLocale(s.language, interaction.guild.preferredLocale)]}${s.language ? "" : ctx.t("alerts.show.serverLanguage")}`,
      inline: true,
    },
    { name: ctx.t("alerts.show.events"), value: events, inline: false },
    {
      name: ctx.t("alerts.show.quietHours"),
      value: s.quietHours
        ? ctx.t("alerts.show.quietValue", { start: s.quietHours.start, end: s.quietHours.end })
        : ctx.t("alerts.show.off"),
      inline: true,
    },
    {
      name: ctx.t("alerts.show.dailySummary"),
      value: `${s.summaryTime}${s.events["daily-summary"] ? "" : ctx.t("alerts.show.summaryOff")}`,
      inline: true,
    },
    { name: ctx.t("alerts.show.watched"), value: watched, inline: false },
  ]);
  return { embeds: [embed] };
}
