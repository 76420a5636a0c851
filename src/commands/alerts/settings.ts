/** `/alerts` subcommands that change the guild's alert settings (no Roblox call). */
import { ChannelType, PermissionFlagsBits, type PermissionResolvable } from "discord.js";
import type { Invocation } from "../../context.js";
import { type AlertEventName, EVENT_WORDS, eventWords } from "../../domain/alert-events.js";
import { localTime } from "../../domain/zone.js";
import { UserError } from "../../errors.js";
import { isLocale, LOCALE_NAMES } from "../../i18n/locales.js";
import { type MessageKey, md } from "../../i18n/t.js";
import { formatHHMM, isValidTimeZone, parseHHMM } from "../../ui/format.js";
import type { Cmd } from "../types.js";

const NEEDED: [PermissionResolvable, MessageKey][] = [
  [PermissionFlagsBits.ViewChannel, "alerts.perm.viewChannel"],
  [PermissionFlagsBits.SendMessages, "alerts.perm.sendMessages"],
  [PermissionFlagsBits.EmbedLinks, "alerts.perm.embedLinks"],
];

export async function channel(interaction: Cmd, ctx: Invocation): Promise<string> {
  const ch = interaction.options.getChannel("channel", true, [
    ChannelType.GuildText,
    ChannelType.GuildAnnouncement,
  ]);
  const me = interaction.guild.members.me ?? (await interaction.guild.members.fetchMe());
  const perms = ch.permissionsFor(me);
  const missing = NEEDED.filter(([p]) => !perms.has(p)).map(([, key]) => key);
  if (missing.length > 0) {
    throw new UserError("alerts.channel.missing", {
      channel: md(`<#${ch.id}>`),
      missing: missing.map((key) => ctx.t(key)).join(", "),
      count: missing.length,
    });
  }
  const noFiles = perms.has(PermissionFlagsBits.AttachFiles) ? "" : `\n${ctx.t("alerts.channel.noFiles")}`;
  const before = (await ctx.store.settings.get(ctx.guildId)).alertChannelId;
  await ctx.store.settings.update(ctx.guildId, { alertChannelId: ch.id });
  await ctx.audit("alerts.channel", undefined, `#${ch.name} (${ch.id})${before ? `, was ${before}` : ""}`);
  return `${ctx.t("alerts.channel.set", { channel: md(`<#${ch.id}>`) })}${noFiles}`;
}

export async function toggle(interaction: Cmd, ctx: Invocation): Promise<string> {
  const event = interaction.options.getString("event", true) as AlertEventName;
  if (!(event in EVENT_WORDS)) throw new UserError("alerts.toggle.unknown", { event: event.slice(0, 40) });
  const enabled = interaction.options.getBoolean("enabled", true);
  const s = await ctx.store.settings.update(ctx.guildId, { events: { [event]: enabled } });
  await ctx.audit("alerts.toggle", undefined, `${event} ${enabled ? "on" : "off"}`);
  let extra = "";
  if (event === "daily-summary" && enabled)
    extra = ` ${ctx.t("alerts.toggle.summaryAt", { time: s.summaryTime, zone: md(s.timeZone) })}`;
  if (enabled && !s.alertChannelId) extra += ` ${ctx.t("alerts.noChannel")}`;
  const state = ctx.t(enabled ? "alerts.toggle.on" : "alerts.toggle.off");
  return `${ctx.t("alerts.toggle.done", { event: eventWords(event, ctx.locale), state })}${extra}`;
}

function hhmm(ctx: Invocation, value: string, what: MessageKey): string {
  const m = parseHHMM(value);
  if (m === null)
    throw new UserError("alerts.time.invalid", { what: ctx.t(what), value: value.slice(0, 10) });
  return formatHHMM(m);
}

export async function quietHours(interaction: Cmd, ctx: Invocation): Promise<string> {
  const start = interaction.options.getString("start")?.trim() ?? "";
  const end = interaction.options.getString("end")?.trim() ?? "";
  if (start === "" && end === "") {
    await ctx.store.settings.update(ctx.guildId, { quietHours: null });
    await ctx.audit("alerts.quiet-hours", undefined, "off");
    return ctx.t("alerts.quiet.off");
  }
  if (start === "" || end === "") throw new UserError("alerts.quiet.both");
  const q = { start: hhmm(ctx, start, "alerts.time.start"), end: hhmm(ctx, end, "alerts.time.end") };
  if (q.start === q.end) throw new UserError("alerts.quiet.same");
  const s = await ctx.store.settings.update(ctx.guildId, { quietHours: q });
  await ctx.audit("alerts.quiet-hours", undefined, `${q.start}-${q.end}`);
  const crosses = parseHHMM(q.end)! < parseHHMM(q.start)! ? ctx.t("alerts.quiet.midnight") : "";
  return ctx.t("alerts.quiet.set", {
    start: q.start,
    end: q.end,
    crosses: md(crosses),
    zone: md(s.timeZone),
  });
}

export async function timezone(interaction: Cmd, ctx: Invocation): Promise<string> {
  const zone = interaction.options.getString("zone", true).trim();
  if (!isValidTimeZone(zone)) throw new UserError("alerts.zone.invalid", { zone: zone.slice(0, 64) });
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  const s = await ctx.store.settings.update(ctx.guildId, { timeZone: canonical });
  await ctx.audit("alerts.timezone", undefined, canonical);
  const local = localTime(ctx.now(), canonical);
  return ctx.t("alerts.zone.set", {
    zone: md(canonical),
    time: formatHHMM(local.minutes),
    summary: s.summaryTime,
  });
}

export async function summaryTime(interaction: Cmd, ctx: Invocation): Promise<string> {
  const time = hhmm(ctx, interaction.options.getString("time", true).trim(), "alerts.time.time");
  const s = await ctx.store.settings.update(ctx.guildId, { summaryTime: time });
  await ctx.audit("alerts.summary-time", undefined, time);
  const off = s.events["daily-summary"] ? "" : ` ${ctx.t("alerts.summary.off")}`;
  return `${ctx.t("alerts.summary.set", { time, zone: md(s.timeZone) })}${off}`;
}

export async function mention(interaction: Cmd, ctx: Invocation): Promise<string> {
  const role = interaction.options.getRole("role");
  if (!role) {
    await ctx.store.settings.update(ctx.guildId, { mentionRoleId: undefined });
    await ctx.audit("alerts.mention", undefined, "none");
    return ctx.t("alerts.mention.none");
  }
  if (role.id === ctx.guildId) throw new UserError("alerts.mention.everyone");
  await ctx.store.settings.update(ctx.guildId, { mentionRoleId: role.id });
  await ctx.audit("alerts.mention", undefined, `${role.name} (${role.id})`);
  const me = interaction.guild.members.me;
  const canPing = role.mentionable || me?.permissions.has(PermissionFlagsBits.MentionEveryone) === true;
  const warn = canPing ? "" : `\n${ctx.t("alerts.mention.notMentionable")}`;
  return `${ctx.t("alerts.mention.set", { role: md(`<@&${role.id}>`) })}${warn}`;
}

export async function language(interaction: Cmd, ctx: Invocation): Promise<string> {
  const value = interaction.options.getString("language", true);
  if (!isLocale(value)) throw new UserError("alerts.language.unknown", { value: value.slice(0, 20) });
  await ctx.store.settings.update(ctx.guildId, { language: value });
  await ctx.audit("alerts.language", undefined, value);
  return ctx.t("alerts.language.set", { language: LOCALE_NAMES[value] });
}
