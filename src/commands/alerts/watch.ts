/** `/alerts watch-add|watch-remove|watch-list|show`: the watched users of an account, and the settings. */
import type { Invocation, LinkedAccount } from "../../context.js";
import { ALERT_EVENTS } from "../../domain/alert-events.js";
import { auditName, listRow, namePeople, personMd, resolveUser, unknownPerson } from "../../domain/people.js";
import { UserError } from "../../errors.js";
import { guildLocale, LOCALE_NAMES } from "../../i18n/locales.js";
import { keyValueEmbed, userListEmbed } from "../../ui/embeds.js";
import { escapeMarkdown } from "../../ui/format.js";
import type { Cmd, Reply } from "../types.js";

/** Most users watched per account (presence asks 50 per call: 4 calls a poll at most). */
export const WATCH_MAX = 200;

const md = (s: string) => escapeMarkdown(s, { max: 60 });

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
      throw new UserError(
        `**${md(account.robloxName)}** already watches ${WATCH_MAX} users, the most it can.`,
      );
    cur.watch[account.robloxId] = already ? list : [...list, id];
    count = cur.watch[account.robloxId]?.length ?? 0;
    return cur;
  });
  const who = personMd(u, 60);
  if (already) {
    return `${who} is already watched for **${md(account.robloxName)}**.`;
  }
  await ctx.audit("alerts.watch-add", account.robloxId, auditName(u));
  const notes = [
    s.alertChannelId ? "" : "No alert channel is set yet: use `/alerts channel`.",
    s.events.presence ? "" : "Presence alerts are off: `/alerts toggle event:presence enabled:True`.",
  ].filter(Boolean);
  return `Now watching ${who} for **${md(account.robloxName)}** (${count} watched). Changes of presence are posted once they held for one more check.${notes.length ? `\n${notes.join("\n")}` : ""}`;
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
    return `${md(label ?? id)} is not watched for **${md(account.robloxName)}**.`;
  }
  const target = id;
  await ctx.store.settings.update(ctx.guildId, (cur) => {
    const next = (cur.watch[account.robloxId] ?? []).filter((x) => x !== target);
    if (next.length > 0) cur.watch[account.robloxId] = next;
    else delete cur.watch[account.robloxId];
    return cur;
  });
  await ctx.audit("alerts.watch-remove", account.robloxId, `${label} (${id})`);
  return `Stopped watching ${md(label ?? id)} for **${md(account.robloxName)}**.`;
}

export async function watchList(
  _interaction: Cmd,
  ctx: Invocation,
  { account }: LinkedAccount,
): Promise<Reply> {
  const settings = await ctx.store.settings.get(ctx.guildId);
  const ids = settings.watch[account.robloxId] ?? [];
  const people = await namePeople(ctx, ids);
  const users = ids.map((id) => listRow(people.get(id) ?? unknownPerson(id)));
  const embed = userListEmbed({
    title: `Watched for ${md(account.robloxName)} (${ids.length})`,
    users,
    empty: "Nobody is watched yet. Add someone with `/alerts watch-add`.",
    footer: settings.events.presence ? "Presence alerts are on" : "Presence alerts are off",
  });
  return { embeds: [embed] };
}

export async function show(interaction: Cmd, ctx: Invocation): Promise<Reply> {
  const s = await ctx.store.settings.get(ctx.guildId);
  const accounts = await ctx.store.accounts.list(ctx.guildId);
  const events = ALERT_EVENTS.map((e) => `${s.events[e] ? "✅" : "❌"} ${e}`).join("\n");
  const watched =
    accounts
      .map((a) => `**${md(a.robloxName)}**: ${(s.watch[a.robloxId] ?? []).length} watched`)
      .join("\n") || "No account is linked yet.";
  const embed = keyValueEmbed("Alert settings", [
    {
      name: "Alert channel",
      value: s.alertChannelId ? `<#${s.alertChannelId}>` : "Not set: use `/alerts channel`",
      inline: true,
    },
    { name: "Mention", value: s.mentionRoleId ? `<@&${s.mentionRoleId}>` : "Nobody", inline: true },
    { name: "Time zone", value: s.timeZone, inline: true },
    {
      name: "Language",
      value: `${LOCALE_NAMES[guildLocale(s.language, interaction.guild.preferredLocale)]}${s.language ? "" : " (the server's language)"}`,
      inline: true,
    },
    { name: "Events", value: events, inline: true },
    {
      name: "Quiet hours",
      value: s.quietHours ? `${s.quietHours.start} → ${s.quietHours.end} (presence held)` : "Off",
      inline: true,
    },
    {
      name: "Daily summary",
      value: `${s.summaryTime}${s.events["daily-summary"] ? "" : " (off)"}`,
      inline: true,
    },
    { name: "Watched users", value: watched, inline: false },
  ]);
  return { embeds: [embed] };
}
