/** `/alerts` subcommands that change the guild's alert settings (no Roblox call). */
import { ChannelType, PermissionFlagsBits, type PermissionResolvable } from "discord.js";
import type { Invocation } from "../../context.js";
import { type AlertEventName, EVENT_WORDS } from "../../domain/alert-events.js";
import { localTime } from "../../domain/zone.js";
import { UserError } from "../../errors.js";
import { isLocale, LOCALE_NAMES } from "../../i18n/locales.js";
import { formatHHMM, isValidTimeZone, parseHHMM } from "../../ui/format.js";
import type { Cmd } from "../types.js";

const NEEDED: [PermissionResolvable, string][] = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
];

export async function channel(interaction: Cmd, ctx: Invocation): Promise<string> {
  const ch = interaction.options.getChannel("channel", true, [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
  ]);
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  const perms = ch.permissionsFor(me);
  const missing = NEEDED.filter(([p]) => !perms.has(p)).map(([, name]) => name);
  if (missing.length > 0) {
    throw new UserError(
      `I can't post alerts in <#${ch.id}>: I'm missing the ${missing.join(", ")} permission${missing.length > 1 ? "s" : ""} there. Give roguard ${missing.length > 1 ? "them" : "it"} in that channel's settings, then run \`/alerts channel\` again.`,
    );
  }
  const noFiles = perms.has(PermissionFlagsBits.AttachFiles)
    ? ""
    : "\nNote: without Attach Files there, the Sunday summary comes without its weekly chart image.";
  const before = (await ctx.store.settings.get(ctx.guildId)).alertChannelId;
  await ctx.store.settings.update(ctx.guildId, { alertChannelId: ch.id });
  await ctx.audit("alerts.channel", undefined, `#${ch.name} (${ch.id})${before ? `, was ${before}` : ""}`);
  return `Alerts will be posted in <#${ch.id}>. The first check of each account records how things are now; only changes after that are posted.${noFiles}`;
}

export async function toggle(interaction: Cmd, ctx: Invocation): Promise<string> {
  const event = interaction.options.getString("event", true) as AlertEventName;
  if (!(event in EVENT_WORDS)) throw new UserError(`There is no alert called “${event.slice(0, 40)}”.`);
  const enabled = interaction.options.getBoolean("enabled", true);
  const s = await ctx.store.settings.update(ctx.guildId, { events: { [event]: enabled } });
  await ctx.audit("alerts.toggle", undefined, `${event} ${enabled ? "on" : "off"}`);
  let extra = "";
  if (event === "daily-summary" && enabled) extra = ` It is posted at ${s.summaryTime} (${s.timeZone}).`;
  if (enabled && !s.alertChannelId) extra += " No alert channel is set yet: use `/alerts channel`.";
  return `${EVENT_WORDS[event]}: **${enabled ? "on" : "off"}**.${extra}`;
}

function hhmm(value: string, what: string): string {
  const m = parseHHMM(value);
  if (m === null)
    throw new UserError(`${what} “${value.slice(0, 10)}” is not a time: use HH:MM, 24-hour (e.g. 22:00).`);
  return formatHHMM(m);
}

export async function quietHours(interaction: Cmd, ctx: Invocation): Promise<string> {
  const start = interaction.options.getString("start")?.trim() ?? "";
  const end = interaction.options.getString("end")?.trim() ?? "";
  if (start === "" && end === "") {
    await ctx.store.settings.update(ctx.guildId, { quietHours: null });
    await ctx.audit("alerts.quiet-hours", undefined, "off");
    return "Quiet hours are **off**: presence alerts are posted as they happen.";
  }
  if (start === "" || end === "")
    throw new UserError("Give both `start` and `end` (HH:MM), or neither to turn quiet hours off.");
  const q = { start: hhmm(start, "Start"), end: hhmm(end, "End") };
  if (q.start === q.end) throw new UserError("Start and end are the same time: quiet hours need a length.");
  const s = await ctx.store.settings.update(ctx.guildId, { quietHours: q });
  await ctx.audit("alerts.quiet-hours", undefined, `${q.start}-${q.end}`);
  const crosses = parseHHMM(q.end)! < parseHHMM(q.start)! ? " (through midnight)" : "";
  return `Quiet hours: **${q.start} → ${q.end}**${crosses}, ${s.timeZone} time. Presence alerts are held then and posted as one digest when they end; restriction, screen-time and cookie alerts still come through.`;
}

export async function timezone(interaction: Cmd, ctx: Invocation): Promise<string> {
  const zone = interaction.options.getString("zone", true).trim();
  if (!isValidTimeZone(zone))
    throw new UserError(
      `“${zone.slice(0, 64)}” is not a time zone I know: pick an IANA zone such as Europe/Paris.`,
    );
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  const s = await ctx.store.settings.update(ctx.guildId, { timeZone: canonical });
  await ctx.audit("alerts.timezone", undefined, canonical);
  const local = localTime(ctx.now(), canonical);
  return `Time zone: **${canonical}** (it is ${formatHHMM(local.minutes)} there now). The daily summary (${s.summaryTime}) and quiet hours follow it; screen-time days follow Roblox's own day.`;
}

export async function summaryTime(interaction: Cmd, ctx: Invocation): Promise<string> {
  const time = hhmm(interaction.options.getString("time", true).trim(), "Time");
  const s = await ctx.store.settings.update(ctx.guildId, { summaryTime: time });
  await ctx.audit("alerts.summary-time", undefined, time);
  const off = s.events["daily-summary"]
    ? ""
    : " The daily summary is off: turn it on with `/alerts toggle event:daily-summary enabled:True`.";
  return `The daily summary is posted at **${time}** (${s.timeZone}).${off}`;
}

export async function mention(interaction: Cmd, ctx: Invocation): Promise<string> {
  const role = interaction.options.getRole("role");
  if (!role) {
    await ctx.store.settings.update(ctx.guildId, { mentionRoleId: undefined });
    await ctx.audit("alerts.mention", undefined, "none");
    return "Alerts will mention nobody.";
  }
  if (role.id === ctx.guildId)
    throw new UserError("Pick a specific role, not @everyone: alerts would ping every member.");
  await ctx.store.settings.update(ctx.guildId, { mentionRoleId: role.id });
  await ctx.audit("alerts.mention", undefined, `${role.name} (${role.id})`);
  const me = interaction.guild.members.me;
  const canPing = role.mentionable || me?.permissions.has(PermissionFlagsBits.MentionEveryone) === true;
  const warn = canPing
    ? ""
    : "\nNote: that role is not mentionable, so Discord will show the mention without pinging. Make it mentionable in Server Settings → Roles.";
  return `Alerts will mention <@&${role.id}> (only that role).${warn}`;
}

export async function language(interaction: Cmd, ctx: Invocation): Promise<string> {
  const value = interaction.options.getString("language", true);
  if (!isLocale(value)) throw new UserError(`roguard does not speak “${value.slice(0, 20)}” yet.`);
  await ctx.store.settings.update(ctx.guildId, { language: value });
  await ctx.audit("alerts.language", undefined, value);
  return `Alerts and digests in this server will be in **${LOCALE_NAMES[value]}**.`;
}
